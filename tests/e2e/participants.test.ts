/**
 * Correcting who a peer review's write-up says took part (web C280-C283), with the host
 * headteacher (Welsh) and a visiting reviewer from another LA (English) in the review at once:
 * the team is named in the write-up in one step, each corrects a line at the same time, a role
 * changes, a line is removed after the confirmation and brought back with Undo; the host takes a
 * person off the team only after a confirmation that says what it does; a rename shows each
 * person the title in their own language.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { join } from 'node:path';
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

async function open(personId: string, locale: 'cy' | 'en', docId: string): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  await page.goto(documentPath(docId));
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
  return page;
}

async function snapshot(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

const line = (page: Page, text: string): Locator => page.getByTestId('participant-list').locator('li.participant', { hasText: text });

async function correctName(page: Page, from: string, to: string): Promise<void> {
  const row = line(page, from);
  await row.getByTestId('participant-name-edit').click();
  const input = row.getByTestId('participant-name-input');
  await input.fill(to);
  await input.press('Enter');
}

describe('who took part in a peer review', () => {
  it('C280, C281, C282, C283: host and reviewer correct the participants together; removals ask first; the title follows each person\'s language', async () => {
    const { peerReview } = demoIds(server.dataset);
    const host = await open('demo-headteacher', 'cy', peerReview);

    // The host puts a reviewer from another LA on the team, who then opens the review.
    const team = host.getByTestId('review-team');
    await team.locator('#team-search').fill('Gwenan');
    await team.locator('#team-search').press('Enter');
    const candidate = team.getByTestId('team-candidates').locator('li', { hasText: 'Gwenan Parry' });
    await candidate.locator('select').selectOption('reviewer');
    await candidate.locator('button').click();
    await expect.poll(() => team.getByTestId('team-members').innerText()).toContain('Gwenan Parry');
    const reviewer = await open('demo-reviewer-other-la', 'en', peerReview);

    // C281: the demo write-up names two people; the team's newcomer is named in one step.
    const listed = await host.getByTestId('participant-list').locator('li.participant').count();
    expect(listed).toBeGreaterThanOrEqual(2);
    await host.getByTestId('participants-add-team').click();
    for (const page of [host, reviewer]) await line(page, 'Gwenan Parry').waitFor();
    expect(await line(host, 'Gwenan Parry').getByTestId('participant-role').inputValue()).toBe('reviewer');

    // Both add a line at the same time, then each corrects their own line at the same time.
    await Promise.all([
      (async () => {
        await host.getByTestId('participant-new-name').fill('Llywodraethwr yr ysgol');
        await host.getByTestId('participant-new-name').press('Enter');
      })(),
      (async () => {
        await reviewer.getByTestId('participant-new-name').fill('Deputy head, visiting');
        await reviewer.locator('#participant-new-school').fill('Ysgol Bro Gwenan');
        await reviewer.getByTestId('participant-new-name').press('Enter');
      })(),
    ]);
    for (const page of [host, reviewer]) {
      await line(page, 'Llywodraethwr yr ysgol').waitFor();
      await line(page, 'Deputy head, visiting').waitFor();
    }
    await Promise.all([
      correctName(host, 'Llywodraethwr yr ysgol', 'Cadeirydd y llywodraethwyr'),
      correctName(reviewer, 'Deputy head, visiting', 'Deputy headteacher'),
    ]);
    for (const page of [host, reviewer]) {
      await line(page, 'Cadeirydd y llywodraethwyr').waitFor();
      await line(page, 'Deputy headteacher').waitFor();
    }
    // Each new line took part as its writer usually means (the host's as the host school, the
    // visitor's as a reviewer); a role set wrongly by one is put right by the other, live.
    expect(await line(host, 'Cadeirydd y llywodraethwyr').getByTestId('participant-role').inputValue()).toBe('host');
    expect(await line(host, 'Deputy headteacher').getByTestId('participant-role').inputValue()).toBe('reviewer');
    await line(reviewer, 'Cadeirydd y llywodraethwyr').getByTestId('participant-role').selectOption('reviewer');
    await expect.poll(() => line(host, 'Cadeirydd y llywodraethwyr').getByTestId('participant-role').inputValue()).toBe('reviewer');
    await line(host, 'Cadeirydd y llywodraethwyr').getByTestId('participant-role').selectOption('host');
    await expect.poll(() => line(reviewer, 'Cadeirydd y llywodraethwyr').getByTestId('participant-role').inputValue()).toBe('host');
    await checkScreenBothLanguages(host, 'peer-review-participants', () => host.getByTestId('participant-list').waitFor());

    // C283: removing a line asks first; Undo brings back the reviewer's own removal only.
    await line(reviewer, 'Deputy headteacher').getByTestId('participant-remove').click();
    await reviewer.getByTestId('confirm-remove-yes').click();
    await expect.poll(() => line(host, 'Deputy headteacher').count()).toBe(0);
    await reviewer.getByTestId('undo-remove').click();
    await expect.poll(() => line(host, 'Deputy headteacher').count()).toBe(1);
    expect(await line(reviewer, 'Cadeirydd y llywodraethwyr').count()).toBe(1);

    // C282: renamed in both languages, each copy shows its person's title, live.
    const card = host.getByTestId('manage-card');
    await card.getByTestId('manage-title-cy').fill('Adolygiad cymheiriaid: adborth ar ysgrifennu');
    await card.getByTestId('manage-title-en').fill('Peer review: feedback on writing');
    await card.getByTestId('manage-rename').click();
    await expect.poll(() => host.getByTestId('document-title').innerText()).toBe('Adolygiad cymheiriaid: adborth ar ysgrifennu');
    await expect.poll(() => reviewer.getByTestId('document-title').innerText()).toBe('Peer review: feedback on writing');

    // C280: taking someone off the team asks first and says what it does; Escape keeps them.
    const remove = team.getByTestId('team-members').locator('li', { hasText: 'Gwenan Parry' }).getByTestId('team-remove');
    await remove.focus();
    await host.keyboard.press('Enter');
    const dialog = host.getByTestId('confirm-remove');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Ni fydd Gwenan Parry yn gallu agor');
    await snapshot(host, 'peer-review-team-remove.cy');
    await host.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
    // The same question in English (the dialog is modal, so the language is changed between).
    await setLanguage(host, 'en');
    await remove.click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Gwenan Parry will no longer be able to open this review');
    await snapshot(host, 'peer-review-team-remove.en');
    await host.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await setLanguage(host, 'cy');
    expect(await team.getByTestId('team-members').innerText()).toContain('Gwenan Parry');
    await remove.click();
    await host.getByTestId('confirm-remove-yes').click();
    await expect.poll(() => team.getByTestId('team-members').innerText()).not.toContain('Gwenan Parry');
    // The reviewer's open copy loses the review: the server's team is who may open it.
    await expect.poll(() => reviewer.getByTestId('document').count(), { timeout: 10_000 }).toBe(0);
    // The write-up still names who took part: it is the host's record of the visit.
    expect(await line(host, 'Gwenan Parry').count()).toBe(1);
  });
});
