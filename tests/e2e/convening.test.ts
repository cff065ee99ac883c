/**
 * Convening a collaborative (COLLABORATIVES.md G20-G31, web C245-C249): a headteacher proposes a
 * cross-LA horizontal collaborative with the model's rules as warnings while typing; both LAs'
 * officers approve at the same moment; its workspace exists; the other LA's headteacher accepts
 * while the convenor watches the members list; the convenor asks another school found by its LA.
 * The proposer works in Welsh, the other people in English or Welsh, in browsers side by side.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkScreenBothLanguages, pageAs } from './support/cycle';
import type { E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;

serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

const NAME_CY = 'Ysgolion uwchradd Cymraeg y de';

async function addSchool(page: Page, query: string): Promise<void> {
  const search = page.getByTestId('propose-school-search');
  await search.locator('input[type=search]').fill(query);
  await search.locator('input[type=search]').press('Enter');
  await search.locator('.search-result button').first().click();
}

describe('convening a collaborative', () => {
  it('C245, C246, C247, C248, C249: proposed with warnings, approved by both LAs at once, workspace made, a school joins live, another is asked', async () => {
    const { otherLaSchoolId, reviewerSchoolId } = server.dataset.cast;
    const proposer = await pageAs(browser, server, 'demo-headteacher-secondary', 'cy');

    // C245: the proposal screen, reached from home.
    await proposer.getByRole('link', { name: 'Cynnig cydweithrediad' }).click();
    await proposer.locator('#name-cy').fill(NAME_CY);
    await proposer.locator('#name-en').fill('Welsh-medium secondaries of the south');
    await proposer.locator('#purpose-cy').fill('Deall cynnydd dysgwyr gyda’n gilydd');
    await proposer.locator('#purpose-en').fill('Understanding learners’ progression together');
    // C246: a primary in a secondary group is a warning (M4) as soon as it is named; taken out, it goes.
    await addSchool(proposer, reviewerSchoolId);
    await expect.poll(() => proposer.getByTestId('proposal-warnings').locator('[data-rule]').first().getAttribute('data-rule')).toBe('M4');
    await proposer.getByTestId('proposed-schools').locator('button').click();
    await proposer.getByTestId('no-warnings').waitFor();
    // The other LA's Welsh-medium secondary, by its number: two LAs will decide.
    await addSchool(proposer, otherLaSchoolId);
    await expect.poll(() => proposer.getByTestId('las-involved').innerText()).toContain('2');
    await checkScreenBothLanguages(proposer, 'collaborative-propose', () => proposer.getByTestId('no-warnings').waitFor());
    // Sent from the keyboard.
    await proposer.locator('button[form="propose-form"]').focus();
    await proposer.keyboard.press('Enter');
    await expect.poll(() => proposer.getByTestId('propose-message').innerText()).toContain('Anfonwyd');

    // C247: both LAs' officers, side by side, approve at the same moment.
    const officer = await pageAs(browser, server, 'demo-la-officer', 'en');
    const otherOfficer = await pageAs(browser, server, 'demo-la-officer-other-la', 'cy');
    // The demo holds no other proposal, so the card's one entry is this one.
    const card = (page: Page) => page.getByTestId('proposals-card').locator('li.proposal').first();
    await card(officer).waitFor();
    await card(otherOfficer).waitFor();
    await checkScreenBothLanguages(officer, 'collaborative-approvals', () => card(officer).waitFor());
    await Promise.all([
      card(officer).getByRole('button', { name: /Approve for my local authority/ }).click(),
      card(otherOfficer).getByRole('button', { name: /Cymeradwyo ar ran fy awdurdod lleol/ }).click(),
    ]);
    for (const page of [officer, otherOfficer]) {
      await expect.poll(() => card(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('approved');
      expect(await card(page).locator('[data-decision="approved"]').count()).toBe(2);
    }
    // Each sees who approved for the other LA.
    expect(await card(officer).getByTestId('la-decisions').innerText()).toContain('Rhys Bowen');
    expect(await card(otherOfficer).getByTestId('la-decisions').innerText()).toContain('Huw Jenkins');

    // The proposer's home follows; the collaborative and its workspace exist.
    await proposer.goto('/');
    await proposer.getByTestId('proposals-card').getByRole('link', { name: 'Agor y cydweithrediad' }).click();
    await proposer.getByTestId('priorities-board').waitFor({ timeout: 20_000 });

    // C248, C249: the other LA's headteacher joins while the convenor watches the members list.
    const joining = await pageAs(browser, server, 'demo-reviewer-other-la', 'en');
    const request = joining.getByTestId('membership-requests-card').locator('li.membership-request').first();
    await request.waitFor();
    await checkScreenBothLanguages(joining, 'collaborative-join-request', () => request.waitFor());
    const member = proposer.getByTestId('members-card').locator(`[data-school-id="${otherLaSchoolId}"]`);
    expect(await member.count()).toBe(0);
    expect(await request.innerText()).toContain('Welsh-medium secondaries of the south');
    await request.getByRole('button', { name: /^Join/ }).click();
    await member.waitFor({ timeout: 6_000 });
    await expect.poll(() => proposer.getByTestId('membership-history').locator(`[data-event="joined"][data-school-id="${otherLaSchoolId}"]`).count()).toBe(1);
    expect(await proposer.getByTestId('membership-history').innerText()).toContain('Gwenan Parry');

    // The convenor asks another school, found by its LA's name in Welsh (across LAs: horizontal).
    const add = proposer.getByTestId('add-school-search');
    await add.locator('input[type=search]').fill('Caerdydd');
    await add.locator('input[type=search]').press('Enter');
    const candidate = add.locator('.search-result', { has: proposer.locator('button') }).first();
    const askedId = await candidate.getAttribute('data-school-id');
    await candidate.locator('button').click();
    await proposer.getByTestId('membership-requests').locator(`[data-school-id="${askedId}"]`).waitFor();
    await checkScreenBothLanguages(proposer, 'collaborative-membership', () => proposer.getByTestId('membership-history').waitFor());
  });
});
