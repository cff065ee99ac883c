/**
 * Structured meetings (model D55-D59, web C250-C254): the convenor (in Welsh) and a member
 * headteacher (in English) work on the same meeting at once: the date, who came and who sent
 * apologies, an agenda drafted from open priorities and overdue actions, the notes and a
 * decision both type in, an action owned by a person with a due date; each part edited and removed; both copies
 * converge. Screenshots of the meeting in both languages; axe clean.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkScreenBothLanguages, pageAs } from './support/cycle';
import { demoIds, documentPath } from './support/demo';
import { fieldText } from './support/fields';
import type { E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;

serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

async function open(personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await pageAs(browser, server, personId, locale);
  await page.goto(documentPath(demoIds(server.dataset).clusterWorkspace));
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
  await page.getByTestId('priorities-board').waitFor();
  return page;
}

/** A removal asks first, in the page's own dialog (C216). */
async function confirmRemoval(page: Page): Promise<void> {
  await page.getByTestId('confirm-remove-yes').click();
  await page.getByTestId('confirm-remove').waitFor({ state: 'detached' });
}

/** The newest meeting comes first; the test's meeting is dated after the demo's. */
const meeting = (page: Page) => page.getByTestId('meeting').first();

describe('structured meetings', () => {
  it('C250, C251, C252, C253, C254: two people record one meeting at once: people, agenda, notes, decisions, actions, each edited and removed', async () => {
    const convenor = await open('demo-convenor', 'cy');
    const member = await open('demo-headteacher', 'en');
    const convenorName = server.dataset.people.find((p) => p.id === 'demo-convenor')?.name ?? '';
    const memberName = server.dataset.people.find((p) => p.id === 'demo-headteacher')?.name ?? '';
    const seniorName = server.dataset.people.find((p) => p.id === 'demo-senior-leader')?.name ?? '';

    // The convenor adds the meeting from the keyboard; the member's copy shows it.
    await convenor.locator('#new-meeting-date').fill('2030-01-15');
    await convenor.locator('#new-meeting-date').press('Enter');
    await expect.poll(() => meeting(member).locator('h3').first().innerText()).toContain('15 January 2030');
    const id = (await meeting(convenor).getAttribute('data-meeting-id')) ?? '';
    const prefix = `#meeting-${id}`;

    // C250: who came and who sent apologies, as people, recorded by both at once.
    await Promise.all([
      (async () => {
        await meeting(convenor).locator(`${prefix}-person`).selectOption({ label: memberName });
        await meeting(convenor).getByRole('button', { name: 'Cofnodi', exact: true }).click();
      })(),
      (async () => {
        await meeting(member).locator(`${prefix}-person`).selectOption({ label: seniorName });
        await meeting(member).locator(`${prefix}-attendance`).selectOption('apologies');
        await meeting(member).getByRole('button', { name: 'Record', exact: true }).click();
      })(),
    ]);
    for (const page of [convenor, member]) {
      await expect.poll(() => meeting(page).getByTestId('meeting-present').innerText()).toContain(memberName);
      await expect.poll(() => meeting(page).getByTestId('meeting-apologies').innerText()).toContain(seniorName);
    }

    // C251: the agenda drafted from the workspace's open priorities (and overdue actions).
    await meeting(convenor).getByRole('button', { name: /Llunio’r agenda/ }).click();
    await expect.poll(() => meeting(member).getByTestId('agenda-items').locator('.agenda-item').count()).toBeGreaterThan(1);
    const drafted = await meeting(member).getByTestId('agenda-items').locator('.agenda-item').count();
    // Drafting again adds nothing twice.
    await meeting(member).getByRole('button', { name: /Draft the agenda/ }).click();
    await expect.poll(() => meeting(member).getByRole('status').first().innerText()).toContain('0');
    expect(await meeting(convenor).getByTestId('agenda-items').locator('.agenda-item').count()).toBe(drafted);

    // C254: the meeting's notes, typed by both at once, one at the start and one at the end.
    const notes = (page: Page, label: RegExp) => meeting(page).getByRole('textbox', { name: label });
    const convenorNotes = notes(convenor, /Nodiadau cyfarfod/);
    const memberNotes = notes(member, /Notes of the meeting/);
    await convenorNotes.click();
    await convenorNotes.pressSequentially('Trafodwyd y pontio.');
    await expect.poll(() => fieldText(memberNotes, 'formatted')).toBe('Trafodwyd y pontio.');
    await convenorNotes.press('Control+End');
    await memberNotes.click();
    await memberNotes.press('Control+Home');
    await Promise.all([convenorNotes.pressSequentially(' Diwedd.'), memberNotes.pressSequentially('Start. ')]);
    for (const field of [convenorNotes, memberNotes]) await expect.poll(() => fieldText(field, 'formatted')).toBe('Start. Trafodwyd y pontio. Diwedd.');

    // C252: a decision the member records and both then type in at once converges.
    await meeting(member).locator(`${prefix}-new-decision`).fill('Agree the transition focus');
    await meeting(member).locator(`${prefix}-new-decision`).press('Enter');
    const decision = (page: Page) => meeting(page).getByTestId('meeting-decisions').getByTestId('decision-text').first();
    await decision(convenor).waitFor();
    await decision(convenor).click();
    await decision(convenor).press('End');
    await decision(member).click();
    await decision(member).press('Home');
    await Promise.all([decision(convenor).pressSequentially(' (Ionawr)'), decision(member).pressSequentially('We ')]);
    for (const page of [convenor, member]) await expect.poll(() => decision(page).inputValue()).toBe('We Agree the transition focus (Ionawr)');

    // C253: an action owned by a person, with a due date; its date changed by the other person.
    await meeting(member).locator(`${prefix}-new-action-description`).fill('Share the transition plan');
    await meeting(member).locator(`${prefix}-new-action-owner`).selectOption({ label: convenorName });
    await meeting(member).locator(`${prefix}-new-action-due`).fill('2030-02-01');
    await meeting(member).getByRole('button', { name: 'Add action' }).click();
    const action = (page: Page) => meeting(page).getByTestId('meeting-actions').locator('.meeting-action').first();
    await expect.poll(() => action(convenor).getByTestId('action-summary').innerText()).toContain(convenorName);
    await action(convenor).locator('input[type=date]').fill('2030-02-08');
    await action(convenor).locator('input[type=date]').press('Tab');
    await expect.poll(() => action(member).getByTestId('action-summary').innerText()).toContain('8 February 2030');

    // The date is edited; both copies agree on everything.
    await meeting(convenor).locator(`${prefix}-date`).fill('2030-01-16');
    await meeting(convenor).locator(`${prefix}-date`).press('Tab');
    await expect.poll(() => meeting(member).locator('h3').first().innerText()).toContain('16 January 2030');
    await checkScreenBothLanguages(convenor, 'workspace-meeting', () => meeting(convenor).getByTestId('meeting-decisions').waitFor());

    // Everything is removable: an agenda item, the decision, the action, a person, then the meeting.
    await meeting(member).getByTestId('agenda-items').locator('.agenda-item button').first().click();
    await confirmRemoval(member);
    await expect.poll(() => meeting(convenor).getByTestId('agenda-items').locator('.agenda-item').count()).toBe(drafted - 1);
    await meeting(convenor).getByTestId('meeting-decisions').locator('button').first().click();
    await confirmRemoval(convenor);
    await meeting(convenor).getByTestId('meeting-actions').locator('.meeting-action button').click();
    await confirmRemoval(convenor);
    await meeting(convenor).getByTestId('meeting-apologies').locator('button').click();
    await confirmRemoval(convenor);
    await expect.poll(() => meeting(member).getByTestId('meeting-decisions').getByTestId('decision-text').count()).toBe(0);
    await expect.poll(() => meeting(member).getByTestId('meeting-actions').locator('.meeting-action').count()).toBe(0);
    await expect.poll(() => meeting(member).getByTestId('meeting-apologies').innerText()).not.toContain(seniorName);
    const before = await member.getByTestId('meeting').count();
    await meeting(member).getByRole('button', { name: /Remove this meeting/ }).click();
    await confirmRemoval(member);
    await expect.poll(() => convenor.getByTestId('meeting').count()).toBe(before - 1);
  });
});
