/**
 * Bearer secrets (session cookies, invitation links): 256 random bits, stored only as their
 * SHA-256. A plain hash is enough here, unlike passwords: the token has full entropy, so there
 * is nothing to guess, and a fast lookup by hash keeps every request cheap.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opaque ids for rows (people, invitations, role assignments). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
