/**
 * From convening to an agreed record on one new collaborative (web C311): a headteacher proposes
 * a cross-LA horizontal group, both LAs' officers approve, the other LA's headteacher joins, and
 * then in that collaborative's own workspace the convenor adds two shared priorities, holds a
 * meeting with its people, agrees both there; the record says who and when; the headteacher who
 * just joined edits an agreed priority and both see "changed since agreed" with the difference.
 * The convenor works in Welsh, the joining headteacher in English, in two browsers at once.
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

const NAME_EN = 'Oracy across two counties';
const FIRST = 'Llafaredd ym mhob pwnc';
const SECOND = 'Pontio o Flwyddyn 6 i Flwyddyn 7';
const EDITED = `${FIRST} a darllen`;

const nameOf = (id: string) => server.dataset.people.find((p) => p.id === id)?.name ?? '';

/** The proposal, sent, and both LAs' approvals: the steps C245-C247 prove in detail. */
async function proposeAndApprove(convenor: Page, otherLaSchoolId: string): Promise<void> {
  await convenor.getByRole('link', { name: 'Cynnig cydweithrediad' }).click();
  await convenor.locator('#name-cy').fill('Llafaredd ar draws dwy sir');
  await convenor.locator('#name-en').fill(NAME_EN);
  await convenor.locator('#purpose-cy').fill('Siarad i ddysgu, gyda’n gilydd');
  await convenor.locator('#purpose-en').fill('Talking to learn, together');
  const search = convenor.getByTestId('propose-school-search').locator('input[type=search]');
  await search.fill(otherLaSchoolId);
  await search.press('Enter');
  await convenor.getByTestId('propose-school-search').locator('.search-result button').first().click();
  await expect.poll(() => convenor.getByTestId('las-involved').innerText()).toContain('2');
  await convenor.locator('button[form="propose-form"]').click();
  await expect.poll(() => convenor.getByTestId('propose-message').innerText()).toContain('Anfonwyd');
  const officers = await Promise.all([pageAs(browser, server, 'demo-la-officer', 'en'), pageAs(browser, server, 'demo-la-officer-other-la', 'cy')]);
  await Promise.all(officers.map(async (officer) => {
    const card = officer.getByTestId('proposals-card').locator('li.proposal').first();
    await card.getByRole('button', { name: /Approve for my local authority|Cymeradwyo ar ran fy awdurdod lleol/ }).click();
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 10_000 }).toBe('approved');
  }));
  await Promise.all(officers.map((officer) => officer.context().close()));
}

