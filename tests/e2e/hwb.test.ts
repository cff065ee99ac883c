/**
 * Sign in with Hwb in Chromium (IDENTITY.md H23, web C110-C113): two people at once, one in Welsh
 * and one in English, press "Mewngofnodi gyda Hwb" / "Sign in with Hwb", sign in on the
 * provider's own login page (the stand-in for Entra ID), land in their roles and open their
 * school's self-evaluation; a person from a tenant that is not allowed comes back to a
 * bilingual refusal; signing out ends the session at the provider too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt } from './support/build';
import { launchBrowser, newContext, seriousViolations } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { screenshotsDir, webDist } from './support/paths';
import { HWB_TENANT, STRANGER_TENANT, startHwbApp, type HwbApp } from '../hwb/support/hwb-app';
import { DEMO_PASSWORD } from './support/server';
import type { StandInPerson } from '../hwb/support/stand-in-provider';

const people: StandInPerson[] = [
  { login: 'elin', tid: HWB_TENANT, oid: 'oid-elin', name: 'Elin Davies', upn: 'headteacher@demo.cydweithio.cymru' },
  { login: 'owain', tid: HWB_TENANT, oid: 'oid-owain', name: 'Owain Jones', upn: 'senior-leader@demo.cydweithio.cymru' },
  { login: 'sion', tid: HWB_TENANT, oid: 'oid-sion', name: 'Siôn Newydd', upn: 'sion.newydd@hwb.example' },
  { login: 'stranger', tid: STRANGER_TENANT, oid: 'oid-stranger', name: 'Stranger', upn: 'someone@stranger.example' },
];

let ctx: HwbApp;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(screenshotsDir, { recursive: true });
  ctx = await startHwbApp(people, { staticDir: webDist });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await ctx?.close();
});

async function openSignIn(locale: 'cy' | 'en'): Promise<Page> {
  const context = await newContext(browser, ctx.app.url);
  const page = await context.newPage();
  await page.addInitScript((l) => localStorage.getItem('cyd.locale') ?? localStorage.setItem('cyd.locale', l), locale);
  await page.goto('/sign-in');
  await page.getByTestId('hwb-sign-in').waitFor();
  return page;
}

/** The provider's own login page: its form, filled in as a person would. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.getByTestId('hwb-sign-in').click();
  await page.waitForURL((url) => url.origin === ctx.provider.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('a password for the stand-in');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.origin === ctx.app.url && !url.pathname.startsWith('/sign-in'));
}

const words = {
  cy: { button: 'Mewngofnodi gyda Hwb', selfEvaluation: 'Hunanwerthuso' },
  en: { button: 'Sign in with Hwb', selfEvaluation: 'Self-evaluation' },
} as const;

describe('Sign in with Hwb in the browser', () => {
  it('H23, C110: two people sign in with Hwb at the same time, in Welsh and in English, and open their school\'s self-evaluation', async () => {
    const docPath = documentPath(demoIds(ctx.dataset).selfEvaluation);
    const walk = async (locale: 'cy' | 'en', login: string) => {
      const page = await openSignIn(locale);
      await expect.poll(() => page.getByTestId('hwb-sign-in').textContent()).toBe(words[locale].button);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(screenshotsDir, `hwb-sign-in-${locale}.png`), fullPage: true });
      await signInAtProvider(page, login);
      await page.locator('[data-testid="documents-card"]').waitFor({ timeout: 20_000 });
      await page.locator(`a[href="${docPath}"]`).first().click();
      await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('main').textContent()).toContain(words[locale].selfEvaluation);
      return page;
    };
    const [welsh, english] = await Promise.all([walk('cy', 'elin'), walk('en', 'owain')]);
    const names = await Promise.all([welsh, english].map((page) => page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { person: { name: string } }).person.name)));
    expect(names).toEqual(['Elin Davies', 'Owain Jones']);
    await welsh.context().close();
    await english.context().close();
  });

  it('C111: a person from a tenant that is not allowed comes back to the sign-in page with the refusal in Welsh and English', async () => {
    for (const locale of ['cy', 'en'] as const) {
      const page = await openSignIn(locale);
      await page.getByTestId('hwb-sign-in').click();
      await page.locator('input[name="login"]').fill('stranger');
      await page.locator('input[name="password"]').fill('a password for the stand-in');
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.origin === ctx.app.url && url.searchParams.get('hwb') === 'hwb.tenant-refused');
      const refusal = page.getByTestId('hwb-refusal');
      await refusal.waitFor();
      expect(await refusal.locator('p[lang="cy"]').textContent()).toContain('Ni all cyfrifon eich sefydliad fewngofnodi yma');
      expect(await refusal.locator('p[lang="en"]').textContent()).toContain('Your organisation\'s accounts cannot sign in here');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(screenshotsDir, `hwb-refused-${locale}.png`), fullPage: true });
      expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
      await page.context().close();
    }
  });

  it('C112: signing out of a Hwb session ends it at the provider too and comes back to sign-in', async () => {
    const page = await openSignIn('cy');
    await signInAtProvider(page, 'elin');
    await page.locator('[data-testid="documents-card"]').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Allgofnodi' }).click();
    await page.waitForURL((url) => url.origin === ctx.provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === ctx.app.url && url.pathname === '/sign-in');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    // The provider forgot the person: the next Hwb sign-in shows its login page again.
    await page.getByTestId('hwb-sign-in').click();
    await page.locator('input[name="login"]').waitFor();
    await page.context().close();
  });

  it('H22: the sign-in redirect works under a strict content security policy (connect-src and form-action self)', async () => {
    // No service worker: every page, the one after the provider's redirect too, comes from the network with the policy.
    const context = await browser.newContext({ baseURL: ctx.app.url, serviceWorkers: 'block' });
    // The product's strict policy: own origin only, no inline script or style, forms posting to ourselves only.
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    const violations: string[] = [];
    let pagesUnderPolicy = 0;
    // The app's pages get the policy; redirects (to the provider and back) pass through as they are.
    await context.route(`${ctx.app.url}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const isPage = (response.headers()['content-type'] ?? '').includes('text/html');
      if (isPage) pagesUnderPolicy += 1;
      await route.fulfill({ response, headers: isPage ? { ...response.headers(), 'content-security-policy': csp } : response.headers() });
    });
    const page = await context.newPage();
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
    await page.goto('/sign-in');
    await page.getByTestId('hwb-sign-in').waitFor();
    // The policy is in force: the page may not even read the provider's metadata itself.
    const probe = await page.evaluate(async (issuer) => fetch(`${issuer}/.well-known/openid-configuration`).then(() => 'fetched', () => 'refused'), ctx.provider.issuer);
    expect(probe).toBe('refused');
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    const fromProbe = violations.length;
    await signInAtProvider(page, 'elin');
    await page.locator('[data-testid="documents-card"]').waitFor({ timeout: 20_000 });
    expect(violations).toHaveLength(fromProbe);
    expect(pagesUnderPolicy).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('C113: an invited person signs in with Hwb from the invitation page, in Welsh, and accepts it', async () => {
    const login = await fetch(`${ctx.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ctx.app.url }, body: JSON.stringify({ email: 'la-officer@demo.cydweithio.cymru', password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const invited = await fetch(`${ctx.app.url}/api/collaboratives/${ctx.dataset.cast.clusterId}/invitations`, {
      method: 'POST', headers: { cookie, origin: ctx.app.url, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sion.newydd@hwb.example', role: 'practitioner', schoolId: ctx.dataset.cast.primaryId }),
    });
    const { token } = (await invited.json()) as { token: string };
    const context = await newContext(browser, ctx.app.url);
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.getItem('cyd.locale') ?? localStorage.setItem('cyd.locale', 'cy'));
    await page.goto(`/invitations/${token}`);
    await expect.poll(() => page.getByTestId('hwb-sign-in').textContent()).toBe('Mewngofnodi gyda Hwb i dderbyn');
    await signInAtProvider(page, 'sion');
    expect(new URL(page.url()).pathname).toBe(`/invitations/${token}`);
    await page.getByRole('button', { name: 'Derbyn y gwahoddiad' }).click();
    await page.locator('[data-testid="documents-card"]').waitFor({ timeout: 20_000 });
    const me = await page.evaluate(async () => (await (await fetch('/api/me')).json()) as { roles: { role: string }[] });
    expect(me.roles.map((r) => r.role)).toEqual(['practitioner']);
    await context.close();
  });
});

describe('a Hwb-only deployment in the browser', () => {
  let only: HwbApp | undefined;
  afterAll(async () => {
    await only?.close();
  });

  it('C110: with password sign-in switched off, the sign-in and invitation pages offer Hwb alone', async () => {
    only = await startHwbApp(people, { hwbOnly: true, staticDir: webDist });
    const context = await newContext(browser, only.app.url);
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.getItem('cyd.locale') ?? localStorage.setItem('cyd.locale', 'en'));
    await page.goto('/sign-in');
    await expect.poll(() => page.getByTestId('hwb-sign-in').textContent()).toBe('Sign in with Hwb');
    expect(await page.locator('#email, #password').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, 'hwb-only-sign-in-en.png'), fullPage: true });
    await page.goto('/invitations/any-token');
    await page.getByTestId('hwb-sign-in').waitFor();
    expect(await page.locator('#invite-password').count()).toBe(0);
    await context.close();
  });
});
