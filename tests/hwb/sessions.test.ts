/**
 * Hwb sessions (IDENTITY.md H17-H22): a new session id at every sign-in; signing out ends the
 * session here, closes its sockets, and hands the browser the provider's end-session address
 * (RP-initiated logout), after which the provider asks for the login again. Password sign-in
 * can be switched off ("Hwb only"); without Hwb configured nothing changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, DEMO_PASSWORD } from '@cydweithio/model';
import { waitFor } from '../sync/helpers/wait';
import { connectAs, startAccessServer, syncedOrRefused } from '../access/helpers/access-server';
import type { StandInPerson } from './support/stand-in-provider';
import { HWB_TENANT, startHwbApp, type HwbApp } from './support/hwb-app';
import { signInWithHwb, type CookieJar } from './support/provider-sign-in';

const people: StandInPerson[] = [
  { login: 'headteacher', tid: HWB_TENANT, oid: 'oid-headteacher', name: 'Elin Davies', upn: 'headteacher@demo.cydweithio.cymru' },
];

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hwbApp(options: { hwbOnly?: boolean } = {}): Promise<HwbApp> {
  const started = await startHwbApp(people, options);
  cleanups.push(() => started.close());
  return started;
}

const sessionCookie = (jar: CookieJar): string => `cyd_session=${jar.get('cyd_session') ?? ''}`;

async function meStatus(appUrl: string, cookie: string): Promise<number> {
  return (await fetch(`${appUrl}/api/me`, { headers: { cookie } })).status;
}

describe('Hwb sessions', () => {
  it('H17: every sign-in starts a new session id, and the session the browser held before ends', async () => {
    const ctx = await hwbApp();
    const first = await signInWithHwb(ctx.app.url, 'headteacher');
    const before = sessionCookie(first.jar);
    const again = await signInWithHwb(ctx.app.url, 'headteacher', { jar: first.jar });
    const after = sessionCookie(again.jar);
    expect(after).not.toBe(before);
    expect(await meStatus(ctx.app.url, after)).toBe(200);
    expect(await meStatus(ctx.app.url, before)).toBe(401);
  });

  it('H18: signing out ends the session here and closes its socket with sessionEnded; the provider\'s session ends too', async () => {
    const ctx = await hwbApp();
    const { jar } = await signInWithHwb(ctx.app.url, 'headteacher');
    const cookie = sessionCookie(jar);
    const docId = ctx.dataset.documents.find((d) => d.record.kind === 'self-evaluation')?.record.id ?? '';
    const socket = connectAs(ctx.app, docId, cookie);
    cleanups.push(() => socket.destroy());
    expect(await syncedOrRefused(socket)).toBe('synced');

    const response = await fetch(`${ctx.app.url}/api/auth/hwb/logout`, { method: 'POST', headers: { cookie, origin: ctx.app.url } });
    expect(response.status).toBe(200);
    const { endSessionUrl } = (await response.json()) as { endSessionUrl: string };
    await waitFor(() => socket.closes.length > 0, 'the signed-out socket closed');
    expect(socket.closes).toEqual([CloseCode.sessionEnded]);
    expect(await meStatus(ctx.app.url, cookie)).toBe(401);
    expect(response.headers.getSetCookie().join(';')).toMatch(/cyd_session=;/);

    // RP-initiated logout: the provider's end-session address names our id_token and where to come back.
    const end = new URL(endSessionUrl);
    expect(end.origin).toBe(ctx.provider.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${ctx.app.url}/sign-in`);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    let page = await fetch(end, { headers: { cookie: jar.header() } });
    jar.take(page);
    const form = /<form[^>]*action="([^"]+)"[\s\S]*?name="xsrf" value="([^"]+)"/.exec(await page.text());
    expect(form).not.toBeNull();
    page = await fetch(new URL(form?.[1] ?? '', end), {
      method: 'POST', redirect: 'manual', headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: form?.[2] ?? '', logout: 'yes' }),
    });
    jar.take(page);
    expect(page.headers.get('location')).toBe(`${ctx.app.url}/sign-in`);

    // The provider forgot the person: the next sign-in goes through its login page again.
    const authorize = await fetch(new URL('/api/auth/hwb/start', ctx.app.url), { redirect: 'manual' });
    const atProvider = await fetch(authorize.headers.get('location') ?? '', { redirect: 'manual', headers: { cookie: jar.header() } });
    expect(atProvider.headers.get('location') ?? '').toMatch(/\/interaction\//);
  });

  it('H18: signing out of a password session through the same route ends it and offers no provider address', async () => {
    const ctx = await hwbApp();
    const login = await fetch(`${ctx.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ctx.app.url }, body: JSON.stringify({ email: 'headteacher@demo.cydweithio.cymru', password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const response = await fetch(`${ctx.app.url}/api/auth/hwb/logout`, { method: 'POST', headers: { cookie, origin: ctx.app.url } });
    expect(await response.json()).toEqual({ endSessionUrl: null });
    expect(await meStatus(ctx.app.url, cookie)).toBe(401);
  });

  it('H20: Hwb only: password sign-in and password accounts from invitation links are refused; Hwb still signs in', async () => {
    const ctx = await hwbApp({ hwbOnly: true });
    const methods = await fetch(`${ctx.app.url}/api/auth/methods`);
    expect(await methods.json()).toEqual({ password: false, hwb: true });
    const login = await fetch(`${ctx.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ctx.app.url }, body: JSON.stringify({ email: 'headteacher@demo.cydweithio.cymru', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(403);
    expect(await login.json()).toMatchObject({ code: 'auth.password-disabled' });
    const accept = await fetch(`${ctx.app.url}/api/invitations/any-token/accept`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ctx.app.url }, body: JSON.stringify({ name: 'Rhywun', password: 'a long enough password' }) });
    expect(await accept.json()).toMatchObject({ code: 'auth.password-disabled' });
    const { response } = await signInWithHwb(ctx.app.url, 'headteacher');
    expect(response.status).toBe(303);
  });

  it('H2: a provider unreachable at start leaves the server running; Hwb answers hwb.unavailable until the provider is back', async () => {
    const ctx = await startHwbApp(people, { providerLate: true });
    cleanups.push(() => ctx.close());
    expect(ctx.discoveredAtStart).toBe(false);
    const early = await fetch(`${ctx.app.url}/api/auth/hwb/start`, { redirect: 'manual' });
    expect(early.status).toBe(503);
    expect(await early.json()).toMatchObject({ code: 'hwb.unavailable' });
    const browser = await fetch(`${ctx.app.url}/api/auth/hwb/start`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(browser.headers.get('location')).toBe('/sign-in?hwb=hwb.unavailable');
    expect(await meStatus(ctx.app.url, 'cyd_session=none')).toBe(401);

    await ctx.startProvider();
    const { response } = await signInWithHwb(ctx.app.url, 'headteacher');
    expect(response.status).toBe(303);
  });

  it('H21: with no provider configured, password sign-in works as before and the Hwb routes say so', async () => {
    const ctx = await startAccessServer();
    cleanups.push(() => ctx.close());
    expect(await (await fetch(`${ctx.server.url}/api/auth/methods`)).json()).toEqual({ password: true, hwb: false });
    const start = await fetch(`${ctx.server.url}/api/auth/hwb/start`, { redirect: 'manual' });
    expect(start.status).toBe(404);
    expect(await start.json()).toMatchObject({ code: 'hwb.not-configured' });
    expect(await meStatus(ctx.server.url, await ctx.cookieOf('demo-headteacher'))).toBe(200);
  });

  it('H19: the sign-out route\'s body is bounded', async () => {
    const ctx = await hwbApp();
    const response = await fetch(`${ctx.app.url}/api/auth/hwb/logout`, { method: 'POST', headers: { origin: ctx.app.url, 'content-type': 'application/json' }, body: JSON.stringify({ padding: 'x'.repeat(4096) }) });
    expect(response.status).toBe(413);
  });
});
