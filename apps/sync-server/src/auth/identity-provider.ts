/**
 * Who someone is, kept behind one interface so that routes never know how they proved it.
 * Passwords now; an OpenID Connect provider (Hwb) can implement the same interface later and
 * be registered beside it without touching a route.
 */
import { eq } from 'drizzle-orm';
import { DEMO_EMAIL_DOMAIN } from '@cydweithio/model/demo/licence';
import { people } from '../db/schema/directory';
import type { Sql } from '../db/sql';
import { defaultScryptParams, hashPassword, verifyPassword, type ScryptParams } from './password';

export interface PasswordCredentials {
  email: string;
  password: string;
}

export interface IdentityProvider<C = PasswordCredentials> {
  readonly id: string;
  /** The person id, or null for any failure: callers must not learn which part was wrong. */
  authenticate(credentials: C): Promise<string | null>;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class PasswordIdentityProvider implements IdentityProvider<PasswordCredentials> {
  readonly id = 'password';
  /** Hash of a random password, so an unknown email costs as much as a wrong password. */
  private decoy: Promise<string> | undefined;

  /**
   * decoyParams: those new passwords are hashed with, so a decoy check costs the same.
   * acceptDemoAccounts: demo accounts share a public password, so outside demo mode they are
   * treated as unknown even if their rows exist.
   */
  constructor(
    private readonly sql: Sql,
    private readonly decoyParams: ScryptParams = defaultScryptParams,
    private readonly acceptDemoAccounts = false,
  ) {}

  async authenticate({ email, password }: PasswordCredentials): Promise<string | null> {
    const person = await this.sql.one((db) => db.select({ id: people.id, passwordHash: people.passwordHash }).from(people)
      .where(eq(people.email, normaliseEmail(email))));
    const refusedDemo = !this.acceptDemoAccounts && normaliseEmail(email).endsWith(`@${DEMO_EMAIL_DOMAIN}`);
    if (!person?.passwordHash || refusedDemo) {
      // Same work as a real check: the response time does not reveal whether the email exists.
      this.decoy ??= hashPassword(crypto.randomUUID(), this.decoyParams);
      await verifyPassword(password, await this.decoy);
      return null;
    }
    return (await verifyPassword(password, person.passwordHash)) ? person.id : null;
  }
}
