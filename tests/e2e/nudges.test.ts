/**
 * Home pages update when something changes, pushed, not polled (web C291, server S63): an LA
 * officer (English) has home open; a headteacher (Welsh) proposes a collaborative that needs
 * that LA; the officer's proposals card shows it within two seconds, far sooner than the slow
 * safety-net read (30 s), so it came from the server's nudge. Then the officer approves and the
 * proposer's open home page shows the decision the same way.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pageAs } from './support/cycle';
import type { E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

async function post(page: Page, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async ([p, b]) => {
    const response = await fetch(`/api${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }, [path, body] as const);
}

describe('C291 home pages hear about changes at once', () => {
  it('C291: a proposal and its approval reach the other person’s open home page within two seconds, with no reload', async () => {
    const officer = await pageAs(browser, server, 'demo-la-officer-other-la', 'en');
    const proposer = await pageAs(browser, server, 'demo-headteacher-secondary', 'cy');
    // Both pages are listening before anything changes.
    for (const page of [officer, proposer]) {
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset['nudges']), { timeout: 10_000 }).toBe('listening');
    }

    const proposed = await post(proposer, '/collaborative-proposals', {
      name: { cy: 'Meddwl gyda’n gilydd (cy)', en: 'Thinking together' }, purpose: { cy: 'Dysgu gyda’n gilydd', en: 'Learning together' },
      kind: 'horizontal', structure: 'horizontal', sectorFocus: 'welsh-medium', proposerSchoolId: server.dataset.cast.secondaryId,
      schoolIds: [server.dataset.cast.otherLaSchoolId], convenorIds: ['demo-headteacher-secondary'], facilitatorIds: [],
    });
    expect(proposed.status).toBe(201);
    const proposalId = (proposed.body['proposal'] as { id: string }).id;
    const entry = (page: Page) => page.getByTestId('proposals-card').locator(`li.proposal[data-proposal-id="${proposalId}"]`);
    const sent = Date.now();
    await entry(officer).getByRole('button', { name: /Approve for my local authority/ }).waitFor({ timeout: 2_000 });
    expect(Date.now() - sent).toBeLessThan(2_000);

    // The officer approves; the proposer's home shows that LA's decision as pushed.
    await entry(proposer).waitFor();
    const before = await entry(proposer).getByTestId('la-decisions').innerText();
    const approved = Date.now();
    await entry(officer).getByRole('button', { name: /Approve for my local authority/ }).click();
    await expect.poll(() => entry(proposer).getByTestId('la-decisions').innerText(), { timeout: 2_000, interval: 100 }).not.toBe(before);
    expect(Date.now() - approved).toBeLessThan(2_500);
    await officer.context().close();
    await proposer.context().close();
  });
});
