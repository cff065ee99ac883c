import type { Locale } from '@cydweithio/ui';

/**
 * An ISO date (yyyy-mm-dd) as people write it in the chosen language, e.g. "14 Hydref 2026" /
 * "14 October 2026". Anything unparseable is shown as given rather than hidden.
 */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
