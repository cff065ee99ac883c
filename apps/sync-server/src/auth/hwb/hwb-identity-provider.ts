/**
 * Hwb behind the same `IdentityProvider` interface as passwords (identity-provider.ts): given the
 * validated claims of an id_token, the person they name. `resolve` says why a sign-in was
 * refused, for the route to answer with a stable code; `authenticate` keeps the interface's
 * person-or-null answer.
 */
import type { IdentityProvider } from '../identity-provider';
import { readHwbIdentity, type HwbIdentity, type HwbRefusal } from './identity-claims';
import type { HwbIdentityStore, HwbSignInOutcome } from './identity-store';

/** What the provider vouched for: the id_token's claims (already validated, H3) and its issuer. */
export interface HwbAssertion {
  claims: Record<string, unknown>;
  issuer: string;
}

export type HwbResolution =
  | (Extract<HwbSignInOutcome, { ok: true }> & { identity: HwbIdentity })
  | { ok: false; code: HwbRefusal | 'hwb.account-linked-elsewhere'; tenantId: string | null; personId?: string };

export class HwbIdentityProvider implements IdentityProvider<HwbAssertion> {
  readonly id = 'hwb';

  constructor(private readonly identities: HwbIdentityStore, private readonly tenants: ReadonlyMap<string, readonly string[]>) {}

  async resolve({ claims, issuer }: HwbAssertion): Promise<HwbResolution> {
    const read = readHwbIdentity(claims, this.tenants);
    if (!read.ok) return { ok: false, code: read.code, tenantId: read.tenantId ?? null };
    const outcome = await this.identities.signIn(read.identity, issuer);
    if (!outcome.ok) return { ok: false, code: outcome.code, tenantId: read.identity.tenantId, personId: outcome.personId };
    return { ...outcome, identity: read.identity };
  }

  async authenticate(assertion: HwbAssertion): Promise<string | null> {
    const resolved = await this.resolve(assertion);
    return resolved.ok ? resolved.personId : null;
  }
}
