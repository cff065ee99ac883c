/**
 * What a first real use found rough, each checked as a person meets it: the visiting reviewer's
 * school beside their name (C6), no error on leaving an editor (C32), governors not offered what
 * they cannot do (P30), the skip link (C13), a calm save indicator (C33), the offline notice
 * going when the server is back (C7) and Welsh dates (C2); and a page that loads only its own
 * language still switches to the other offline (C2, C7).
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, setLanguage, signIn } from './support/browser';
import { waitForOfflineShell } from './support/offlineShell';
import { demoIds, documentPath } from './support/demo';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

async function signedIn(person: string, locale: 'cy' | 'en' = 'cy'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(person), DEMO_PASSWORD, locale);
  return page;
}

const saved = (page: Page) => page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });

describe('first-use fixes', () => {
  it('C6: the host sees the visiting reviewer with the reviewer’s own school', async () => {
    const { peerReview } = demoIds(server.dataset);
    const host = await signedIn('demo-headteacher', 'en');
    const reviewer = await signedIn('demo-reviewer', 'en');
    await host.goto(documentPath(peerReview));
    await reviewer.goto(documentPath(peerReview));
    const reviewerSchool = server.dataset.schools.find((s) => s.id === server.dataset.cast.reviewerSchoolId)!;
    await expect.poll(() => host.getByTestId('presence-list').innerText(), { timeout: 15_000 }).toContain(reviewerSchool.name.en);
    await host.context().close();
    await reviewer.context().close();
  });

  it('C32: leaving a document with editors open, again and again, throws nothing', async () => {
    const { peerReview, selfEvaluation } = demoIds(server.dataset);
    const page = await signedIn('demo-headteacher');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (let i = 0; i < 3; i++) {
      await page.goto(documentPath(peerReview));
      await saved(page);
      await page.locator('[data-testid="peer-review-notes"] [role="textbox"]').click();
      await page.getByRole('link', { name: /Cydweithio/ }).first().click();
      await page.getByTestId('documents-card').waitFor();
      await page.getByTestId('documents-card').locator(`a[href="${documentPath(selfEvaluation)}"]`).click();
      await saved(page);
      await page.goBack();
      await page.waitForTimeout(200);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('P30: a governor is not offered a new document; the headteacher is', async () => {
    const governor = await signedIn('demo-governor');
    await governor.getByTestId('documents-card').waitFor();
    expect(await governor.getByTestId('create-card').count()).toBe(0);
    const head = await signedIn('demo-headteacher');
    await head.locator('#create-kind').waitFor();
    const kinds = await head.locator('#create-kind option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(kinds).toEqual(expect.arrayContaining(['self-evaluation', 'peer-review']));
    await governor.context().close();
    await head.context().close();
  });

  it('C13: the skip link moves focus to the main content', async () => {
    const page = await signedIn('demo-headteacher');
    await page.getByTestId('documents-card').waitFor();
    await page.reload();
    await page.getByTestId('documents-card').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('C33: three seconds of typing announce nothing; the badge stays calm', async () => {
    const page = await signedIn('demo-headteacher');
    await page.goto(documentPath(demoIds(server.dataset).peerReview));
    await saved(page);
    await page.evaluate(() => {
      const w = window as unknown as { announcements: number; badgeChanges: number };
      w.announcements = 0;
      w.badgeChanges = 0;
      const region = document.querySelector('[data-testid="save-state-announcement"]')!;
      new MutationObserver(() => (w.announcements += 1)).observe(region, { childList: true, subtree: true, characterData: true });
      const badge = document.querySelector('[data-testid="save-state"]')!;
      new MutationObserver(() => (w.badgeChanges += 1)).observe(badge, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    await page.locator('[data-testid="peer-review-notes"] [role="textbox"]').click();
    await page.keyboard.press('Control+End');
    const started = Date.now();
    while (Date.now() - started < 3_000) await page.keyboard.type('ysgrifennu ', { delay: 40 });
    await saved(page);
    const counts = await page.evaluate(() => {
      const w = window as unknown as { announcements: number; badgeChanges: number };
      return { announcements: w.announcements, badgeChanges: w.badgeChanges };
    });
    expect(counts.announcements).toBe(0);
    expect(counts.badgeChanges).toBeLessThanOrEqual(4);
    await page.context().close();
  });

  it('C7: after an offline reload the offline notice goes once the server is back', async () => {
    const page = await signedIn('demo-headteacher');
    await page.goto(documentPath(demoIds(server.dataset).peerReview));
    await saved(page);
    await waitForOfflineShell(page);
    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('offline-notice').waitFor({ timeout: 15_000 });
    await page.context().setOffline(false);
    await saved(page);
    await page.getByTestId('offline-notice').waitFor({ state: 'detached', timeout: 20_000 });
    await page.context().close();
  });

  it('C2, C7: a Welsh page loads no English strings, and after an offline reload still switches to English', async () => {
    const page = await signedIn('demo-headteacher');
    await page.goto(documentPath(demoIds(server.dataset).peerReview));
    await saved(page);
    await waitForOfflineShell(page);
    await page.context().setOffline(true);
    await page.reload();
    const notice = page.getByTestId('offline-notice');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toContain('All-lein');
    const scriptsFetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));
    expect((await scriptsFetched()).some((name) => name.includes('englishCatalogue'))).toBe(false);
    await setLanguage(page, 'en');
    expect(await notice.innerText()).toContain('Offline: the server cannot be reached');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect((await scriptsFetched()).some((name) => name.includes('englishCatalogue'))).toBe(true);
    expect(await page.locator('[data-testid="peer-review-notes"]').innerText()).not.toBe('');
    await page.context().close();
  });

  it('C2: a meeting’s date is in Welsh on the Welsh screen', async () => {
    const page = await signedIn('demo-convenor');
    await page.goto(`/collaboratives/${encodeURIComponent(demoIds(server.dataset).clusterId)}`);
    await page.locator('h3', { hasText: 'Cyfarfod' }).first().waitFor({ timeout: 20_000 });
    const headings = await page.locator('h3', { hasText: 'Cyfarfod' }).allInnerTexts();
    expect(headings.join(' ')).not.toMatch(/January|February|March|April|May|June|July|August|September|October|November|December/);
    expect(headings.join(' ')).toMatch(/Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr/);
    await page.context().close();
  });
});
