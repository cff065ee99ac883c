/**
 * Sign-ins in flight between the redirect to the provider and its answer (IDENTITY.md H14-H15):
 * the PKCE verifier and nonce, stored under the hash of the state. Taking one deletes it, so a
 * replayed answer finds nothing; an attempt not answered within ten minutes is dead.
 */
import { eq, lt } from 'drizzle-orm';
import { hwbSignInAttempts } from '../../db/schema/identity';
import type { Clock } from '../../access/context';
import type { Sql } from '../../db/sql';
import { hashToken } from '../tokens';

export const signInAttemptTtlMs = 10 * 60 * 1000;

export interface SignInAttempt {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

export class SignInAttempts {
  constructor(private readonly sql: Sql, private readonly clock: Clock, private readonly ttlMs = signInAttemptTtlMs) {}

  async begin(state: string, attempt: SignInAttempt): Promise<void> {
    const now = this.clock();
    await this.sql.run((db) => db.delete(hwbSignInAttempts).where(lt(hwbSignInAttempts.expiresAt, new Date(now))));
    await this.sql.run((db) => db.insert(hwbSignInAttempts).values({ stateHash: hashToken(state), ...attempt, expiresAt: new Date(now + this.ttlMs) }));
  }

  /** The attempt for this state, once: it is deleted in the same step. Null if unknown, used or expired. */
  async take(state: string): Promise<SignInAttempt | null> {
    const stateHash = hashToken(state);
    const rows = await this.sql.all((db) => db.delete(hwbSignInAttempts).where(eq(hwbSignInAttempts.stateHash, stateHash)).returning());
    const row = rows[0];
    if (!row || row.expiresAt.getTime() <= this.clock()) return null;
    return { codeVerifier: row.codeVerifier, nonce: row.nonce, returnTo: row.returnTo };
  }
}
