/**
 * CSRF protection for every state-changing route (ACCESS.md A4). Two layers:
 * - hono/csrf: a form-like request (form, multipart, text/plain: the kinds a foreign page can
 *   send without a CORS preflight) must come from an allowed Origin or be same-origin by
 *   Sec-Fetch-Site;
 * - stricter than hono/csrf: any unsafe request that carries an Origin header at all must carry
 *   an allowed one, whatever its content type.
 * The session cookie is SameSite=Lax as well, so a cross-site POST does not carry it.
 */
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { OriginCheck } from '../../access/origin';
import { ProblemError } from '../problem';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's own host, the public URL and the allowed origins pass (access/origin.ts). */
export function originGuard(isAllowed: OriginCheck): MiddlewareHandler {
  const honoCsrf = csrf({ origin: (origin, c) => isAllowed(origin, c.req.url) });
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    if (!isAllowed(c.req.header('origin'), c.req.url)) throw new ProblemError('request.origin-refused');
    return honoCsrf(c, next);
  };
}
