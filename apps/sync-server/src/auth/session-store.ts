/**
 * Sessions: the cookie carries a random 256-bit token; the database keeps only its hash,
 * the person and the expiry. Expired rows are treated as absent and deleted when seen.
 */
import { eq, lt } from 'drizzle-orm';
import { sessions } from '../db/schema/directory';
import type { Clock } from '../access/context';
import type { Sql } from '../db/sql';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'cyd_session';
/** Two weeks: a term's working fortnight without signing in again, short enough to age out. */
export const defaultSessionTtlMs = 14 * 24 * 60 * 60 * 1000;

export class SessionStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock, private readonly ttlMs = defaultSessionTtlMs) {}

  async create(personId: string): Promise<{ token: string; expiresAt: number }> {
    // Sign-ins are rare next to requests: a good moment to drop sessions nobody will present again.
    await this.deleteExpired();
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + this.ttlMs;
    await this.sql.run((db) => db.insert(sessions).values({ idHash: hashToken(token), personId, expiresAt: new Date(expiresAt), createdAt: new Date(now) }));
    return { token, expiresAt };
  }

  /** The person behind a cookie token, or null if unknown or expired. */
  async personFor(token: string | undefined): Promise<string | null> {
    return (await this.sessionFor(token))?.personId ?? null;
  }

  /** The live session behind a cookie token: its stored id (the hash), person and expiry. */
  async sessionFor(token: string | undefined): Promise<{ idHash: string; personId: string; expiresAt: number } | null> {
    if (!token) return null;
    const idHash = hashToken(token);
    const row = await this.sql.one((db) => db.select().from(sessions).where(eq(sessions.idHash, idHash)));
    if (!row) return null;
    if (row.expiresAt.getTime() <= this.clock()) {
      await this.sql.run((db) => db.delete(sessions).where(eq(sessions.idHash, idHash)));
      return null;
    }
    return { idHash, personId: row.personId, expiresAt: row.expiresAt.getTime() };
  }

  /** Deletes the session; returns its stored id (so that its open sockets can be closed). */
  async delete(token: string): Promise<string> {
    const idHash = hashToken(token);
    await this.sql.run((db) => db.delete(sessions).where(eq(sessions.idHash, idHash)));
    return idHash;
  }

  async deleteExpired(): Promise<void> {
    await this.sql.run((db) => db.delete(sessions).where(lt(sessions.expiresAt, new Date(this.clock()))));
  }

  async deleteAllFor(personId: string): Promise<void> {
    await this.sql.run((db) => db.delete(sessions).where(eq(sessions.personId, personId)));
  }
}
