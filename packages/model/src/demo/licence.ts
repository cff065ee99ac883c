/** Required wherever the WG school data is shipped (data/SOURCES.md). */
export const DATA_LICENCE_LINE = 'Contains public sector information licensed under the Open Government Licence v3.0.';

export const DATA_LICENCE_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/** The coordinates come from postcodes.io (ONS/OS data); this is its required attribution. */
export const POSTCODE_ATTRIBUTION =
  'Contains OS data © Crown copyright and database right; Royal Mail data © Royal Mail copyright and database right; National Statistics data © Crown copyright and database right';

/**
 * The password of every demo account. DEMO ONLY: the server must refuse it (and demo accounts
 * altogether) unless it runs in demo mode. It is public by design, so it protects nothing.
 */
export const DEMO_PASSWORD = 'cydweithio-demo';

/** Demo accounts' emails end in this domain, so they are easy to spot and to refuse. */
export const DEMO_EMAIL_DOMAIN = 'demo.cydweithio.cymru';
