/**
 * Starts a session and sets its cookie: HTTP-only (no script can read it), SameSite=Lax (a
 * cross-site POST does not carry it), Path=/ (the API and the sync socket both see it), and
 * Secure when the request came over https or the host says so.
 */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/session-store';
import { hashToken } from '../auth/tokens';
import type { AccessServices } from '../access/services';

/** Returns the new session's stored id (the hash of its token). */
export async function startSession(c: Context, services: AccessServices, personId: string): Promise<string> {
  const session = await services.sessions.create(personId);
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: services.options.secureCookies ?? new URL(c.req.url).protocol === 'https:',
    expires: new Date(session.expiresAt),
  });
  return hashToken(session.token);
}
