/**
 * Reads the session cookie once per request and puts the signed-in person's id (or null) in
 * the context. Routes that need a person call requireSignIn, which refuses with auth.required.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, type SessionStore } from '../../auth/session-store';
import { ProblemError } from '../problem';
import type { AccessEnv } from '../access-env';

export function sessionReader(sessions: SessionStore): MiddlewareHandler<AccessEnv> {
  return async (c, next) => {
    c.set('personId', await sessions.personFor(getCookie(c, SESSION_COOKIE)));
    await next();
  };
}

/** The signed-in person's id, or a 401 auth.required. */
export function requireSignIn(c: Context<AccessEnv>): string {
  const personId = c.get('personId');
  if (!personId) throw new ProblemError('auth.required');
  return personId;
}
