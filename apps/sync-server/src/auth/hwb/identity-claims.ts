/**
 * What a validated id_token says about who signed in (IDENTITY.md H5-H9). Pure: the signature,
 * issuer, audience, expiry and nonce were checked by openid-client before this sees the claims.
 *
 * A person is the immutable pair (tenant id, object id): Entra's `tid` and `oid`. The `email`
 * claim is never read: in Entra ID it is mutable and unverified, and trusting it let anyone with
 * their own tenant take over accounts ("nOAuth"). The address used to find an invited account
 * is the user principal name (`upn`), and only when it lies in a domain this tenant is
 * configured to vouch for: a tenant can only give its users names in its own verified domains.
 */

export type HwbRefusal = 'hwb.token-invalid' | 'hwb.tenant-refused' | 'hwb.address-not-vouched';

export interface HwbIdentity {
  tenantId: string;
  objectId: string;
  /** The user principal name, lower case, in one of the tenant's configured domains. */
  vouchedAddress: string;
  name: string;
}

export type HwbIdentityResult = { ok: true; identity: HwbIdentity } | { ok: false; code: HwbRefusal; tenantId?: string };

const objectIdPattern = /^[A-Za-z0-9-]{1,64}$/;
const addressPattern = /^[^\s@]{1,64}@([^\s@]{1,253})$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The address, if the tenant vouches for it: its domain is exactly one the tenant is configured with. */
export function vouchedAddress(upn: unknown, domains: readonly string[]): string | null {
  const address = text(upn)?.toLowerCase();
  const domain = address ? addressPattern.exec(address)?.[1] : undefined;
  // Exact match only: a subdomain could be delegated to someone else; a guest's
  // `name_example.com#EXT#@tenant.onmicrosoft.com` never matches a configured domain.
  return address && domain && domains.includes(domain) ? address : null;
}

export function readHwbIdentity(claims: Record<string, unknown>, tenants: ReadonlyMap<string, readonly string[]>): HwbIdentityResult {
  const tenantId = text(claims['tid']);
  const objectId = text(claims['oid']);
  if (!tenantId || !objectId || !objectIdPattern.test(tenantId) || !objectIdPattern.test(objectId)) return { ok: false, code: 'hwb.token-invalid' };
  const domains = tenants.get(tenantId);
  if (!domains) return { ok: false, code: 'hwb.tenant-refused', tenantId };
  const address = vouchedAddress(claims['upn'], domains);
  if (!address) return { ok: false, code: 'hwb.address-not-vouched', tenantId };
  const name = (text(claims['name']) ?? address.split('@')[0] ?? address).slice(0, 200);
  return { ok: true, identity: { tenantId, objectId, vouchedAddress: address, name } };
}
