/**
 * Correcting what people wrote and managing the document (web C215-C222, ACCESS.md A110-A115):
 * the headteacher (in Welsh, an owner) and a practitioner (in English, who writes but does not
 * manage) have one self-evaluation open at once. Each adds and corrects an evidence line; the
 * headteacher removes hers after the confirmation (keyboard only, Escape first) and undoes it,
 * which brings back only her line while the practitioner's edits made meanwhile stay. The owner
 * renames the document in both languages, archives it (the practitioner's copy turns read-only
 * and the document leaves the lists) and restores it from home. Screens axe clean and
 * screenshotted in both languages.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/browser';
import { checkScreenBothLanguages, pageAs } from './support/cycle';
import { demoIds, documentPath } from './support/demo';
import { screenshotsDir } from './support/paths';
import type { E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;

serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

async function open(personId: string, locale: 'cy' | 'en', docId: string): Promise<Page> {
  const page = await pageAs(browser, server, personId, locale);
  await page.goto(documentPath(docId));
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
  await page.locator('.section-card').first().waitFor();
  return page;
}

const evidence = (page: Page, text: string): Locator => page.locator('li.evidence__item', { hasText: text });

async function addEvidence(page: Page, sectionTestId: string, text: string): Promise<void> {
  const form = page.getByTestId(sectionTestId).locator('form', { has: page.locator('input[name=description]') });
  await form.locator('input[name=description]').fill(text);
  await form.locator('input[name=description]').press('Enter');
}

async function correct(page: Page, from: string, to: string): Promise<void> {
  const line = evidence(page, from);
  await line.getByTestId('evidence-edit').click();
  await line.getByTestId('evidence-input').fill(to);
  await line.getByTestId('evidence-save').click();
}

/** axe and a screenshot of the page as it stands, in the language it is in. */
async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const locale = await page.evaluate(() => document.documentElement.lang);
  const violations = await seriousViolations(page);
  expect(violations, `${name} (${locale}): ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  await page.screenshot({ path: join(screenshotsDir, `${name}.${locale}.png`), fullPage: false });
}

describe('corrections and managing a document', () => {
  it('C215, C216, C217, C218, C219, C220, C221, C222: two people correct one self-evaluation; remove, undo, rename, archive and restore', async () => {
    const docId = demoIds(server.dataset).selfEvaluation;
    const head = await open('demo-headteacher', 'cy', docId);
    const practitioner = await open('demo-practitioner', 'en', docId);
    const sectionTestId = (await head.locator('.section-card').first().getAttribute('data-testid')) ?? '';

    // C215: each adds a line, then each corrects their own at the same time.
    await addEvidence(head, sectionTestId, 'Taith ddysgu ym mlwyddyn 4');
    await addEvidence(practitioner, sectionTestId, 'Pupil voice survey');
    for (const page of [head, practitioner]) {
      await evidence(page, 'Taith ddysgu ym mlwyddyn 4').waitFor();
      await evidence(page, 'Pupil voice survey').waitFor();
    }
    await Promise.all([
      correct(head, 'Taith ddysgu ym mlwyddyn 4', 'Taith ddysgu ym mlynyddoedd 4 a 5'),
      correct(practitioner, 'Pupil voice survey', 'Pupil voice survey, spring'),
    ]);
    for (const page of [head, practitioner]) {
      await evidence(page, 'Taith ddysgu ym mlynyddoedd 4 a 5').waitFor();
      await evidence(page, 'Pupil voice survey, spring').waitFor();
    }

    // C216: keyboard only. Escape cancels and leaves focus on the button; then Tab to Remove.
    const remove = evidence(head, 'mlynyddoedd 4 a 5').getByTestId('evidence-remove');
    await remove.focus();
    await head.keyboard.press('Enter');
    const dialog = head.getByTestId('confirm-remove');
    await dialog.waitFor();
    expect(await head.evaluate(() => document.activeElement?.textContent)).toBe('Diddymu');
    await snapshot(head, 'corrections-confirm');
    await head.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await evidence(head, 'mlynyddoedd 4 a 5').count()).toBe(1);
    await head.keyboard.press('Enter');
    await dialog.waitFor();
    // Focus stays inside the dialog: Tab goes from Cancel to Remove and no further out.
    await head.keyboard.press('Tab');
    expect(await head.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-remove-yes');
    await head.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    for (const page of [head, practitioner]) await expect.poll(() => evidence(page, 'mlynyddoedd 4 a 5').count()).toBe(0);

    // The practitioner goes on correcting theirs while the undo bar is up.
    await correct(practitioner, 'Pupil voice survey, spring', 'Pupil voice survey, spring term');
    await evidence(head, 'spring term').waitFor();
    const bar = head.getByTestId('undo-bar');
    expect(await bar.innerText()).toContain('Wedi dileu');
    await snapshot(head, 'corrections-undo-bar');

    // The English screens of the same dialog and bar: the practitioner removes and undoes a line of theirs.
    await addEvidence(practitioner, sectionTestId, 'Book look notes');
    await evidence(practitioner, 'Book look notes').getByTestId('evidence-remove').click();
    await practitioner.getByTestId('confirm-remove').waitFor();
    await snapshot(practitioner, 'corrections-confirm');
    await practitioner.getByTestId('confirm-remove-yes').click();
    await practitioner.getByTestId('undo-bar').waitFor();
    expect(await practitioner.getByTestId('undo-bar').innerText()).toContain('Removed');
    await snapshot(practitioner, 'corrections-undo-bar');
    await practitioner.getByTestId('undo-remove').click();
    await evidence(head, 'Book look notes').waitFor();

    // C217: the headteacher's Undo (Enter on the focused button) brings back her line as she
    // last wrote it; the practitioner's edits made meanwhile are not undone.
    expect(await head.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo-remove');
    await head.keyboard.press('Enter');
    expect(await bar.innerText()).toContain('Wedi dadwneud');
    for (const page of [head, practitioner]) {
      await evidence(page, 'Taith ddysgu ym mlynyddoedd 4 a 5').waitFor();
      expect(await evidence(page, 'Pupil voice survey, spring term').count()).toBe(1);
      expect(await evidence(page, 'Book look notes').count()).toBe(1);
    }

    // C218: only the owner is offered the manage card.
    const card = head.getByTestId('manage-card');
    await card.waitFor();
    expect(await practitioner.getByTestId('manage-card').count()).toBe(0);
    await card.getByTestId('manage-title-cy').fill('Hunanarfarnu’r ysgol 2026-27');
    await card.getByTestId('manage-title-en').fill('School self-evaluation 2026-27');
    await card.getByTestId('manage-rename').click();
    await expect.poll(() => card.getByTestId('manage-message').innerText()).toContain('ailenwi');
    // Each open copy shows the new title in its person's language, live (C282).
    await expect.poll(() => head.getByTestId('document-title').innerText()).toBe('Hunanarfarnu’r ysgol 2026-27');
    await expect.poll(() => practitioner.getByTestId('document-title').innerText()).toBe('School self-evaluation 2026-27');
    // C220: the step is in the card's history.
    await expect.poll(() => card.getByTestId('manage-audit').innerText()).toContain('Ailenwodd');
    await checkScreenBothLanguages(head, 'corrections-manage-card', () => card.getByTestId('manage-audit').waitFor());

    // C219: archived, the practitioner's copy turns read-only within seconds and says so.
    await card.getByTestId('manage-archive').click();
    await card.getByTestId('manage-archived').waitFor();
    await practitioner.getByTestId('document-archived').waitFor({ timeout: 10_000 });
    await expect.poll(() => practitioner.getByTestId('evidence-edit').count()).toBe(0);
    expect(await practitioner.getByTestId('evidence-remove').count()).toBe(0);
    const answer = practitioner.locator(`[data-testid^="answer-"]`).first();
    expect(await answer.getAttribute('aria-readonly')).toBe('true');
    await expect.poll(() => card.getByTestId('manage-audit').innerText()).toContain('Archifodd');

    // C221: it leaves the documents list and is on home's archived card, with a restore button.
    await head.goto('/');
    const archivedCard = head.getByTestId('archived-card');
    await archivedCard.waitFor();
    expect(await head.getByTestId('documents-card').getByText('Hunanarfarnu’r ysgol 2026-27').count()).toBe(0);
    expect(await archivedCard.getByTestId('archived-document').innerText()).toContain('Hunanarfarnu’r ysgol 2026-27');
    await checkScreenBothLanguages(head, 'corrections-archived-card', () => archivedCard.waitFor());
    await archivedCard.getByTestId('archived-restore').click();
    await head.getByTestId('documents-card').getByText('Hunanarfarnu’r ysgol 2026-27').waitFor();

    // Restored: the practitioner may write again, without reloading.
    await practitioner.getByTestId('document-archived').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => practitioner.getByTestId('evidence-edit').count()).toBeGreaterThan(0);
    await practitioner.goto('/');
    await practitioner.getByTestId('documents-card').getByText('School self-evaluation 2026-27').waitFor();
  });
});
