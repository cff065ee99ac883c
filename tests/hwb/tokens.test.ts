/**
 * The answer from the provider is checked before anyone is signed in (IDENTITY.md H3, H14-H16):
 * the state is single-use and bound to the browser that started, and the id_token's signature,
 * issuer, audience, expiry and nonce are all validated. The stand-in provider's token endpoint is
 * made to answer with tampered or re-signed tokens, as an attacker between it and us would.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StandInPerson } from './support/stand-in-provider';
import { HWB_TENANT, OTHER_CLIENT_ID, startHwbApp, type HwbApp } from './support/hwb-app';
import { CookieJar, throughProvider, visitCallback, signInWithHwb } from './support/provider-sign-in';

const people: StandInPerson[] = [
  { login: 'teacher', tid: HWB_TENANT, oid: 'oid-teacher', name: 'Gwen Athro', upn: 'gwen.athro@hwb.example' },
];

let ctx: HwbApp;
const url = () => ctx.app.url;

beforeAll(async () => {
  ctx = await startHwbApp(people);
});
afterEach(() => {
  ctx.provider.tamperIdToken = undefined;
});
afterAll(async () => {
  await ctx.close();
});

async function codeOf(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ((await response.json()) as { code: string }).code;
}

/** Signs in with the token endpoint's id_token rewritten; the claims re-signed with the provider's own key. */
async function signInWithClaims(change: (claims: Record<string, unknown>) => Record<string, unknown>): Promise<Response> {
  ctx.provider.tamperIdToken = (token) => ctx.provider.signWithProviderKey(change(ctx.provider.decode(token)));
  const { response, jar } = await signInWithHwb(url(), 'teacher');
  expect(jar.get('cyd_session')).toBeUndefined();
  return response;
}

describe('the provider\'s answer', () => {
  it('H3: an untouched answer signs in (the baseline the refusals below differ from)', async () => {
    const { response, jar } = await signInWithHwb(url(), 'teacher');
    expect(response.status).toBe(303);
    expect(jar.get('cyd_session')).toBeDefined();
    // The same claims re-signed with the provider's key pass too: the refusals below are about what changed.
    ctx.provider.tamperIdToken = (token) => ctx.provider.signWithProviderKey(ctx.provider.decode(token));
    const resigned = await signInWithHwb(url(), 'teacher');
    expect(resigned.response.status).toBe(303);
  });

  it('H15: a replayed state is refused: the answer can be redeemed once', async () => {
    const { callbackUrl, jar } = await throughProvider(url(), 'teacher');
    const state = jar.get('cyd_hwb_state') ?? '';
    const first = await visitCallback(callbackUrl, jar);
    expect(first.status).toBe(303);
    jar.set('cyd_hwb_state', state);
    jar.delete('cyd_session');
    const replay = await visitCallback(callbackUrl, jar);
    expect(replay.status).toBe(400);
    expect(await codeOf(replay)).toBe('hwb.state-invalid');
    expect(jar.get('cyd_session')).toBeUndefined();
  });

  it('H14: an answer started in another browser is refused (login CSRF): the state must match this browser\'s cookie', async () => {
    const attacker = await throughProvider(url(), 'teacher');
    const victim = new CookieJar();
    await fetch(new URL('/api/auth/hwb/start', url()), { redirect: 'manual' }).then((r) => victim.take(r));
    expect(victim.get('cyd_hwb_state')).toBeDefined();
    const planted = await visitCallback(attacker.callbackUrl, victim);
    expect(await codeOf(planted)).toBe('hwb.state-invalid');
    const noCookie = await visitCallback(attacker.callbackUrl, new CookieJar());
    expect(await codeOf(noCookie)).toBe('hwb.state-invalid');
  });

  it('H3: a tampered id_token (claims changed, signature kept) is refused', async () => {
    ctx.provider.tamperIdToken = (token) => {
      const [head, , signature] = token.split('.');
      const claims = { ...ctx.provider.decode(token), oid: 'oid-someone-else' };
      return `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    };
    const { response } = await signInWithHwb(url(), 'teacher');
    expect(response.status).toBe(401);
    expect(await codeOf(response)).toBe('hwb.token-invalid');
  });

  it('H3: an id_token signed by a key the provider never published is refused, and so is an unsigned one', async () => {
    ctx.provider.tamperIdToken = (token) => ctx.provider.signWithStrangerKey(ctx.provider.decode(token));
    expect(await codeOf((await signInWithHwb(url(), 'teacher')).response)).toBe('hwb.token-invalid');
    ctx.provider.tamperIdToken = (token) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
    expect(await codeOf((await signInWithHwb(url(), 'teacher')).response)).toBe('hwb.token-invalid');
  });

  it('H3: an expired id_token is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const response = await signInWithClaims((claims) => ({ ...claims, iat: now - 7200, exp: now - 3600 }));
    expect(await codeOf(response)).toBe('hwb.token-invalid');
  });

  it('H3: an id_token for another app (wrong audience) is refused', async () => {
    const response = await signInWithClaims((claims) => ({ ...claims, aud: OTHER_CLIENT_ID, azp: OTHER_CLIENT_ID }));
    expect(await codeOf(response)).toBe('hwb.token-invalid');
  });

  it('H3: an id_token from another issuer is refused', async () => {
    const response = await signInWithClaims((claims) => ({ ...claims, iss: 'https://login.example.net/another-tenant/v2.0' }));
    expect(await codeOf(response)).toBe('hwb.token-invalid');
  });

  it('H3: an id_token whose nonce is not this sign-in\'s is refused', async () => {
    const response = await signInWithClaims((claims) => ({ ...claims, nonce: 'a-nonce-from-another-sign-in' }));
    expect(await codeOf(response)).toBe('hwb.token-invalid');
  });

  it('H16: a browser is sent back to the sign-in page with the refusal\'s code, never shown raw JSON', async () => {
    ctx.provider.tamperIdToken = (token) => ctx.provider.signWithStrangerKey(ctx.provider.decode(token));
    const { callbackUrl, jar } = await throughProvider(url(), 'teacher');
    const response = await visitCallback(callbackUrl, jar, 'text/html,application/xhtml+xml');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?hwb=hwb.token-invalid');
  });

  it('H14: the page to return to is a path of this app only', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await fetch(`${url()}/api/auth/hwb/start?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(await codeOf(response)).toBe('request.invalid');
    }
  });
});
