/**
 * The improvement cycle with the keyboard alone, and in one language at a time (C265-C268): the
 * primary's headteacher adds to this year's plan without a pointer; its Improvement Partner starts
 * the autumn review from the caseload, writes it, confirms it and moves the school to enhanced
 * support from the review's own screen (E22), all by keyboard; the school's governor, who reads
 * confirmed reviews only, opening the draft is told so and shown the way to the record (E23).
 * Every cycle screen shows only Welsh in Welsh and only English in English, axe clean.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { setLanguage } from './support/browser';
import { checkScreenBothLanguages, isoDay, pageAs } from './support/cycle';
import { documentPath } from './support/demo';
import { expectNoLanguageLeak } from './support/languageLeaks';
import type { E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

const primaryId = () => server.dataset.cast.primaryId;
const planPath = () => {
  const plan = server.dataset.documents.find((d) => d.record.kind === 'development-plan' && d.record.owner.type === 'school' && d.record.owner.schoolId === primaryId() && d.record.title.includes('2026'));
  if (!plan) throw new Error('demo has no 2026 plan for the primary');
  return documentPath(plan.record.id);
};
let reviewPath = '';

/**
 * Presses Tab (Shift+Tab backwards) until the focused element matches `selector`, inside the
 * `within[1]`-th (from 0; -1 the last) element matching `within[0]` when given: no pointer.
 */
async function tabTo(page: Page, selector: string, options: { backwards?: boolean; within?: [string, number] } = {}): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const there = await page.evaluate(([s, within]) => {
      const el = document.activeElement;
      if (!el?.matches(s as string)) return false;
      if (!within) return true;
      const [container, index] = within as [string, number];
      const all = Array.from(document.querySelectorAll(container));
      return all.at(index)?.contains(el) ?? false;
    }, [selector, options.within ?? null] as const);
    if (there) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');

/** Types a yyyy-mm-dd date into the focused date field the way a keyboard user does, segment by segment. */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  // Chromium's en-US date field: month, day, year; each segment moves on once it is full.
  await page.keyboard.type(`${m}${d}${y}`);
  expect(await focusedValue(page)).toBe(iso);
}

