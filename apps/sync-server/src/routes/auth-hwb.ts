/**
 * Sign in with Hwb (IDENTITY.md H14-H24): start (redirect to the provider with state, nonce
 * and PKCE), callback (validate, resolve the person, start a new session), sign-out (end the
 * session here, its sockets, and hand back the provider's end-session address), and which
 * sign-in methods this deployment offers.
 *
 * The callback is a browser navigation: a refusal is a redirect to the sign-in page carrying
 * the stable code (shown there in Welsh or English); any other client gets problem+json.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AccessServices } from '../access/services';
import type { HwbServices } from '../auth/hwb/hwb-services';
import { SESSION_COOKIE } from '../auth/session-store';
import { hashToken } from '../auth/tokens';
import type { AccessEnv } from './access-env';
import { clientAddress } from './client-address';
import { requireSignIn } from './middleware/session';
import { readQuery } from './middleware/validate';
import type { ProblemCode } from './problem-codes';
import { ProblemError, problemResponse } from './problem';
import { secureCookie, startSession } from './session-cookie';

export const HWB_STATE_COOKIE = 'cyd_hwb_state';
const stateCookiePath = '/api/auth/hwb';

/** An app path of our own: never another origin (`//host`, `/\host`), never a scheme. */
const appPath = z.string().max(500).regex(/^\/(?![/\\])[^\s\\]*$/);
const startQuery = z.object({ next: appPath.optional() });
const callbackQuery = z.object({
  state: z.string().min(1).max(200).optional(),
  code: z.string().min(1).max(4000).optional(),
  error: z.string().max(200).optional(),
}).loose();

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function wantsPage(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/html');
}

/** A refusal: back to the sign-in page for a browser, problem+json for anyone else. */
function refuse(c: Context, code: ProblemCode): Response {
  if (wantsPage(c)) return c.redirect(`/sign-in?hwb=${encodeURIComponent(code)}`, 303);
  return problemResponse(code);
}

function requireHwb(services: AccessServices): HwbServices {
  if (!services.hwb) throw new ProblemError('hwb.not-configured');
  return services.hwb;
}

export function hwbAuthRoutes(services: AccessServices): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const secure = (c: Context): boolean => secureCookie(c, services);

  app.get('/methods', (c) => c.json({ password: services.passwordSignIn, hwb: services.hwb !== undefined }));

  app.get('/hwb/start', async (c) => {
    const hwb = requireHwb(services);
    const { next } = readQuery(c, startQuery);
    const taken = hwb.startsPerAddress.take(`ip:${clientAddress(c, services.options.trustProxy)}`);
    if (!taken.ok) throw new ProblemError('auth.rate-limited', { headers: { 'retry-after': String(taken.retryAfterSeconds) } });
    const start = await hwb.client.beginAuthorization();
    if (!start) return refuse(c, 'hwb.unavailable');
    await hwb.attempts.begin(start.state, { codeVerifier: start.codeVerifier, nonce: start.nonce, returnTo: next ?? '/' });
    // The state also goes to this browser: an answer arriving in another browser (login CSRF) fails.
    setCookie(c, HWB_STATE_COOKIE, start.state, { httpOnly: true, sameSite: 'Lax', path: stateCookiePath, secure: secure(c), maxAge: 600 });
    return c.redirect(start.url.href, 302);
  });

  app.get('/hwb/callback', async (c) => {
    const hwb = requireHwb(services);
    const query = callbackQuery.safeParse(c.req.query());
    const cookieState = getCookie(c, HWB_STATE_COOKIE);
    deleteCookie(c, HWB_STATE_COOKIE, { path: stateCookiePath, secure: secure(c) });
    const state = query.success ? query.data.state : undefined;
    if (!state || !cookieState || !sameSecret(state, cookieState)) return refuse(c, 'hwb.state-invalid');
    // Taken once: a replayed answer (the same state again) finds nothing.
    const attempt = await hwb.attempts.take(state);
    if (!attempt) return refuse(c, 'hwb.state-invalid');

    // The address registered with the provider, with the answer's query: what the provider redirected to.
    const callbackUrl = new URL(hwb.client.settings.redirectUrl);
    callbackUrl.search = new URL(c.req.url).search;
    const tokens = await hwb.client.finishAuthorization(callbackUrl, { state, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier });
    if (!tokens.ok) {
      services.logger.warn({ code: tokens.code, reason: tokens.reason }, 'Hwb sign-in refused');
      await services.audit.record({ actorPersonId: null, action: 'sign-in-refused', detail: { provider: 'hwb', code: tokens.code } });
      return refuse(c, tokens.code);
    }
    const outcome = await hwb.provider.resolve({ claims: tokens.claims, issuer: tokens.issuer });
    if (!outcome.ok) {
      await services.audit.record({ actorPersonId: null, action: 'sign-in-refused', detail: { provider: 'hwb', code: outcome.code, tenantId: outcome.tenantId, ...(outcome.personId ? { personId: outcome.personId } : {}) } });
      return refuse(c, outcome.code);
    }

    // A new session at every sign-in; one this browser already held ends here, with its sockets.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await endSession(services, previous);
    const sessionId = await startSession(c, services, outcome.personId);
    await hwb.identities.recordSession(sessionId, outcome.identityId, tokens.idToken);
    const detail = { provider: 'hwb', tenantId: outcome.identity.tenantId, how: outcome.how };
    if (outcome.how !== 'returning') await services.audit.record({ actorPersonId: outcome.personId, action: 'linked', detail });
    await services.audit.record({ actorPersonId: outcome.personId, action: 'signed-in', detail });
    return c.redirect(attempt.returnTo, 303);
  });

  app.post('/hwb/logout', bodyLimit({ maxSize: 1024, onError: () => { throw new ProblemError('request.too-large'); } }), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const idToken = token && services.hwb ? await services.hwb.identities.sessionIdToken(hashToken(token)) : null;
    if (token) await endSession(services, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    // Signing out at the provider too is the browser's next stop, when the provider offers it.
    const endSessionUrl = idToken && services.hwb ? services.hwb.client.endSessionUrl(idToken)?.href ?? null : null;
    return c.json({ endSessionUrl });
  });

  /** The signed-in person's own linked Hwb identity: every grant of access is visible to its owner. */
  app.get('/hwb/identities', async (c) => {
    const personId = requireSignIn(c);
    return c.json({ identities: services.hwb ? await services.hwb.identities.linkedTo(personId) : [] });
  });

  return app;
}

/** Ends a session here and closes the sockets it opened. */
async function endSession(services: AccessServices, token: string): Promise<void> {
  const sessionId = hashToken(token);
  await services.sessions.delete(token);
  await services.sync?.endSessions?.({ sessionIds: [sessionId] });
}

/**
 * In a Hwb-only deployment no password is checked or set (H20): password sign-in and creating a
 * password account from an invitation link are refused; invitations are accepted signed in.
 */
export function passwordSignInGuard(services: AccessServices): (c: Context<AccessEnv>, next: () => Promise<void>) => Promise<Response | void> {
  return async (c, next) => {
    if (services.passwordSignIn || c.req.method !== 'POST') return next();
    const path = c.req.path.replace(/^\/api/, '');
    if (path === '/auth/login') throw new ProblemError('auth.password-disabled');
    if (/^\/invitations\/[^/]+\/accept$/.test(path) && !c.get('personId')) throw new ProblemError('auth.password-disabled');
    return next();
  };
}
