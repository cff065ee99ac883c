/**
 * Sessions: the cookie carries a random 256-bit token; the database keeps only its hash,
 * the person and the expiry. Expired rows are treated as absent and deleted when seen.
 */
import { eq, lt } from 'drizzle-orm';
import { sessions } from '../db/schema/directory';
import type { Clock, Db } from '../access/context';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'cyd_session';
/** Two weeks: a term's working fortnight without signing in again, short enough to age out. */
export const defaultSessionTtlMs = 14 * 24 * 60 * 60 * 1000;

export class SessionStore {
  constructor(private readonly db: Db, private readonly clock: Clock, private readonly ttlMs = defaultSessionTtlMs) {}

  create(personId: string): { token: string; expiresAt: number } {
    // Sign-ins are rare next to requests: a good moment to drop sessions nobody will present again.
    this.deleteExpired();
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + this.ttlMs;
    this.db.insert(sessions).values({ idHash: hashToken(token), personId, expiresAt: new Date(expiresAt), createdAt: new Date(now) }).run();
    return { token, expiresAt };
  }

  /** The person behind a cookie token, or null if unknown or expired. */
  personFor(token: string | undefined): string | null {
    if (!token) return null;
    const idHash = hashToken(token);
    const row = this.db.select().from(sessions).where(eq(sessions.idHash, idHash)).get();
    if (!row) return null;
    if (row.expiresAt.getTime() <= this.clock()) {
      this.db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
      return null;
    }
    return row.personId;
  }

  delete(token: string): void {
    this.db.delete(sessions).where(eq(sessions.idHash, hashToken(token))).run();
  }

  deleteExpired(): void {
    this.db.delete(sessions).where(lt(sessions.expiresAt, new Date(this.clock()))).run();
  }

  deleteAllFor(personId: string): void {
    this.db.delete(sessions).where(eq(sessions.personId, personId)).run();
  }
}