describe('C265-C266 the plan and the termly review by keyboard alone', () => {
  it('C265: the headteacher reaches this year’s plan from home and adds a priority with its area, a success criterion and its status, by keyboard', async () => {
    const head = await pageAs(browser, server, 'demo-headteacher', 'en');
    await head.getByTestId('documents-card').waitFor();
    await tabTo(head, `a[href="${planPath()}"]`);
    await head.keyboard.press('Enter');
    await head.getByTestId('plan').waitFor({ timeout: 20_000 });
    await head.locator('[data-sync-state="saved"]').waitFor({ timeout: 15_000 });
    const before = await head.getByTestId('plan-priority').count();

    await tabTo(head, '#new-priority-title');
    await head.keyboard.type('Ysgrifennu estynedig');
    await tabTo(head, '#new-priority-area');
    await head.keyboard.press('ArrowDown');
    const area = await focusedValue(head);
    await tabTo(head, '[data-testid="add-priority"] button');
    await head.keyboard.press('Enter');
    await expect.poll(() => head.getByTestId('plan-priority').count(), { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(() => head.getByTestId('plan-priority').last().getByTestId('priority-title').inputValue()).toBe('Ysgrifennu estynedig');
    const priority = head.getByTestId('plan-priority').last();
    expect(await priority.locator('select').first().inputValue()).toBe(area);

    // A success criterion, added with Enter, then its status chosen with the arrow keys.
    const last: [string, number] = ['[data-testid="plan-priority"]', -1];
    await tabTo(head, '[data-testid="plan-criteria"] input[name="text"]', { within: last });
    await head.keyboard.type('Pob dosbarth yn ysgrifennu’n estynedig bob wythnos');
    await head.keyboard.press('Enter');
    await expect.poll(() => priority.getByTestId('criterion-status').count(), { timeout: 10_000 }).toBe(1);
    await tabTo(head, '[data-testid="criterion-status"]', { within: last, backwards: true });
    await head.keyboard.press('ArrowDown');
    await expect.poll(() => priority.getByTestId('criterion-status').inputValue()).toBe('in-progress');
    await head.locator('[data-sync-state="saved"]').waitFor({ timeout: 15_000 });
    await head.context().close();
  });

  it('C266, E22: the partner starts the autumn review from the caseload, writes and confirms it and moves the school to enhanced support from the review, by keyboard', async () => {
    const facilitator = await pageAs(browser, server, 'demo-facilitator', 'en');
    await tabTo(facilitator, '[data-testid="nav-caseload"]');
    await facilitator.keyboard.press('Enter');
    const school = facilitator.locator(`[data-testid="caseload-school"][data-school-id="${primaryId()}"]`);
    await school.waitFor({ timeout: 20_000 });
    await tabTo(facilitator, `[data-testid="caseload-school"][data-school-id="${primaryId()}"] [data-term="2026-autumn"] [data-testid="start-review"]`);
    await facilitator.keyboard.press('Enter');
    await facilitator.waitForURL(/\/documents\/progress-review/);
    reviewPath = new URL(facilitator.url()).pathname;
    const priorities = facilitator.getByTestId('review-priority');
    await priorities.first().waitFor({ timeout: 20_000 });

    // Each radio group is one tab stop: Space picks the first option, the arrows move the choice.
    for (let i = 0; i < (await priorities.count()); i++) {
      const nth: [string, number] = ['[data-testid="review-priority"]', i];
      await tabTo(facilitator, '[data-testid="review-track"] input', { within: nth });
      await facilitator.keyboard.press('Space');
      await tabTo(facilitator, '[data-testid="review-judgement"] input', { within: nth });
      await facilitator.keyboard.press('Space');
      await facilitator.keyboard.press('ArrowDown');
      expect(await focusedValue(facilitator)).toBe('strong');
    }
    await tabTo(facilitator, '[data-testid="overall-track"] input');
    await facilitator.keyboard.press('Space');
    await tabTo(facilitator, '#overall-summary');
    await facilitator.keyboard.type('Dechrau da i’r flwyddyn.');
    await facilitator.locator('[data-sync-state="saved"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => facilitator.getByTestId('review-gaps').count(), { timeout: 15_000 }).toBe(0);
    await tabTo(facilitator, '[data-testid="confirm-review"]');
    await facilitator.keyboard.press('Enter');
    await expect.poll(() => facilitator.getByTestId('confirmation-facilitator').innerText(), { timeout: 10_000 }).toContain('Confirmed by Catrin Lewis');

    // E22: the support level, beside the review it shapes.
    const level = facilitator.getByTestId('review-support-level');
    expect(await level.getByTestId('review-level-now').innerText()).toContain('Core support');
    await tabTo(facilitator, '[data-testid="review-support-level"] summary');
    await facilitator.keyboard.press('Enter');
    await tabTo(facilitator, '[data-testid="review-support-level"] select[name="level"]');
    expect(await focusedValue(facilitator)).toBe('enhanced');
    await tabTo(facilitator, '[data-testid="review-support-level"] input[name="from"]');
    await typeDate(facilitator, isoDay(0));
    await tabTo(facilitator, '[data-testid="review-support-level"] textarea[name="reason"]');
    await facilitator.keyboard.type('Cytunwyd yn yr adolygiad: mae angen mwy o gymorth i’r arweinwyr.');
    await tabTo(facilitator, '[data-testid="review-support-level"] button[type="submit"]');
    await facilitator.keyboard.press('Enter');
    await expect.poll(() => level.getByTestId('review-level-now').innerText(), { timeout: 10_000 }).toContain('Enhanced support');
    expect(await level.getByTestId('support-decision').last().innerText()).toContain('decided at the review of Autumn term 2026');
    await checkScreenBothLanguages(facilitator, 'review-support-level', () => level.waitFor());
    await facilitator.context().close();

    // The school's leaders read the decision beside the review, and may not make one (P40).
    const head = await pageAs(browser, server, 'demo-headteacher', 'en');
    await head.goto(reviewPath);
    const headLevel = head.getByTestId('review-support-level');
    await expect.poll(() => headLevel.getByTestId('review-level-now').innerText(), { timeout: 20_000 }).toContain('Enhanced support');
    expect(await headLevel.getByTestId('support-level-form').count()).toBe(0);
    await head.context().close();
  });
});

describe('C267 a governor opening a review draft', () => {
  it('C267, E23: is told it is a draft that governors read once confirmed, and reaches the school’s record by keyboard, in Welsh and English', async () => {
    const governor = await pageAs(browser, server, 'demo-governor', 'cy');
    await governor.goto(reviewPath);
    const message = governor.getByTestId('draft-only-message');
    await message.waitFor({ timeout: 20_000 });
    expect(await governor.getByTestId('review-priority').count()).toBe(0);
    expect(await governor.locator('h1').innerText()).toBe("Drafft yw'r adolygiad tymhorol hwn o hyd");
    await checkScreenBothLanguages(governor, 'review-draft-refused', () => message.waitFor());
    await setLanguage(governor, 'en');
    expect(await message.innerText()).toContain('once both sides have confirmed it');
    await tabTo(governor, '[data-testid="draft-record-link"]');
    await governor.keyboard.press('Enter');
    await governor.getByTestId('record-timeline').waitFor({ timeout: 20_000 });
    expect(new URL(governor.url()).pathname).toBe(`/records/${encodeURIComponent(`school:${primaryId()}`)}`);
    await governor.context().close();
  });
});

describe('C268 every cycle screen in one language at a time', () => {
  const screens = [
    { name: 'caseload', person: 'demo-facilitator', path: () => '/caseload', ready: '[data-testid="caseload-school"]' },
    { name: 'plan', person: 'demo-headteacher', path: planPath, ready: '[data-testid="plan-status"]' },
    { name: 'review', person: 'demo-facilitator', path: () => reviewPath, ready: '[data-testid="review-level-now"]' },
    { name: 'record', person: 'demo-la-officer', path: () => `/records/${encodeURIComponent(`school:${primaryId()}`)}`, ready: '[data-testid="compare-table"]' },
    { name: 'review-draft-refused', person: 'demo-governor', path: () => reviewPath, ready: '[data-testid="draft-only-message"]' },
  ];
  it.each(screens)('C268: $name shows no string of the other language, in Welsh and in English', async (screen) => {
    const page = await pageAs(browser, server, screen.person, 'cy');
    await page.goto(screen.path());
    await page.locator(screen.ready).first().waitFor({ timeout: 20_000 });
    for (const locale of ['cy', 'en'] as const) {
      if (locale === 'en') await setLanguage(page, 'en');
      await page.locator(screen.ready).first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(300);
      await expectNoLanguageLeak(page, screen.name, locale);
    }
    await page.context().close();
  });
});