describe('convening a collaborative through to an agreed record', () => {
  it('C311: proposed, approved by both LAs, joined across LAs, then priorities agreed at a meeting in its own workspace and a member\'s edit shown as changed since agreed', async () => {
    const { otherLaSchoolId } = server.dataset.cast;
    const convenorName = nameOf('demo-headteacher-secondary');
    const memberName = nameOf('demo-reviewer-other-la');
    const convenor = await pageAs(browser, server, 'demo-headteacher-secondary', 'cy');
    await proposeAndApprove(convenor, otherLaSchoolId);

    // The convenor opens the new collaborative; its workspace is there, empty.
    await convenor.goto('/');
    await convenor.getByTestId('proposals-card').getByRole('link', { name: 'Agor y cydweithrediad' }).click();
    await convenor.getByTestId('priorities-board').waitFor({ timeout: 20_000 });
    const collaborativePath = new URL(convenor.url()).pathname;
    expect(await convenor.getByTestId('priority').count()).toBe(0);

    // The other LA's headteacher joins while the convenor's page is open, then opens it from home.
    const member = await pageAs(browser, server, 'demo-reviewer-other-la', 'en');
    const request = member.getByTestId('membership-requests-card').locator('li.membership-request').first();
    await request.getByRole('button', { name: /^Join/ }).click();
    await convenor.getByTestId('members-card').locator(`[data-school-id="${otherLaSchoolId}"]`).waitFor({ timeout: 6_000 });
    await member.getByTestId('collaboratives-horizontal').getByRole('link', { name: NAME_EN }).click();
    expect(new URL(member.url()).pathname).toBe(collaborativePath);
    await member.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
    await member.getByTestId('priorities-board').waitFor();

    // The convenor adds two shared priorities from the keyboard; the member's copy shows both.
    for (const title of [FIRST, SECOND]) {
      await convenor.locator('#new-priority-title').fill(title);
      await convenor.locator('#new-priority-title').press('Enter');
    }
    // In the order they were added: the first, then the second.
    const card = (page: Page, title: string) => page.getByTestId('priority').nth(title === SECOND ? 1 : 0);
    await expect.poll(() => member.getByTestId('priority').count()).toBe(2);
    for (const title of [FIRST, SECOND]) {
      await expect.poll(() => card(member, title).getByTestId('priority-title').inputValue()).toBe(title);
      expect(await card(member, title).getByTestId('agreed-status').getAttribute('data-agreed')).toBe('no');
    }

    // A meeting; who came is recorded as people, each person recording the other at once. The
    // convenor's page was open before the member joined, and offers her all the same.
    await convenor.locator('#new-meeting-date').fill('2027-03-10');
    await convenor.locator('#new-meeting-date').press('Enter');
    const meeting = (page: Page) => page.getByTestId('meeting').first();
    await expect.poll(() => meeting(member).locator('h3').first().innerText()).toContain('10 March 2027');
    const prefix = `#meeting-${(await meeting(convenor).getAttribute('data-meeting-id')) ?? ''}`;
    await Promise.all([
      (async () => {
        await meeting(convenor).locator(`${prefix}-person`).selectOption({ label: memberName });
        await meeting(convenor).getByRole('button', { name: 'Cofnodi', exact: true }).click();
      })(),
      (async () => {
        await meeting(member).locator(`${prefix}-person`).selectOption({ label: convenorName });
        await meeting(member).getByRole('button', { name: 'Record', exact: true }).click();
      })(),
    ]);
    for (const page of [convenor, member]) {
      for (const name of [convenorName, memberName]) await expect.poll(() => meeting(page).getByTestId('meeting-present').innerText()).toContain(name);
    }

    // The convenor agrees both at the meeting; the member may edit but not agree.
    expect(await member.getByTestId('agree-priorities').count()).toBe(0);
    const agree = meeting(convenor).getByTestId('agree-priorities');
    await agree.getByLabel(FIRST, { exact: true }).check();
    await agree.getByLabel(SECOND, { exact: true }).check();
    await agree.locator('button[type=submit]').click();
    await expect.poll(() => agree.locator('[role=status]').innerText()).toContain('2');

    // The record, on both pages, in each person's language: the meeting's date, who agreed and
    // when they recorded it (this year; the meeting is dated later).
    const recordedYear = String(new Date().getFullYear());
    for (const [page, date] of [[convenor, '10 Mawrth 2027'], [member, '10 March 2027']] as const) {
      for (const title of [FIRST, SECOND]) {
        const status = card(page, title).getByTestId('agreed-status');
        await expect.poll(() => status.getAttribute('data-agreed'), { timeout: 10_000 }).toBe('yes');
        expect(await status.innerText()).toContain(date);
        expect(await status.innerText()).toContain(convenorName);
        expect(await status.innerText()).toContain(recordedYear);
      }
    }

    // The member who just joined edits an agreed priority while the convenor's page is open.
    await card(member, FIRST).getByTestId('priority-title').click();
    await member.keyboard.press('End');
    await member.keyboard.type(' a darllen');
    const changed = (page: Page) => card(page, FIRST).getByTestId('changed-since-agreed');
    await expect.poll(() => changed(member).innerText()).toContain('Changed since agreed');
    await expect.poll(() => changed(convenor).innerText(), { timeout: 10_000 }).toContain('Wedi newid ers cytuno');
    for (const page of [convenor, member]) {
      expect(await changed(page).locator('del').innerText()).toBe(FIRST);
      expect(await changed(page).locator('ins').innerText()).toBe(EDITED);
      // The other agreed priority is untouched.
      expect(await card(page, SECOND).getByTestId('agreed-status').getAttribute('data-agreed')).toBe('yes');
    }
    await checkScreenBothLanguages(member, 'collaborative-agreed-changed', () => changed(member).waitFor());
  });
});
