import { afterEach, describe, expect, it } from 'vitest';
import { makeApi, json } from './support/api';
import { manualClock } from './support/clock';
import { addPerson, signIn, testPassword } from './support/people';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function setup() {
  const clock = manualClock();
  const api = await makeApi({ clock });
  cleanup = api.close;
  await addPerson(api.db, 'p-ht', 'headteacher@example.cymru', 'Nia Headteacher');
  return { ...api, clock };
}

function login(app: Awaited<ReturnType<typeof setup>>['app'], email: string, password: string, headers: Record<string, string> = {}) {
  return app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

describe('sign-in', () => {
  it('A1: a right password sets an HTTP-only, SameSite=Lax session cookie and returns the person', async () => {
    const { app } = await setup();
    const response = await login(app, 'Headteacher@Example.cymru ', testPassword);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ person: { id: 'p-ht', name: 'Nia Headteacher', email: 'headteacher@example.cymru' } });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cyd_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('A1: the cookie is Secure when served over https', async () => {
    const { app } = await setup();
    const response = await app.request('https://cydweithio.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'headteacher@example.cymru', password: testPassword }),
    });
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  it('A2: a wrong password and an unknown email get the same 401 auth.invalid-credentials problem', async () => {
    const { app } = await setup();
    const wrong = await login(app, 'headteacher@example.cymru', 'nope');
    const unknown = await login(app, 'nobody@example.cymru', 'nope');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const [a, b] = [await json(wrong), await json(unknown)];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ status: 401, code: 'auth.invalid-credentials', title: expect.any(String), type: expect.stringContaining('auth.invalid-credentials') });
  });

  it('A3: a burst of attempts for one email is refused with 429 auth.rate-limited and Retry-After, then recovers', async () => {
    const { app, clock } = await setup();
    for (let i = 0; i < 5; i++) expect((await login(app, 'headteacher@example.cymru', `guess-${i}`)).status).toBe(401);
    const limited = await login(app, 'headteacher@example.cymru', testPassword);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await json(limited)).toMatchObject({ code: 'auth.rate-limited', status: 429 });
    clock.advance(Number(limited.headers.get('retry-after')) * 1000);
    expect((await login(app, 'headteacher@example.cymru', testPassword)).status).toBe(200);
  });

  it('A3: a burst from one address across many emails is refused too', async () => {
    const { app } = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++) statuses.push((await login(app, `spray-${i}@example.cymru`, 'x', { 'x-forwarded-for': '203.0.113.9' })).status);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(50)).toEqual([429, 429]);
  });

  it('A1: a malformed body is a 400 request.invalid with the field named', async () => {
    const { app } = await setup();
    const response = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"x"}' });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: 'request.invalid', errors: expect.arrayContaining([expect.objectContaining({ path: 'password' })]) });
  });
});

describe('sessions', () => {
  it('A2: logout returns 204 and the session no longer signs anyone in', async () => {
    const { app } = await setup();
    const cookie = await signIn(app, 'headteacher@example.cymru');
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200);
    const out = await app.request('http://localhost/api/auth/logout', { method: 'POST', headers: { cookie, origin: 'http://localhost' } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/cyd_session=;/);
    const after = await app.request('/api/me', { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(await json(after)).toMatchObject({ code: 'auth.required' });
  });

  it('A2: an expired session is refused', async () => {
    const { app, clock } = await setup();
    const cookie = await signIn(app, 'headteacher@example.cymru');
    clock.advance(15 * 24 * 60 * 60 * 1000);
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });
});

describe('problems', () => {
  it('A6: an unknown API route is a problem+json 404 with a stable code', async () => {
    const { app } = await setup();
    const response = await app.request('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await json(response)).toEqual({ type: 'https://cydweithio.cymru/problems/request.not-found', title: expect.any(String), status: 404, code: 'request.not-found' });
  });

  it('A6: a body that is not JSON is a 400 request.invalid, a wrong content type a 415', async () => {
    const { app } = await setup();
    const broken = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(await json(broken)).toMatchObject({ status: 400, code: 'request.invalid' });
    const form = await app.request('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: 'email=a' });
    expect(await json(form)).toMatchObject({ status: 415, code: 'request.unsupported-media-type' });
  });

  it('A1: an https public URL makes the cookie Secure behind a TLS proxy', async () => {
    const api = await makeApi({ publicUrl: 'https://cydweithio.example' });
    await addPerson(api.db, 'p-x', 'x@example.cymru');
    const response = await login(api.app, 'x@example.cymru', testPassword);
    expect(response.headers.get('set-cookie')).toContain('Secure');
    api.close();
  });
});

describe('CSRF', () => {
  it('A4: a cross-origin POST is refused with 403 request.origin-refused, whatever its content type', async () => {
    const { app } = await setup();
    const cookie = await signIn(app, 'headteacher@example.cymru');
    const form = await app.request('http://localhost/api/auth/logout', {
      method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b',
    });
    const jsonPost = await app.request('http://localhost/api/auth/logout', {
      method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}',
    });
    for (const response of [form, jsonPost]) {
      expect(response.status).toBe(403);
      expect(await json(response)).toMatchObject({ code: 'request.origin-refused' });
    }
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200);
  });

  it('A4: a form post with no Origin and a cross-site Sec-Fetch-Site is refused; same-origin and allowed origins pass', async () => {
    const { app } = await setup();
    const refused = await app.request('http://localhost/api/auth/logout', {
      method: 'POST', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }, body: 'x',
    });
    expect(refused.status).toBe(403);
    const same = await app.request('http://localhost/api/auth/logout', { method: 'POST', headers: { origin: 'http://localhost' } });
    expect(same.status).toBe(204);
    const allowed = await makeApi({ allowedOrigins: ['https://app.cydweithio.example'] });
    const fromApp = await allowed.app.request('http://localhost/api/auth/logout', { method: 'POST', headers: { origin: 'https://app.cydweithio.example' } });
    expect(fromApp.status).toBe(204);
    allowed.close();
  });
});
