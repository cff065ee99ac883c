/**
 * The LA observes (C15): shared priorities update live and cannot be typed into. Peer reviews
 * belong to the host school (C10): the LA officer sees one only once the headteacher shares it.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, signIn } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;

async function pageFor(personId: string, locale: 'cy' | 'en' = 'en'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  return page;
}

serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

describe('C15 LA observer', () => {
  it('C15, O39: asked to watch, sees shared priorities change live and cannot type into them', async () => {
    const { clusterId } = demoIds(server.dataset);
    const convenor = await pageFor('demo-convenor');
    const facilitator = await pageFor('demo-facilitator');
    await convenor.goto(`/collaboratives/${encodeURIComponent(clusterId)}`);
    await facilitator.goto('/la');
    // The live workspaces connect only when asked (O39).
    await facilitator.getByTestId('la-watch-live').click();
    const convenorTitle = convenor.getByTestId('priority-title').first();
    await convenorTitle.waitFor();
    const panel = facilitator.getByTestId('la-workspace').filter({ has: facilitator.getByTestId('priority-title') }).first();
    const observedTitle = panel.getByTestId('priority-title').first();
    await observedTitle.waitFor();
    await expect.poll(() => observedTitle.inputValue()).toBe(await convenorTitle.inputValue());

    await convenorTitle.click();
    await convenorTitle.press('End');
    await convenorTitle.pressSequentially(' – wedi’i diweddaru');
    await expect.poll(() => observedTitle.inputValue(), { timeout: 10_000 }).toContain('wedi’i diweddaru');

    // Read-only: the field says so, and typing changes nothing anywhere.
    expect(await observedTitle.getAttribute('aria-readonly')).toBe('true');
    const before = await observedTitle.inputValue();
    await observedTitle.click();
    await facilitator.keyboard.type('XYZ');
    expect(await observedTitle.inputValue()).toBe(before);
    expect(await convenorTitle.inputValue()).not.toContain('XYZ');
    await facilitator.getByTestId('coverage').waitFor();
  });
});

describe('C10 peer review belongs to the host school', () => {
  it('C10: the LA officer cannot see an unshared peer review and sees it once shared', async () => {
    const { peerReview } = demoIds(server.dataset);
    const officer = await pageFor('demo-la-officer');
    const listed = async () => {
      await officer.goto('/');
      await officer.getByTestId('documents-card').waitFor();
      // In the documents list (the notifications card links to a shared review too, C292).
      return officer.getByTestId('documents-card').locator(`a[href="${documentPath(peerReview)}"]`).count();
    };
    expect(await listed()).toBe(0);
    const denied = await officer.evaluate(async (id) => (await fetch(`/api/documents/${encodeURIComponent(id)}/readers`)).status, peerReview);
    expect([403, 404]).toContain(denied);

    const headteacher = await pageFor('demo-headteacher');
    await headteacher.goto(documentPath(peerReview));
    await headteacher.getByTestId('share-toggle').click();
    await expect.poll(() => headteacher.getByTestId('readers').innerText()).toContain('Shared with the local authority');

    // Only the host headteacher has the control (the reviewer does not).
    const reviewer = await pageFor('demo-reviewer');
    await reviewer.goto(documentPath(peerReview));
    await reviewer.getByTestId('readers').waitFor();
    expect(await reviewer.getByTestId('share-control').count()).toBe(0);

    await expect.poll(listed, { timeout: 10_000 }).toBe(1);
    await officer.goto(documentPath(peerReview));
    await officer.getByTestId('peer-review-notes').waitFor();
    expect(await officer.locator('[data-testid="peer-review-notes"] [role="textbox"]').getAttribute('aria-readonly')).toBe('true');
  });

  it('C5: an edit the server refuses (stale access on this device) is explained and the document turns read-only', async () => {
    const { peerReview } = demoIds(server.dataset);
    const officer = await pageFor('demo-la-officer', 'cy');
    // The device does not know the officer is only a reader: no cached or fresh document list,
    // nor the document's own summary (C120), as on a flaky network.
    await officer.route(/\/api\/documents(\/[^/]+)?$/, (route) => route.abort());
    await officer.evaluate(() => localStorage.removeItem('cyd.cache.documents'));
    await officer.goto(documentPath(peerReview));
    await officer.locator('[data-sync-state="saved"]').waitFor();
    const notes = officer.locator('[data-testid="peer-review-notes"] [role="textbox"]');
    expect(await notes.getAttribute('aria-readonly')).toBe('false');
    await notes.click();
    await officer.keyboard.type('Ni ddylai hwn gael ei gadw');
    await officer.getByTestId('refused-message').waitFor({ timeout: 10_000 });
    expect(await officer.getByTestId('refused-message').innerText()).toContain('Gwrthododd y gweinydd');
    await expect.poll(() => notes.getAttribute('aria-readonly')).toBe('true');
  });
});
