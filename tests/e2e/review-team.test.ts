/**
 * A peer review on the host's terms (COLLABORATIVES.md G10-G15, web C173-C176): the host
 * headteacher builds the team with a reviewer from another LA, who finds the review on their home
 * page and co-edits it at the same time as the host; the host logs the visit and closes the
 * review, and the reviewer is read-only; the host shares it with a collaborative, a member reads
 * it, the host stops sharing and the member's open socket closes within a second.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, seriousViolations, setLanguage, signIn } from './support/browser';
import { checkScreenBothLanguages } from './support/cycle';
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

async function saved(page: Page): Promise<void> {
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
}

async function noViolations(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const notes = (page: Page) => page.locator('[data-testid="peer-review-notes"] [role="textbox"]');

describe('a peer review run on the host\'s terms', () => {
  it('C173, C174, C175, C176: team from another LA, co-editing, closing, sharing with a collaborative and taking it back live', async () => {
    const { peerReview, clusterId } = demoIds(server.dataset);
    const title = server.dataset.documents.find((d) => d.record.id === peerReview)?.record.title ?? '';
    const host = await as('demo-headteacher', 'cy');
    await host.goto(documentPath(peerReview));
    await saved(host);

    // The host finds a headteacher of another LA in the directory and puts them on the team.
    const team = host.getByTestId('review-team');
    await team.locator('#team-search').fill('Gwenan');
    await team.locator('#team-search').press('Enter');
    const candidate = team.getByTestId('team-candidates').locator('li', { hasText: 'Gwenan Parry' });
    await candidate.locator('select').selectOption('reviewer');
    await candidate.locator('button').click();
    await expect.poll(() => team.getByTestId('team-members').innerText()).toContain('Gwenan Parry');
    await checkScreenBothLanguages(host, 'peer-review-team', () => team.getByTestId('team-members').waitFor());

    // The reviewer sees the review on their home page and opens it.
    const reviewer = await as('demo-reviewer-other-la', 'en');
    await reviewer.goto('/');
    const link = reviewer.locator('a.document-list__title', { hasText: title });
    await link.waitFor({ timeout: 15_000 });
    await link.click();
    await saved(reviewer);
    expect(await reviewer.getByTestId('review-stage').getAttribute('data-stage')).toBe('planning');

    // Both write at the same time and each sees the other's words.
    await notes(host).click();
    await host.keyboard.press('Control+End');
    await host.keyboard.type(' Nodyn gan yr ysgol.');
    await notes(reviewer).click();
    await reviewer.keyboard.press('Control+End');
    await reviewer.keyboard.type(' Visiting reviewer note.');
    await expect.poll(() => host.getByTestId('peer-review-notes').innerText()).toContain('Visiting reviewer note.');
    await expect.poll(() => reviewer.getByTestId('peer-review-notes').innerText()).toContain('Nodyn gan yr ysgol.');

    // The visit's activity log is typed evidence, written by the team.
    await reviewer.locator('#activity-kind').selectOption('talking-with-learners');
    await reviewer.locator('#activity-note').fill('Year 5 learners on their next steps');
    await reviewer.locator('#activity-note').press('Enter');
    await expect.poll(() => host.getByTestId('visit-log').innerText()).toContain('Siarad â dysgwyr');
    await saved(reviewer);
    await checkScreenBothLanguages(reviewer, 'peer-review-visit', () => reviewer.getByTestId('visit-log').waitFor());

    // The host moves through the stages and closes it, keeping read access for the visitors a while.
    const stage = host.getByTestId('review-stage');
    for (const next of ['visit', 'write-up']) {
      await stage.locator('button[type=submit]').click();
      await expect.poll(() => stage.getAttribute('data-stage')).toBe(next);
    }
    await stage.locator('#retain-until').fill('2099-07-31');
    await stage.locator('button[type=submit]').click();
    await expect.poll(() => stage.getAttribute('data-stage')).toBe('closed');
    // The reviewer becomes read-only at once: their access is the server's, re-read when the host closes.
    await expect.poll(() => reviewer.getByTestId('review-stage').getAttribute('data-stage'), { timeout: 10_000 }).toBe('closed');
    await expect.poll(() => notes(reviewer).getAttribute('aria-readonly'), { timeout: 10_000 }).toBe('true');
    expect(await reviewer.locator('#activity-note').count()).toBe(0);
    await noViolations(reviewer);
    await reviewer.screenshot({ path: join(screenshotsDir, 'peer-review-closed.en.png'), fullPage: true });

    // The host shares it with the cluster; the secondary's headteacher (a member) reads it.
    const shares = host.getByTestId('review-shares');
    await shares.locator('#share-collaborative').selectOption(clusterId);
    await shares.locator('form').first().locator('button[type=submit]').click();
    await expect.poll(() => shares.getByTestId('share-list').innerText()).toContain('Elin Davies');
    await noViolations(host);
    await host.screenshot({ path: join(screenshotsDir, 'peer-review-shares.cy.png'), fullPage: true });
    const member = await as('demo-headteacher-secondary', 'en');
    await member.goto(documentPath(peerReview));
    await saved(member);
    await expect.poll(() => member.getByTestId('peer-review-notes').innerText()).toContain('Visiting reviewer note.');
    expect(await notes(member).getAttribute('aria-readonly')).toBe('true');

    // The host stops sharing: the member's open socket is closed within a second.
    await member.evaluate(() => {
      const watch = new MutationObserver(() => {
        if (document.querySelector('[data-sync-state="revoked"]')) {
          (window as unknown as { revokedAt?: number }).revokedAt ??= Date.now();
        }
      });
      watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-sync-state'] });
    });
    const unshared = host.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/shares/collaborative/'));
    await shares.getByTestId('share-list').locator('button').first().click();
    const answeredAt = Date.now();
    expect((await unshared).status()).toBe(204);
    await member.waitForFunction(() => (window as unknown as { revokedAt?: number }).revokedAt !== undefined, undefined, { timeout: 5_000 });
    const revokedAt = await member.evaluate(() => (window as unknown as { revokedAt: number }).revokedAt);
    expect(revokedAt - answeredAt).toBeLessThan(1000);

    // Each new screen in the other language too.
    await setLanguage(host, 'en');
    await noViolations(host);
    await host.screenshot({ path: join(screenshotsDir, 'peer-review-shares.en.png'), fullPage: true });
    await setLanguage(reviewer, 'cy');
    await noViolations(reviewer);
    await reviewer.screenshot({ path: join(screenshotsDir, 'peer-review-closed.cy.png'), fullPage: true });
  });
});
