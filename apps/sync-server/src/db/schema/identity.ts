/**
 * Sign in with Hwb (IDENTITY.md): the external identities linked to people, the sign-ins in
 * flight between the redirect to the provider and its answer, and which sessions came from Hwb.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { people, sessions } from './directory';

export const externalIdentities = sqliteTable('external_identities', {
  id: text('id').primaryKey(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  /** The issuer that vouched for the link, kept for the record. */
  issuer: text('issuer').notNull(),
  /** Entra's `tid` and `oid`: together they name one person for good (never the email claim). */
  tenantId: text('tenant_id').notNull(),
  objectId: text('object_id').notNull(),
  /** The user principal name the tenant vouched for, at the last sign-in. */
  vouchedAddress: text('vouched_address').notNull(),
  linkedAt: integer('linked_at', { mode: 'timestamp_ms' }).notNull(),
  lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [
  uniqueIndex('external_identities_subject').on(t.tenantId, t.objectId),
  // One Hwb identity per account: a recycled address with a new object id never inherits it (H11).
  uniqueIndex('external_identities_person').on(t.personId),
]);

export const hwbSignInAttempts = sqliteTable('hwb_sign_in_attempts', {
  /** SHA-256 of the state sent to the provider; the browser holds the state in a cookie. */
  stateHash: text('state_hash').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  /** The app path to open after signing in. */
  returnTo: text('return_to').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [index('hwb_sign_in_attempts_expires_idx').on(t.expiresAt)]);

export const hwbSessions = sqliteTable('hwb_sessions', {
  sessionIdHash: text('session_id_hash').primaryKey().references(() => sessions.idHash, { onDelete: 'cascade' }),
  identityId: text('identity_id').notNull().references(() => externalIdentities.id, { onDelete: 'cascade' }),
  /** The id_token, only as the hint for signing out at the provider (RP-initiated logout). */
  idToken: text('id_token').notNull(),
});
