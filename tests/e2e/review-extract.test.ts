/**
 * A peer review's strengths, published to a collaborative (COLLABORATIVES.md G40-G42, web
 * C298-C301): the host headteacher writes strengths and notes and publishes the strengths to the
 * cluster; a member school's headteacher finds the extract on home, opens it and reads the
 * strengths, never the notes; the host changes the strengths and refreshes, and the member's open
 * page shows the new words; the host withdraws it, the member's socket closes within a second and
 * it leaves their home page. Host in Welsh, member in English, then each screen in the other.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, seriousViolations, setLanguage, signIn } from './support/browser';
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

async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"] [role="textbox"]`).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

describe('a peer review\'s strengths, published to a collaborative', () => {
  it('C298, C299, C300, C301: publish, read on a member\'s home page, refresh live, withdraw live', async () => {
    const { peerReview, clusterId } = demoIds(server.dataset);
    const title = server.dataset.documents.find((d) => d.record.id === peerReview)?.record.title ?? '';
    const host = await as('demo-headteacher', 'cy');
    await host.goto(documentPath(peerReview));
    await saved(host);
    await typeInto(host, 'peer-review-strengths', ' Darllen ar y cyd rhagorol.');
    await typeInto(host, 'peer-review-notes', ' Nodyn preifat yr ysgol.');
    await saved(host);

    // By keyboard: open the publish card (its own chunk), choose the cluster, publish.
    await host.getByTestId('open-publish-strengths').focus();
    await host.keyboard.press('Enter');
    const card = host.getByTestId('publish-strengths');
    await card.locator('#extract-collaborative').waitFor();
    await expect.poll(() => card.locator('#extract-collaborative option').count()).toBeGreaterThan(0);
    await card.locator('#extract-collaborative').selectOption(clusterId);
    await card.getByTestId('extract-publish').focus();
    await host.keyboard.press('Enter');
    await card.getByTestId('extract-list').waitFor({ timeout: 10_000 });
    await noViolations(host);
    await host.screenshot({ path: join(screenshotsDir, 'review-extract-publish.cy.png'), fullPage: true });

    // The member's headteacher finds it on home and opens it: the strengths, not the notes.
    const member = await as('demo-headteacher-secondary', 'en');
    await member.goto('/');
    const link = member.locator('a.document-list__title', { hasText: title });
    await link.waitFor({ timeout: 15_000 });
    await link.click();
    await saved(member);
    const strengths = member.getByTestId('extract-strengths');
    await expect.poll(() => strengths.innerText()).toContain('Darllen ar y cyd rhagorol.');
    expect(await member.locator('body').innerText()).not.toContain('Nodyn preifat');
    expect(await member.getByTestId('extract-origin').innerText()).toContain('Strengths from a peer review by');
    expect(await strengths.locator('[role="textbox"]').getAttribute('aria-readonly')).toBe('true');
    await noViolations(member);
    await member.screenshot({ path: join(screenshotsDir, 'review-extract-read.en.png'), fullPage: true });

    // The host changes the strengths and brings the extract up to date: the member sees it live.
    await typeInto(host, 'peer-review-strengths', ' Cryfder newydd.');
    await saved(host);
    await card.getByTestId('extract-refresh').focus();
    await host.keyboard.press('Enter');
    await expect.poll(() => strengths.innerText(), { timeout: 10_000 }).toContain('Cryfder newydd.');

    // The host withdraws it, asked first: the member's open socket is closed within a second.
    await member.evaluate(() => {
      const watch = new MutationObserver(() => {
        if (document.querySelector('[data-sync-state="revoked"]')) (window as unknown as { revokedAt?: number }).revokedAt ??= Date.now();
      });
      watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-sync-state'] });
    });
    await card.getByTestId('extract-withdraw').focus();
    await host.keyboard.press('Enter');
    const dialog = host.getByTestId('confirm-remove');
    await dialog.waitFor();
    await noViolations(host);
    await host.screenshot({ path: join(screenshotsDir, 'review-extract-withdraw.cy.png'), fullPage: true });
    const withdrawn = host.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/extracts/'));
    await dialog.getByTestId('confirm-remove-yes').click();
    const answeredAt = Date.now();
    expect((await withdrawn).status()).toBe(204);
    await member.waitForFunction(() => (window as unknown as { revokedAt?: number }).revokedAt !== undefined, undefined, { timeout: 5_000 });
    const revokedAt = await member.evaluate(() => (window as unknown as { revokedAt: number }).revokedAt);
    expect(revokedAt - answeredAt).toBeLessThan(1000);
    await member.goto('/');
    await member.locator('a.document-list__title').first().waitFor({ timeout: 15_000 });
    expect(await member.locator('a.document-list__title', { hasText: title }).count()).toBe(0);
    await expect.poll(() => card.getByTestId('extract-list').count()).toBe(0);

    // Publish again, so each new screen is seen in the other language too.
    await card.locator('#extract-collaborative').selectOption(clusterId);
    await card.getByTestId('extract-publish').click();
    await card.getByTestId('extract-list').waitFor({ timeout: 10_000 });
    await setLanguage(host, 'en');
    await noViolations(host);
    await host.screenshot({ path: join(screenshotsDir, 'review-extract-publish.en.png'), fullPage: true });
    await card.getByTestId('extract-withdraw').click();
    await dialog.waitFor();
    await host.screenshot({ path: join(screenshotsDir, 'review-extract-withdraw.en.png'), fullPage: true });
    await host.keyboard.press('Escape');
    const memberCy = await as('demo-headteacher-secondary', 'cy');
    await memberCy.goto('/');
    const again = memberCy.locator('a.document-list__title', { hasText: title });
    await again.waitFor({ timeout: 15_000 });
    await again.click();
    await saved(memberCy);
    await expect.poll(() => memberCy.getByTestId('extract-strengths').innerText()).toContain('Cryfder newydd.');
    expect(await memberCy.getByTestId('extract-origin').innerText()).toContain('Cryfderau o adolygiad gan gymheiriaid');
    await noViolations(memberCy);
    await memberCy.screenshot({ path: join(screenshotsDir, 'review-extract-read.cy.png'), fullPage: true });
  }, 180_000);
});
