/**
 * Search and what changed, in the browser (web SPEC C230-C240, ACCESS.md A120-A125): from the
 * header, by keyboard, a host finds words they wrote in their peer review while a headteacher of
 * another school searching the same words finds nothing; two people at once, one edits and the
 * other sees the change in their home feed and under "since you last looked" on the document.
 * Both in Welsh and in English, axe clean, screenshots of each screen in each language.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, seriousViolations, signIn } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { screenshotsDir } from './support/paths';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;

serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

async function as(personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  return page;
}

async function noViolations(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** Types at the end of the peer review's focus and waits until the server has it on disk. */
async function writeInFocus(page: Page, words: string): Promise<void> {
  await page.goto(documentPath(demoIds(server.dataset).peerReview));
  const focus = page.getByTestId('peer-review-focus');
  await focus.click();
  await page.keyboard.press('End');
  await page.keyboard.type(words);
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
}

/** Keyboard only: the header's search link, then the words and Enter. Searches again until the status settles on `until`. */
async function searchByKeyboard(page: Page, words: string, until: (status: string) => boolean): Promise<string> {
  await page.goto('/');
  await page.getByTestId('nav-search').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search');
  // The box has focus on arrival (the screen loads as its own chunk after the URL changes).
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  await page.keyboard.type(words);
  let status = '';
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-testid="search-status"]')?.textContent?.endsWith('…'));
    status = (await page.getByTestId('search-status').innerText()).trim();
    if (until(status) || Date.now() > deadline) return status;
    // The deriver reads the log every second (A121).
    await page.waitForTimeout(500);
  }
}

describe('search and what changed', () => {
  for (const locale of ['cy', 'en'] as const) {
    it(`C230, C231, C232, C233: search from the header by keyboard finds the host's words, and a headteacher of another school searching them finds nothing (${locale})`, async () => {
      const { peerReview } = demoIds(server.dataset);
      const secret = `Llyfrgellgudd${locale}`;
      const host = await as('demo-headteacher', locale);
      await writeInFocus(host, ` ${secret} a darllen`);
      const found = await searchByKeyboard(host, `${secret.toLowerCase()} darllen`, (s) => /1$/.test(s));
      expect(found).toMatch(/1$/);
      const hit = host.getByTestId('search-results').locator(`li[data-doc-id="${peerReview}"]`);
      await hit.waitFor();
      expect(await hit.locator('mark').allInnerTexts()).toContain(secret);
      expect(await hit.locator('.search-result__section').innerText()).toContain(locale === 'cy' ? 'Ffocws' : 'Focus');
      await noViolations(host);
      await host.screenshot({ path: join(screenshotsDir, `search.${locale}.png`), fullPage: true });
      // Enter on the result opens the document.
      await hit.locator('a').focus();
      await host.keyboard.press('Enter');
      await host.getByTestId('document').waitFor();

      const outsider = await as('demo-reviewer-other-la', locale);
      const status = await searchByKeyboard(outsider, secret, () => true);
      expect(status).toContain(secret);
      expect(await outsider.getByTestId('search-results').count()).toBe(0);
      await noViolations(outsider);
      await host.context().close();
      await outsider.context().close();
    });

    it(`C234, C235, C236, C237, C238: one person edits while another has the review open; the other sees it in their feed and under since you last looked (${locale})`, async () => {
      const { peerReview } = demoIds(server.dataset);
      const reader = await as('demo-senior-leader', locale);
      const host = await as('demo-headteacher', locale);
      // The reader opens the review first: this look is the one "since" counts from.
      await reader.goto(documentPath(peerReview));
      await reader.getByTestId('since-last-looked').locator('p.hint').waitFor();
      await writeInFocus(host, ` Nodyn newydd ${locale}.`);
      // Home: the feed shows the host's change, newest first, marked new.
      const section = locale === 'cy' ? 'Ffocws' : 'Focus';
      const deadline = Date.now() + 20_000;
      for (;;) {
        await reader.goto('/');
        await reader.getByTestId('activity-feed').locator('h3').first().waitFor();
        const text = await reader.getByTestId('activity-feed').innerText();
        if ((text.includes('Elin Davies') && text.includes(section)) || Date.now() > deadline) break;
        await reader.waitForTimeout(500);
      }
      const change = reader.getByTestId('feed-changes').locator('li', { hasText: 'Elin Davies' }).first();
      expect(await change.innerText()).toContain(section);
      expect(await change.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
      await noViolations(reader);
      await reader.screenshot({ path: join(screenshotsDir, `activity-feed.${locale}.png`), fullPage: true });
      // From the feed to the document: who changed which section since the last look.
      await change.locator('a').click();
      const since = reader.getByTestId('since-last-looked');
      await since.getByTestId('since-change').first().waitFor();
      expect(await since.getByTestId('since-change').first().innerText()).toContain('Elin Davies');
      expect(await since.innerText()).toContain(section);
      await noViolations(reader);
      await reader.screenshot({ path: join(screenshotsDir, `since-last-looked.${locale}.png`), fullPage: true });
      // The host, who wrote it, is not told of their own change.
      await host.goto(documentPath(peerReview));
      await host.getByTestId('since-last-looked').locator('p.hint').waitFor();
      expect(await host.getByTestId('since-change').filter({ hasText: 'Elin Davies' }).count()).toBe(0);
      await reader.context().close();
      await host.context().close();
    });
  }
});
