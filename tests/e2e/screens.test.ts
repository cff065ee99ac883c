/**
 * Every main screen in both languages: the switch changes every catalogue string (C1, C2),
 * axe-core finds no serious or critical violation (C13), and a screenshot of each is saved
 * under screenshots/ for review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt } from './support/build';
import { launchBrowser, newContext, seriousViolations, setLanguage, signIn } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { expectNoLanguageLeak } from './support/languageLeaks';
import { screenshotsDir } from './support/paths';
import { DEMO_PASSWORD, startE2eServer, type E2eServer } from './support/server';

let server: E2eServer;
let browser: Browser;

interface Screen {
  name: string;
  person: string | null;
  path: () => string;
  ready: string;
}

const screens: Screen[] = [
  { name: 'sign-in', person: null, path: () => '/sign-in', ready: '#email' },
  { name: 'home', person: 'demo-headteacher', path: () => '/', ready: '[data-testid="documents-card"]' },
  { name: 'self-evaluation', person: 'demo-headteacher', path: () => documentPath(demoIds(server.dataset).selfEvaluation), ready: '[data-sync-state="saved"]' },
  { name: 'peer-review', person: 'demo-headteacher', path: () => documentPath(demoIds(server.dataset).peerReview), ready: '[data-sync-state="saved"]' },
  { name: 'collaborative', person: 'demo-convenor', path: () => `/collaboratives/${encodeURIComponent(demoIds(server.dataset).clusterId)}`, ready: '[data-testid="priority"]' },
  { name: 'la-overview', person: 'demo-facilitator', path: () => '/la', ready: '[data-testid="area-group"]' },
];

async function open(screen: Screen, locale: 'cy' | 'en', width = 1366, height = 768): Promise<Page> {
  const context = await newContext(browser, server.url, { width, height });
  const page = await context.newPage();
  if (screen.person) await signIn(page, server.emailOf(screen.person), DEMO_PASSWORD, locale);
  else await page.addInitScript((l) => localStorage.getItem('cyd.locale') ?? localStorage.setItem('cyd.locale', l), locale);
  await page.goto(screen.path());
  await page.locator(screen.ready).first().waitFor({ timeout: 20_000 });
  return page;
}

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(screenshotsDir, { recursive: true });
  server = await startE2eServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(screens)('main screen $name', (screen) => {
  it(`C2: the language switch changes every visible string (${screen.name}); C13: no serious axe violation; screenshots`, async () => {
    const page = await open(screen, 'cy');
    for (const locale of ['cy', 'en'] as const) {
      if (locale === 'en') await setLanguage(page, 'en');
      await page.waitForTimeout(150);
      // The check means something only if the screen shows catalogue strings of its own language.
      await expectNoLanguageLeak(page, screen.name, locale);
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await page.screenshot({ path: join(screenshotsDir, `${screen.name}.${locale}.png`), fullPage: true });
    }
    // The choice persists across a reload.
    await page.reload();
    await page.locator(screen.ready).first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
  });
});

describe('C13 tablet width and keyboard', () => {
  it('C13: signing in works with the keyboard alone', async () => {
    const page = await (await newContext(browser, server.url)).newPage();
    await page.goto('/sign-in');
    await page.locator('#email').waitFor();
    await page.keyboard.press('Tab'); // skip link
    const focused = async () => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);
    for (let i = 0; i < 10 && (await focused()) !== 'email'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('email');
    await page.keyboard.type(server.emailOf('demo-headteacher'));
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('documents-card').waitFor();
    await page.context().close();
  });

  it('C13: home works at tablet width without horizontal scrolling; the skip link is the first tab stop', async () => {
    const page = await open(screens[1] as Screen, 'cy', 768, 1024);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.screenshot({ path: join(screenshotsDir, 'home.cy.tablet.png'), fullPage: true });
    await page.context().close();
  });
});
