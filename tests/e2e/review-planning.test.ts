/**
 * A peer review's planning (web C312, C313, server G47, model D64, D65): the host in Welsh and a
 * reviewer in English add the visit's dates at the same time and each sees both, written in their
 * own language; the stage card says what is still to agree, the host's move to the visit is
 * refused while the focus or a date is missing, and made once both are there.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkScreenBothLanguages, pageAs } from './support/cycle';
import { demoIds, documentPath } from './support/demo';
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
  await page.goto(documentPath(demoIds(server.dataset).peerReview));
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
  return page;
}

const shownDates = (page: Page) => page.getByTestId('visit-date-list').locator('time').allInnerTexts();
const gaps = async (page: Page) => ((await page.getByTestId('review-stage').locator('[data-gaps]').getAttribute('data-gaps')) ?? '').split(' ').filter(Boolean);

async function addDate(page: Page, date: string): Promise<void> {
  await page.locator('#visit-date-new').fill(date);
  await page.locator('#visit-date-new').press('Enter');
}

describe('planning a peer review\'s visit', () => {
  it('C312, C313: dates added at once by two people, in each one\'s language; the visit waits for the focus and a date', async () => {
    const host = await open('demo-headteacher', 'cy');
    const reviewer = await open('demo-reviewer', 'en');
    const stage = host.getByTestId('review-stage');
    expect(await stage.getAttribute('data-stage')).toBe('planning');
    // The demo review is planned already: its one date shown in each language.
    expect(await shownDates(host)).toEqual(['17 Tachwedd 2026']);
    expect(await shownDates(reviewer)).toEqual(['17 November 2026']);
    expect(await host.getByTestId('planning-ready').count()).toBe(1);

    // Changing the dates opens their editor, loaded then.
    await host.getByTestId('visit-dates-open').click();
    await reviewer.getByTestId('visit-dates-open').click();
    // The host takes the date off and empties the focus: the card says what is missing, for both.
    await host.getByTestId('visit-dates').locator('li', { hasText: '17 Tachwedd 2026' }).locator('button', { hasText: 'Dileu' }).click();
    await host.getByTestId('confirm-remove-yes').click();
    await host.getByTestId('peer-review-focus').fill('');
    await expect.poll(() => gaps(host)).toEqual(['focus', 'visit-dates']);
    await expect.poll(() => gaps(reviewer)).toEqual(['focus', 'visit-dates']);
    await expect.poll(() => host.getByTestId('visit-dates').innerText()).toContain('Dim dyddiadau');

    // The host tries anyway: the server refuses and the card says why, in Welsh.
    await stage.locator('button[type=submit]').click();
    await expect.poll(() => stage.locator('[role=status]').innerText()).toContain('Cytunwch ar ffocws yr adolygiad');
    expect(await stage.getAttribute('data-stage')).toBe('planning');

    // Both add a different day at the same time; each sees both, in their own language.
    await Promise.all([addDate(host, '2026-11-24'), addDate(reviewer, '2026-11-25')]);
    await expect.poll(() => shownDates(host), { timeout: 10_000 }).toEqual(['24 Tachwedd 2026', '25 Tachwedd 2026']);
    await expect.poll(() => shownDates(reviewer), { timeout: 10_000 }).toEqual(['24 November 2026', '25 November 2026']);
    await expect.poll(() => gaps(host)).toEqual(['focus']);

    // The reviewer moves their day; the host sees it moved.
    const row = reviewer.getByTestId('visit-dates').locator('li', { hasText: '25 November 2026' });
    await row.locator('button', { hasText: 'Edit' }).click();
    await row.locator('input[type=date]').fill('2026-11-26');
    await row.locator('input[type=date]').press('Enter');
    await expect.poll(() => shownDates(host), { timeout: 10_000 }).toEqual(['24 Tachwedd 2026', '26 Tachwedd 2026']);
    await checkScreenBothLanguages(host, 'peer-review-planning', () => host.getByTestId('planning-gaps').waitFor());

    // Still no focus: refused again. Once the team agrees one, the visit begins.
    await stage.locator('button[type=submit]').click();
    await expect.poll(() => stage.locator('[role=status]').innerText()).toContain('Cytunwch ar ffocws yr adolygiad');
    await reviewer.getByTestId('peer-review-focus').fill('How learners use feedback in their writing');
    await expect.poll(() => host.getByTestId('planning-ready').count(), { timeout: 10_000 }).toBe(1);
    await reviewer.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
    await checkScreenBothLanguages(reviewer, 'peer-review-planning-ready', () => reviewer.getByTestId('planning-ready').waitFor());
    await stage.locator('button[type=submit]').click();
    await expect.poll(() => stage.getAttribute('data-stage')).toBe('visit');
    await expect.poll(() => reviewer.getByTestId('review-stage').getAttribute('data-stage'), { timeout: 10_000 }).toBe('visit');
    expect(await host.getByTestId('planning-gaps').count()).toBe(0);
  });
});
