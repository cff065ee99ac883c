/**
 * Agreeing with a record (COLLABORATIVES.md G1-G5, web C170-C172): the convenor agrees shared
 * priorities at a meeting, the record says who and when, a member's later edit shows as
 * "changed since agreed" to both of them at once, and the twice-yearly impact review is recorded.
 * The convenor works in Welsh, the member headteacher in English, in two browsers at once.
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

const NEW_PRIORITY = 'Llafaredd ar draws y clwstwr';

async function open(personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  await page.goto(documentPath(demoIds(server.dataset).clusterWorkspace));
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
  await page.getByTestId('priorities-board').waitFor();
  return page;
}

/** The priority the convenor adds comes after the demo's two. */
const newCard = (page: Page) => page.getByTestId('priority').nth(2);

async function noViolations(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

describe('agreeing shared priorities with a record', () => {
  it('C170, C171, C172: the convenor agrees at a meeting; the record says who and when; a member\'s edit shows as changed since agreed; an impact review is recorded', async () => {
    const convenor = await open('demo-convenor', 'cy');
    const member = await open('demo-headteacher', 'en');
    const convenorName = server.dataset.people.find((p) => p.id === 'demo-convenor')?.name ?? '';

    // No status control anyone could flip (C170): the demo's priorities read as the record says.
    expect(await convenor.locator('select[id$="-status"]').count()).toBe(0);
    await expect.poll(() => member.getByTestId('agreed-status').first().getAttribute('data-agreed')).toBe('yes');

    // The convenor proposes a new priority (keyboard only) and holds a meeting.
    await convenor.locator('#new-priority-title').fill(NEW_PRIORITY);
    await convenor.locator('#new-priority-title').press('Enter');
    await expect.poll(() => member.getByTestId('priority').count()).toBe(3);
    await expect.poll(() => newCard(member).getByTestId('agreed-status').getAttribute('data-agreed')).toBe('no');
    await convenor.locator('#new-meeting-date').fill('2027-01-20');
    await convenor.locator('#new-meeting-date').press('Enter');
    const agreeForm = convenor.getByTestId('agree-priorities').first();
    await agreeForm.waitFor();
    // The member leader may edit, not agree: no form for them (the server would refuse too, G2).
    expect(await member.getByTestId('agree-priorities').count()).toBe(0);

    // Agree two priorities at the new meeting.
    await agreeForm.getByLabel(NEW_PRIORITY).check();
    await agreeForm.locator('input[type=checkbox]').first().check();
    await agreeForm.locator('button[type=submit]').click();
    await expect.poll(() => agreeForm.locator('[role=status]').innerText()).toContain('2');
    await expect.poll(() => newCard(convenor).getByTestId('agreed-status').innerText()).toContain('20 Ionawr 2027');
    expect(await newCard(convenor).getByTestId('agreed-status').innerText()).toContain(convenorName);
    // The member's copy re-reads the record at once: who and when, in English.
    await expect.poll(() => newCard(member).getByTestId('agreed-status').innerText(), { timeout: 10_000 }).toContain('20 January 2027');
    expect(await newCard(member).getByTestId('agreed-status').innerText()).toContain(convenorName);
    await noViolations(convenor);
    await convenor.screenshot({ path: join(screenshotsDir, 'workspace-agreed.cy.png'), fullPage: true });

    // A member edits the agreed priority: both see "changed since agreed" with the difference.
    const title = newCard(member).locator('[data-testid="priority-title"]');
    await title.click();
    await member.keyboard.press('End');
    await member.keyboard.type(' a darllen');
    const changed = (page: Page) => page.getByTestId('changed-since-agreed');
    await expect.poll(() => changed(member).first().innerText()).toContain(`${NEW_PRIORITY} a darllen`);
    expect(await changed(member).first().innerText()).toContain('Changed since agreed');
    await expect.poll(() => changed(convenor).first().innerText(), { timeout: 10_000 }).toContain('Wedi newid ers cytuno');
    expect(await changed(convenor).first().locator('del').innerText()).toBe(NEW_PRIORITY);
    expect(await changed(convenor).first().locator('ins').innerText()).toBe(`${NEW_PRIORITY} a darllen`);
    await noViolations(member);
    await member.screenshot({ path: join(screenshotsDir, 'workspace-changed-since-agreed.en.png'), fullPage: true });

    // The twice-yearly impact review, agreed into the record by the convenor, read by the member.
    const impact = newCard(convenor).getByTestId('impact-reviews');
    await impact.locator('select[name=focus]').selectOption('pedagogy');
    await impact.locator('select[name=impact]').selectOption('on-practice');
    await impact.locator('input[name=note]').fill('Athrawon yn holi’n fwy agored');
    await impact.locator('button[type=submit]').click();
    await expect.poll(() => impact.locator('li').first().innerText()).toContain('Effaith ar ymarfer');
    await expect.poll(() => newCard(member).getByTestId('impact-reviews').locator('li').first().innerText(), { timeout: 10_000 }).toContain('Impact on practice');
    await noViolations(convenor);

    // Each new screen in both languages.
    await setLanguage(convenor, 'en');
    await noViolations(convenor);
    await convenor.screenshot({ path: join(screenshotsDir, 'workspace-agreed.en.png'), fullPage: true });
    await setLanguage(member, 'cy');
    await expect.poll(() => changed(member).first().innerText()).toContain('Wedi newid ers cytuno');
    await noViolations(member);
    await member.screenshot({ path: join(screenshotsDir, 'workspace-changed-since-agreed.cy.png'), fullPage: true });
  });
});
