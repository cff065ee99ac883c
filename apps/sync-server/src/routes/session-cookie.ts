/**
 * Starts a session and sets its cookie: HTTP-only (no script can read it), SameSite=Lax (a
 * cross-site POST does not carry it), Path=/ (the API and the sync socket both see it), and
 * Secure when the request came over https (also through a trusted TLS proxy) or the host says so.
 */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/session-store';
import { hashToken } from '../auth/tokens';
import type { AccessServices } from '../access/services';
import { cameOverHttps } from './request-transport';

/** Whether cookies set on this response carry Secure (A81): the session's and Hwb's state cookie alike. */
export function secureCookie(c: Context, services: Pick<AccessServices, 'options'>): boolean {
  return services.options.secureCookies ?? cameOverHttps(c, services.options.trustProxy);
}

/** Returns the new session's stored id (the hash of its token). */
export async function startSession(c: Context, services: AccessServices, personId: string): Promise<string> {
  const session = await services.sessions.create(personId);
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secureCookie(c, services),
    expires: new Date(session.expiresAt),
  });
  return hashToken(session.token);
}
