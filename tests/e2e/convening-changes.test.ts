/**
 * Later changes to convening (web C269, C270; COLLABORATIVES.md G34, G35): a proposer withdraws
 * a proposal the LA officer is about to decide on, in a modal confirmation worked from the
 * keyboard; a convenor asks a school from an LA the collaborative has not reached, its
 * headteacher accepts, and it joins only once that LA's officer approves on their home page.
 * Each person in their own browser, Welsh and English side by side.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations, setLanguage } from './support/browser';
import { checkScreenBothLanguages, pageAs } from './support/cycle';
import { expectNoLanguageLeak } from './support/languageLeaks';
import { screenshotsDir } from './support/paths';
import type { E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;

serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

/** The signed-in person's own API call, for what earlier tests walk through already (proposing, C245). */
async function post(page: Page, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async ([p, b]) => {
    const response = await fetch(`/api${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }, [path, body] as const);
}

function propose(page: Page, schoolIds: string[], en: string) {
  return post(page, '/collaborative-proposals', {
    name: { cy: `${en} (cy)`, en }, purpose: { cy: 'Dysgu gyda’n gilydd', en: 'Learning together' },
    kind: 'horizontal', structure: 'horizontal', sectorFocus: 'welsh-medium', proposerSchoolId: server.dataset.cast.secondaryId, schoolIds,
    convenorIds: ['demo-headteacher-secondary'], facilitatorIds: [],
  });
}

/** axe clean and a screenshot of the page as it is, in its language now (a modal open, say). */
async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const locale = await page.evaluate(() => document.documentElement.lang);
  expect(await seriousViolations(page), `${name} (${locale})`).toEqual([]);
  await page.screenshot({ path: join(screenshotsDir, `${name}.${locale}.png`) });
}

const nameOf = (personId: string) => server.dataset.people.find((p) => p.id === personId)?.name ?? personId;

describe('withdrawing a proposal', () => {
  it('C269: the proposer withdraws a pending proposal after a keyboard confirmation; the LA officer sees it withdrawn', async () => {
    const proposer = await pageAs(browser, server, 'demo-headteacher-secondary', 'cy');
    const proposed = await propose(proposer, [server.dataset.cast.otherLaSchoolId], 'Secondaries thinking together');
    expect(proposed.status).toBe(201);
    const proposalId = (proposed.body['proposal'] as { id: string }).id;
    const entry = (page: Page) => page.getByTestId('proposals-card').locator(`li.proposal[data-proposal-id="${proposalId}"]`);

    const officer = await pageAs(browser, server, 'demo-la-officer-other-la', 'en');
    await entry(officer).getByRole('button', { name: /Approve for my local authority/ }).waitFor();
    expect(await entry(officer).getByRole('button', { name: /Withdraw/ }).count()).toBe(0);

    await proposer.goto('/');
    const withdraw = entry(proposer).getByRole('button', { name: /Tynnu’r cynnig yn ôl/ });
    await withdraw.focus();
    await proposer.keyboard.press('Enter');
    const dialog = proposer.getByTestId('confirm-remove');
    await dialog.waitFor();
    // Cancel has focus first; Escape takes the question away and changes nothing.
    expect(await proposer.evaluate(() => document.activeElement?.textContent)).toBe('Diddymu');
    expect(await dialog.innerText()).toContain('Secondaries thinking together (cy)');
    await snapshot(proposer, 'proposal-withdraw-confirm');
    await proposer.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await entry(proposer).getAttribute('data-status')).toBe('pending');
    // The same question in English.
    await setLanguage(proposer, 'en');
    await entry(proposer).getByRole('button', { name: /Withdraw the proposal/ }).click();
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').innerText()).toBe('Withdraw this proposal?');
    await snapshot(proposer, 'proposal-withdraw-confirm');
    await proposer.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await setLanguage(proposer, 'cy');

    // Withdrawn from the keyboard: Tab from Cancel to the confirm button, Enter.
    await withdraw.focus();
    await proposer.keyboard.press('Enter');
    await dialog.waitFor();
    await proposer.keyboard.press('Tab');
    expect(await proposer.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-remove-yes');
    await proposer.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => entry(proposer).getAttribute('data-status')).toBe('withdrawn');
    expect(await proposer.getByTestId('proposal-message').innerText()).toContain('Tynnwyd y cynnig');
    expect(await entry(proposer).getByTestId('proposal-status').innerText()).toContain(`Tynnwyd yn ôl – tynnwyd yn ôl gan ${nameOf('demo-headteacher-secondary')}`);
    await checkScreenBothLanguages(proposer, 'proposal-withdrawn', () => entry(proposer).getByTestId('proposal-status').waitFor());
    await expectNoLanguageLeak(proposer, 'proposal-withdrawn', 'cy');

    // The officer's home follows: withdrawn, by whom, and nothing left to decide.
    await expect.poll(() => entry(officer).getAttribute('data-status'), { timeout: 10_000 }).toBe('withdrawn');
    expect(await entry(officer).getByTestId('proposal-status').innerText()).toContain(`Withdrawn – withdrawn by ${nameOf('demo-headteacher-secondary')}`);
    expect(await entry(officer).getByRole('button').count()).toBe(0);
  });
});

describe('a school joining from a new LA', () => {
  it('C270: the school the convenor asks from another LA joins once its headteacher accepts and that LA\'s officer approves', async () => {
    const { otherLaSchoolId } = server.dataset.cast;
    const convenor = await pageAs(browser, server, 'demo-headteacher-secondary', 'cy');
    const homeOfficer = await pageAs(browser, server, 'demo-la-officer', 'en');
    // A horizontal collaborative of one LA: proposed for the convenor's school alone, approved by its LA.
    const proposed = await propose(convenor, [], 'Welsh-medium secondaries of the valleys');
    const decided = await post(homeOfficer, `/collaborative-proposals/${(proposed.body['proposal'] as { id: string }).id}/decision`, { decision: 'approve' });
    const collaborativeId = (decided.body['proposal'] as { collaborativeId: string }).collaborativeId;

    // The convenor asks the other LA's school, found by its number.
    await convenor.goto(`/collaboratives/${encodeURIComponent(collaborativeId)}`);
    const add = convenor.getByTestId('add-school-search');
    await add.locator('input[type=search]').fill(otherLaSchoolId);
    await add.locator('input[type=search]').press('Enter');
    await add.locator(`.search-result[data-school-id="${otherLaSchoolId}"] button`).click();
    const waits = convenor.getByTestId('membership-requests').locator(`[data-school-id="${otherLaSchoolId}"]`).getByTestId('request-waits-for');
    await waits.waitFor();
    expect(await convenor.getByTestId('membership-card').locator('[role="status"]').innerText()).toContain('yn cymeradwyo');
    expect(await waits.getAttribute('data-la-approved')).toBe('false');
    expect(await waits.innerText()).toContain('yn aros am gymeradwyaeth gan');
    await checkScreenBothLanguages(convenor, 'collaborative-membership-la-waiting', () => waits.waitFor());

    // Its headteacher accepts: the school is not a member yet, and the card says why.
    const headteacher = await pageAs(browser, server, 'demo-reviewer-other-la', 'en');
    const request = headteacher.getByTestId('membership-requests-card').locator('li.membership-request').first();
    await request.getByRole('button', { name: /^Join/ }).click();
    await request.getByTestId('waiting-for-la').waitFor();
    expect(await headteacher.getByTestId('membership-requests-card').locator('[role="status"]').innerText()).toContain('once its local authority approves');
    expect(await request.getByRole('button', { name: /^Join/ }).count()).toBe(0);
    await checkScreenBothLanguages(headteacher, 'collaborative-join-waiting-for-la', () => request.getByTestId('waiting-for-la').waitFor());
    await expect.poll(() => waits.innerText()).toContain('derbyniwyd gan yr ysgol');
    const member = convenor.getByTestId('members-card').locator(`[data-school-id="${otherLaSchoolId}"]`);
    expect(await member.count()).toBe(0);

    // The home LA's officer is not asked; the other LA's officer is, beside the proposals.
    await homeOfficer.goto('/');
    await homeOfficer.getByTestId('proposals-card').waitFor();
    await homeOfficer.waitForTimeout(1_000);
    expect(await homeOfficer.getByTestId('membership-approvals-card').count()).toBe(0);
    const officer = await pageAs(browser, server, 'demo-la-officer-other-la', 'cy');
    const approval = officer.getByTestId('membership-approvals-card').locator(`li.membership-approval[data-school-id="${otherLaSchoolId}"]`);
    await approval.waitFor();
    expect(await approval.innerText()).toContain('Welsh-medium secondaries of the valleys (cy)');
    expect(await approval.getByTestId('school-answer').innerText()).toBe('Mae ei phennaeth wedi derbyn.');
    await checkScreenBothLanguages(officer, 'membership-approvals', () => approval.waitFor());
    await expectNoLanguageLeak(officer, 'membership-approvals', 'cy');
    await expectNoLanguageLeak(headteacher, 'collaborative-join-waiting-for-la', 'en');
    await approval.getByRole('button', { name: /Cymeradwyo ar ran fy awdurdod lleol/ }).click();
    await officer.getByTestId('membership-approvals-card').locator('[role="status"]').waitFor();
    // The card asks the server again after the decision; the answered request then leaves it.
    await expect.poll(() => approval.count(), { timeout: 8_000 }).toBe(0);

    // The convenor's page follows within seconds: a member, and the history says who approved.
    await member.waitFor({ timeout: 8_000 });
    const history = convenor.getByTestId('membership-history');
    await history.locator(`[data-event="la-approved"][data-school-id="${otherLaSchoolId}"]`).waitFor();
    expect(await history.innerText()).toContain(nameOf('demo-la-officer-other-la'));
    await expect.poll(() => history.locator(`[data-event="joined"][data-school-id="${otherLaSchoolId}"]`).innerText()).toContain(nameOf('demo-reviewer-other-la'));
    await expect.poll(() => headteacher.getByTestId('membership-requests-card').locator('li.membership-request').count(), { timeout: 8_000 }).toBe(0);
  });
});
