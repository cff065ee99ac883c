/**
 * Sign-in and sign-out (ACCESS.md A1-A3). The session cookie is HTTP-only, SameSite=Lax,
 * Path=/, Secure over https; the response never says whether the email exists.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/session-store';
import { normaliseEmail } from '../auth/identity-provider';
import type { AccessServices } from '../access/services';
import type { AccessEnv } from './access-env';
import { clientAddress } from './client-address';
import { readJson } from './middleware/validate';
import { startSession } from './session-cookie';
import { ProblemError } from './problem';

const loginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export function authRoutes(services: AccessServices): Hono<AccessEnv> {
  const { sessions, identity, signInThrottle, options } = services;
  const app = new Hono<AccessEnv>();

  app.post('/login', async (c) => {
    const { email, password } = await readJson(c, loginBody);
    const account = normaliseEmail(email);
    const address = clientAddress(c, options.trustProxy);
    // Refuse before hashing: a burst costs the attacker a 429, not the server a scrypt.
    const admitted = signInThrottle.admit(account, address);
    if (!admitted.ok) throw new ProblemError('auth.rate-limited', { headers: { 'retry-after': String(admitted.retryAfterSeconds) } });
    const personId = await identity.authenticate({ email, password });
    if (!personId) {
      signInThrottle.failed(account, address);
      throw new ProblemError('auth.invalid-credentials');
    }
    signInThrottle.succeeded(account, address);
    await startSession(c, services, personId);
    return c.json({ person: await services.directory.person(personId) });
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const sessionId = await sessions.delete(token);
      // The session's open sockets close with it (A60), not at its expiry.
      services.sync?.endSessions?.({ sessionIds: [sessionId] });
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  return app;
}
