/** Steps the improvement cycle's browser tests share: people's pages, dates, screenshots, axe. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, seriousViolations, setLanguage, signIn } from './browser';
import { screenshotsDir } from './paths';
import { DEMO_PASSWORD, type E2eServer } from './server';

export async function pageAs(browser: Browser, server: E2eServer, personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  return page;
}

/** yyyy-mm-dd, `days` from today (UTC, as the server counts). */
export function isoDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** axe clean and a full-page screenshot, in the page's language now and then in the other. */
export async function checkScreenBothLanguages(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const first = (await page.evaluate(() => document.documentElement.lang)) as 'cy' | 'en';
  for (const locale of [first, first === 'cy' ? 'en' : 'cy'] as const) {
    if (locale !== first) await setLanguage(page, locale);
    await ready();
    await page.waitForTimeout(200);
    const violations = await seriousViolations(page);
    expect(violations, `${name} (${locale}): ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, `${name}.${locale}.png`), fullPage: true });
  }
  if (first !== (await page.evaluate(() => document.documentElement.lang))) await setLanguage(page, first);
}
