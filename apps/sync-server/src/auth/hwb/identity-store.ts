/**
 * Linked external identities and Hwb sessions (IDENTITY.md H9-H13). A sign-in resolves the
 * (tenant id, object id) pair to one person in a single transaction: the linked person, or the
 * account whose address the tenant vouches for, or a new account holding no role.
 */
import { and, eq } from 'drizzle-orm';
import { people } from '../../db/schema/directory';
import { externalIdentities, hwbSessions } from '../../db/schema/identity';
import type { Clock } from '../../access/context';
import type { Sql } from '../../db/sql';
import { newId } from '../tokens';
import type { HwbIdentity } from './identity-claims';

/** returning: linked before; linked: an existing account, linked now; created: a new role-less account. */
export type HwbSignInOutcome =
  | { ok: true; personId: string; identityId: string; how: 'returning' | 'linked' | 'created' }
  | { ok: false; code: 'hwb.account-linked-elsewhere'; personId: string };

export interface LinkedIdentity {
  tenantId: string;
  vouchedAddress: string;
  linkedAt: string;
  lastSignInAt: string;
}

export class HwbIdentityStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  async signIn(identity: HwbIdentity, issuer: string): Promise<HwbSignInOutcome> {
    const now = new Date(this.clock());
    return this.sql.transaction(async (tx) => {
      const linked = await tx.one((db) => db.select().from(externalIdentities)
        .where(and(eq(externalIdentities.tenantId, identity.tenantId), eq(externalIdentities.objectId, identity.objectId))));
      if (linked) {
        await tx.run((db) => db.update(externalIdentities).set({ lastSignInAt: now, vouchedAddress: identity.vouchedAddress })
          .where(eq(externalIdentities.id, linked.id)));
        return { ok: true, personId: linked.personId, identityId: linked.id, how: 'returning' };
      }
      const identityId = newId('ext');
      const link = { id: identityId, issuer, tenantId: identity.tenantId, objectId: identity.objectId, vouchedAddress: identity.vouchedAddress, linkedAt: now, lastSignInAt: now };
      const existing = await tx.one((db) => db.select({ id: people.id }).from(people).where(eq(people.email, identity.vouchedAddress)));
      if (existing) {
        // The address's account already answers to another Hwb identity: a recycled address
        // (a new object id for the same name) must not inherit someone else's roles.
        const taken = await tx.one((db) => db.select({ id: externalIdentities.id }).from(externalIdentities).where(eq(externalIdentities.personId, existing.id)));
        if (taken) return { ok: false, code: 'hwb.account-linked-elsewhere', personId: existing.id };
        await tx.run((db) => db.insert(externalIdentities).values({ ...link, personId: existing.id }));
        return { ok: true, personId: existing.id, identityId, how: 'linked' };
      }
      const personId = newId('person');
      await tx.run((db) => db.insert(people).values({ id: personId, name: identity.name, email: identity.vouchedAddress, passwordHash: null }));
      await tx.run((db) => db.insert(externalIdentities).values({ ...link, personId }));
      return { ok: true, personId, identityId, how: 'created' };
    });
  }

  /** Remembers that a session came from Hwb, with the id_token to hint sign-out at the provider. */
  async recordSession(sessionIdHash: string, identityId: string, idToken: string): Promise<void> {
    await this.sql.run((db) => db.insert(hwbSessions).values({ sessionIdHash, identityId, idToken }));
  }

  /** The id_token of a Hwb session, or null for a password session or an unknown one. */
  async sessionIdToken(sessionIdHash: string): Promise<string | null> {
    const row = await this.sql.one((db) => db.select({ idToken: hwbSessions.idToken }).from(hwbSessions).where(eq(hwbSessions.sessionIdHash, sessionIdHash)));
    return row?.idToken ?? null;
  }

  /** The person's own linked identity, for them to see (H12). */
  async linkedTo(personId: string): Promise<LinkedIdentity[]> {
    const rows = await this.sql.all((db) => db.select().from(externalIdentities).where(eq(externalIdentities.personId, personId)));
    return rows.map((row) => ({ tenantId: row.tenantId, vouchedAddress: row.vouchedAddress, linkedAt: row.linkedAt.toISOString(), lastSignInAt: row.lastSignInAt.toISOString() }));
  }
}
