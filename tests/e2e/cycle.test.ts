/**
 * The whole improvement cycle in the browser, one school's year, in order (C150-C160): the
 * secondary's headteacher starts this year's plan and writes it with a senior leader at the same
 * time, actions are flagged to their owner, the school's own sections are renamed, moved, added
 * and removed, an inspection report flags the revision; the governor approves, the headteacher
 * publishes, and anyone signed out reads the summary at its public address in Welsh and English
 * and as a PDF whose text is extractable. Then the facilitator drafts the autumn review from the
 * caseload, both sides confirm it, the LA officer reads it in the school's record (never the
 * draft), the spring review follows, and the comparison shows what changed between them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { newContext } from './support/browser';
import { checkScreenBothLanguages, isoDay, pageAs } from './support/cycle';
import type { E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

let planPath = '';
const schoolId = () => server.dataset.cast.secondaryId;
const title = 'Darllen ar draws y cwricwlwm';

async function typeAt(field: Locator, offset: number, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((el, at) => (el as HTMLInputElement).setSelectionRange(at, at), offset);
  await field.pressSequentially(text, { delay: 10 });
}

async function openPlan(person: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await pageAs(browser, server, person, locale);
  await page.goto(planPath);
  await page.getByTestId('plan').waitFor({ timeout: 20_000 });
  return page;
}

describe('C150-C154 the development plan', () => {
  it('C150, C154: the headteacher starts this year’s plan and writes a priority with a senior leader at the same time, same and different places', async () => {
    const head = await pageAs(browser, server, 'demo-headteacher-secondary', 'en');
    await head.getByTestId('create-card').waitFor();
    await head.locator('#create-kind').selectOption('development-plan');
    await head.locator('#create-title').fill('School development plan 2026-29');
    await head.locator('#create-card button[type=submit], [data-testid="create-card"] button[type=submit]').first().click();
    await head.waitForURL(/\/documents\/development-plan/);
    planPath = new URL(head.url()).pathname;
    await head.getByTestId('plan').waitFor();
    // The starting template: every section, in order, and all of them optional.
    expect(await head.locator('[data-testid^="plan-section-"]').count()).toBe(8);

    await head.locator('#new-priority-title').fill(title);
    await head.locator('#new-priority-area').selectOption('curriculum');
    await head.getByTestId('add-priority').getByRole('button').click();
    const leader = await openPlan('demo-senior-leader-secondary', 'cy');
    const priorityOf = (page: Page) => page.getByTestId('plan-priority').first();
    await expect.poll(() => priorityOf(leader).getByTestId('priority-title').inputValue(), { timeout: 15_000 }).toBe(title);

    // Same place: both type at the end of the title at once; both runs arrive whole.
    const titles = [priorityOf(head).getByTestId('priority-title'), priorityOf(leader).getByTestId('priority-title')];
    await Promise.all([typeAt(titles[0]!, title.length, ' <pennaeth>'), typeAt(titles[1]!, title.length, ' <uwch-arweinydd>')]);
    await expect.poll(async () => {
      const [a, b] = await Promise.all(titles.map((f) => f.inputValue()));
      return a === b && a!.includes(' <pennaeth>') && a!.includes(' <uwch-arweinydd>') && a!.startsWith(title);
    }, { timeout: 15_000 }).toBe(true);

    // Different places: the outcomes and the monitoring, typed at once.
    await Promise.all([
      typeAt(priorityOf(head).getByTestId('priority-outcomes'), 0, 'Mae dysgwyr yn darllen yn hyderus ym mhob pwnc.'),
      typeAt(priorityOf(leader).getByTestId('priority-monitoring'), 0, 'Teithiau dysgu bob hanner tymor.'),
    ]);
    for (const page of [head, leader]) {
      await expect.poll(() => priorityOf(page).getByTestId('priority-outcomes').inputValue(), { timeout: 15_000 }).toBe('Mae dysgwyr yn darllen yn hyderus ym mhob pwnc.');
      await expect.poll(() => priorityOf(page).getByTestId('priority-monitoring').inputValue(), { timeout: 15_000 }).toBe('Teithiau dysgu bob hanner tymor.');
    }

    // A success criterion with its status, a milestone and support by source with days.
    const p = priorityOf(head);
    await p.getByTestId('plan-criteria').locator('input[name="text"]').fill('Pob adran yn cynllunio darllen estynedig');
    await p.getByTestId('plan-criteria').getByRole('button', { name: 'Add a success criterion' }).click();
    await p.getByTestId('criterion-status').selectOption('in-progress');
    await expect.poll(() => priorityOf(leader).getByTestId('criterion-status').inputValue(), { timeout: 15_000 }).toBe('in-progress');
    await p.getByTestId('plan-milestones').locator('input[name="description"]').fill('Cynllun darllen ym mhob adran');
    await p.getByTestId('plan-milestones').locator('input[name="due"]').fill(isoDay(60));
    await p.getByTestId('plan-milestones').getByRole('button', { name: 'Add a milestone' }).click();
    await p.getByTestId('plan-support').locator('select[name="source"]').selectOption('collaborative');
    await p.getByTestId('plan-support').locator('input[name="provider"]').fill('Clwstwr y Fro');
    await p.getByTestId('plan-support').locator('input[name="description"]').fill('Rhannu arfer darllen');
    await p.getByTestId('plan-support').locator('input[name="days"]').fill('3');
    await p.getByTestId('plan-support').getByRole('button', { name: 'Add support' }).click();
    await expect.poll(() => priorityOf(leader).getByTestId('plan-support').locator('.plan-list__item').count(), { timeout: 15_000 }).toBe(1);
    await head.context().close();
    await leader.context().close();
  });

  it('C151: actions due within two weeks and overdue are flagged in words, and listed for their owner', async () => {
    const head = await openPlan('demo-headteacher-secondary', 'en');
    const add = head.getByTestId('plan-priority').first().getByTestId('add-action');
    await add.locator('input[name="description"]').fill('Hyfforddi arweinwyr darllen');
    await add.locator('input[name="me"]').check();
    await add.locator('input[name="due"]').fill(isoDay(5));
    await add.getByRole('button').click();
    await add.locator('input[name="description"]').fill('Archwilio llyfrau darllen');
    await add.locator('input[name="owner"]').fill('Pennaeth yr adran Saesneg');
    await add.locator('input[name="due"]').fill(isoDay(-3));
    await add.getByRole('button').click();
    await expect.poll(() => head.getByTestId('action-flag').allInnerTexts(), { timeout: 10_000 }).toEqual(['Due within two weeks', 'Overdue']);
    // Only the reader's own action reaches "your actions": the other belongs to a role.
    await expect.poll(() => head.getByTestId('my-action').allInnerTexts()).toHaveLength(1);
    expect(await head.getByTestId('my-action').innerText()).toContain('Hyfforddi arweinwyr darllen');
    await head.context().close();
  });

  it('C150, C153: sections are the school’s: renamed, moved, added and removed; an inspection report flags the revision due 20 school days later', async () => {
    const head = await openPlan('demo-headteacher-secondary', 'en');
    const section = head.getByTestId('plan-section-professional-learning');
    await section.getByTestId('section-heading').fill('Dysgu proffesiynol a hyfforddi');
    await expect.poll(() => section.locator('h2').innerText()).toBe('Dysgu proffesiynol a hyfforddi');
    const order = () => head.locator('[data-testid^="plan-section-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    const before = await order();
    await section.getByTestId('section-up').click();
    await expect.poll(order).toEqual([before[1], before[0], ...before.slice(2)]);
    await head.getByTestId('plan-section-staffing-resources').getByTestId('section-remove').click();
    // Removing asks first (C216).
    await head.getByTestId('confirm-remove-yes').click();
    await expect.poll(() => head.getByTestId('plan-section-staffing-resources').count()).toBe(0);
    await head.locator('#new-section-heading').fill('Y Gymraeg ar draws yr ysgol');
    await head.locator('#new-section-kind').selectOption('text');
    await head.getByTestId('add-section').getByRole('button').click();
    await expect.poll(() => head.locator('[data-section-kind] h2').allInnerTexts()).toContain('Y Gymraeg ar draws yr ysgol');

    // A report on Monday 2 November 2026: 20 school days later is Monday 30 November (no holidays set).
    await head.getByTestId('inspection-date').fill('2026-11-02');
    await head.getByTestId('inspection-date').blur();
    await expect.poll(() => head.getByTestId('revision-flag').innerText()).toContain('30 November 2026');
    // A half-term week the school sets moves it on by five school days.
    await head.locator('#plan-holiday-label').fill('Hanner tymor');
    await head.locator('#plan-holiday-from').fill('2026-11-09');
    await head.locator('#plan-holiday-to').fill('2026-11-13');
    await head.getByTestId('plan-calendar').getByRole('button', { name: 'Add a holiday' }).click();
    await expect.poll(() => head.getByTestId('revision-flag').innerText()).toContain('7 December 2026');
    await checkScreenBothLanguages(head, 'plan', () => head.getByTestId('plan-status').waitFor());
    await head.context().close();
  });

  it('C152: the governor reads the plan and records the governing body’s approval; the headteacher publishes; the summary is public in Welsh and English and as a PDF', async () => {
    const governor = await openPlan('demo-governor-secondary', 'cy');
    expect(await governor.getByTestId('priority-title').first().getAttribute('aria-readonly')).toBe('true');
    expect(await governor.getByTestId('publish').count()).toBe(0);
    await governor.locator('#plan-meeting-date').fill(isoDay(0));
    await governor.getByTestId('approve').click();
    await governor.getByTestId('plan-approved').waitFor({ timeout: 10_000 });
    expect(await governor.getByTestId('plan-approved').innerText()).toContain('David Price');
    await checkScreenBothLanguages(governor, 'plan-governor', () => governor.getByTestId('plan-approved').waitFor());
    await governor.context().close();

    const head = await openPlan('demo-headteacher-secondary', 'cy');
    expect(await head.getByTestId('approve').count()).toBe(0);
    await head.getByTestId('publish').click();
    await head.getByTestId('plan-published').waitFor({ timeout: 10_000 });
    const address = await head.getByTestId('public-summary-link').getAttribute('href');
    expect(address).toBe(`/summary/${schoolId()}?lang=cy`);
    await head.context().close();

    const visitor = await (await newContext(browser, server.url)).newPage();
    for (const lang of ['cy', 'en'] as const) {
      const response = await visitor.goto(`/summary/${schoolId()}?lang=${lang}`);
      expect(response?.status()).toBe(200);
      expect(await visitor.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await visitor.locator('main').innerText()).toContain(title);
      expect(await visitor.locator('script').count()).toBe(0);
    }
    const pdf = await visitor.request.get(`/summary/${schoolId()}/summary.pdf?lang=cy`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'cyd-pdf-')), 'summary.pdf');
    writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain(title);
    expect(text).toContain('Rhannu arfer darllen');
    await visitor.context().close();
  });
});

let autumnPath = '';

async function fillReview(page: Page, track: 'on-track' | 'off-track', judgement: string, summary: string): Promise<void> {
  const priorities = page.getByTestId('review-priority');
  await priorities.first().waitFor();
  for (let i = 0; i < (await priorities.count()); i++) {
    const p = priorities.nth(i);
    await p.locator(`input[type=radio][value="${track}"]`).check();
    await p.locator(`input[type=radio][value="${judgement}"]`).check();
  }
  await page.getByTestId('overall-track').locator(`input[value="${track}"]`).check();
  await page.getByTestId('overall-summary').fill(summary);
  await page.locator('[data-sync-state="saved"]').waitFor({ timeout: 15_000 });
}

async function confirmReview(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('review-gaps').count(), { timeout: 15_000 }).toBe(0);
  await page.getByTestId('confirm-review').click();
}

describe('C155-C160 the termly review, confirmed by both sides, read by the LA, compared term by term', () => {
  it('C155, C156: the facilitator’s caseload says what is due; the facilitator drafts the autumn review with each step’s descriptor shown', async () => {
    const facilitator = await pageAs(browser, server, 'demo-facilitator', 'cy');
    await facilitator.getByTestId('nav-caseload').click();
    const school = facilitator.locator(`[data-testid="caseload-school"][data-school-id="${schoolId()}"]`);
    await school.waitFor({ timeout: 20_000 });
    // Listed by school number: a to-do list, not a ranking.
    const ids = await facilitator.getByTestId('caseload-school').evaluateAll((els) => els.map((e) => e.getAttribute('data-school-id') ?? ''));
    expect(ids).toEqual([...ids].sort());
    expect(await school.getByTestId('support-level').innerText()).toBe('Cymorth craidd');
    const autumn = school.locator('[data-testid="review-period"][data-term="2026-autumn"]');
    expect(await autumn.getAttribute('data-state')).toBe('due');
    await checkScreenBothLanguages(facilitator, 'caseload', () => school.waitFor());
    await autumn.getByTestId('start-review').click();
    await facilitator.waitForURL(/\/documents\/progress-review/);
    autumnPath = new URL(facilitator.url()).pathname;
    await facilitator.getByTestId('review').waitFor();
    // The priorities come from the approved plan; each judgement's descriptor is shown.
    expect(await facilitator.getByTestId('review-priority').first().locator('h3').innerText()).toContain(title);
    expect(await facilitator.getByTestId('review-judgement').first().locator('.hint').count()).toBe(4);
    await fillReview(facilitator, 'on-track', 'strong', 'Dechrau cadarn: mae pob adran wedi cynllunio darllen estynedig.');
    await facilitator.getByTestId('review-risks').first().fill('Amser staff i gynllunio');
    await facilitator.getByTestId('review-notes').first().fill('Nodyn gwaith: trafod gyda’r pennaeth cyn y cyfarfod nesaf.');
    const add = facilitator.getByTestId('add-support-change').first();
    await add.locator('input[name="description"]').fill('Diwrnod o gymorth gan yr awdurdod');
    await add.locator('input[name="days"]').fill('1');
    await add.getByRole('button').click();
    await facilitator.locator('[data-sync-state="saved"]').waitFor({ timeout: 15_000 });
    await checkScreenBothLanguages(facilitator, 'review', () => facilitator.getByTestId('review-confirmations').waitFor());
    await confirmReview(facilitator);
    await expect.poll(() => facilitator.getByTestId('confirmation-facilitator').innerText(), { timeout: 10_000 }).toContain('Catrin Lewis');
    await facilitator.context().close();
  });

  it('C157: governors and LA officers never open the draft; the headteacher confirms and the review is agreed into the record', async () => {
    const officer = await pageAs(browser, server, 'demo-la-officer', 'en');
    const docId = decodeURIComponent(autumnPath.split('/').pop() ?? '');
    const listed = await officer.evaluate(async () => (await (await fetch('/api/documents')).text()));
    expect(listed).not.toContain(docId);
    const denied = await officer.evaluate(async (id) => (await fetch(`/api/reviews/${encodeURIComponent(id)}/confirmations`)).status, docId);
    expect([403, 404]).toContain(denied);
    await officer.goto(autumnPath);
    await officer.waitForTimeout(3000);
    expect(await officer.getByTestId('review-priority').count()).toBe(0);
    await officer.context().close();

    const head = await pageAs(browser, server, 'demo-headteacher-secondary', 'en');
    await head.goto(autumnPath);
    await head.getByTestId('review').waitFor({ timeout: 20_000 });
    await expect.poll(() => head.getByTestId('confirmation-facilitator').innerText(), { timeout: 10_000 }).toContain('Confirmed by Catrin Lewis');
    await confirmReview(head);
    await head.getByTestId('review-agreed').waitFor({ timeout: 10_000 });
    await head.context().close();
  });

  it('C158, C159: the LA officer reads the confirmed review in the school’s record, as it stood, with its chart', async () => {
    const officer = await pageAs(browser, server, 'demo-la-officer', 'en');
    await officer.goto('/la');
    await officer.locator('#record-school').selectOption(schoolId());
    await officer.getByTestId('record-chooser').getByRole('button').click();
    await officer.getByTestId('record-timeline').waitFor({ timeout: 20_000 });
    const autumn = officer.locator('[data-testid="record-version"][data-subject="review:2026-autumn"]');
    expect(await autumn.innerText()).toContain('Recorded by Rhian Evans');
    await autumn.getByTestId('view-version').click();
    const stood = officer.getByTestId('as-it-stood');
    await expect.poll(() => stood.innerText(), { timeout: 10_000 }).toContain('Strong');
    // The working notes stayed in the draft.
    expect(await stood.innerText()).not.toContain('Nodyn gwaith');
    expect(await stood.innerText()).toContain('Diwrnod o gymorth gan yr awdurdod');
    await expect.poll(() => officer.getByTestId('chart-table').filter({ hasText: 'Autumn term 2026' }).count(), { timeout: 10_000 }).toBe(1);
    await officer.context().close();
  });

  it('C156, C160: the spring review follows; the side-by-side comparison shows what changed since the autumn', async () => {
    const facilitator = await pageAs(browser, server, 'demo-facilitator', 'en');
    await facilitator.goto('/caseload');
    const school = facilitator.locator(`[data-testid="caseload-school"][data-school-id="${schoolId()}"]`);
    await school.waitFor({ timeout: 20_000 });
    expect(await school.locator('[data-testid="review-period"][data-term="2026-autumn"]').getAttribute('data-state')).toBe('confirmed');
    await school.locator('[data-testid="review-period"][data-term="2027-spring"]').getByTestId('start-review').click();
    await facilitator.waitForURL(/\/documents\/progress-review/);
    const springPath = new URL(facilitator.url()).pathname;
    expect(springPath).not.toBe(autumnPath);
    await fillReview(facilitator, 'off-track', 'limited', 'Mae’r gwaith wedi arafu: staff newydd yn yr adran Saesneg.');
    await confirmReview(facilitator);
    await expect.poll(() => facilitator.getByTestId('confirmation-facilitator').innerText(), { timeout: 10_000 }).toContain('Catrin Lewis');

    // A senior leader confirms for the school while the facilitator still has the review open.
    const head = await pageAs(browser, server, 'demo-senior-leader-secondary', 'cy');
    await head.goto(springPath);
    await head.getByTestId('review').waitFor({ timeout: 20_000 });
    await confirmReview(head);
    await head.getByTestId('review-agreed').waitFor({ timeout: 10_000 });
    await head.context().close();

    await facilitator.goto(`/records/${encodeURIComponent(`school:${schoolId()}`)}`);
    const table = facilitator.getByTestId('compare-table');
    await table.waitFor({ timeout: 20_000 });
    const changed = await table.locator('[data-change="changed"]').allInnerTexts();
    expect(changed.some((row) => row.includes('On track') && row.includes('Off track'))).toBe(true);
    expect(changed.some((row) => row.includes('Strong') && row.includes('Limited'))).toBe(true);
    await checkScreenBothLanguages(facilitator, 'record', () => table.waitFor());
    await facilitator.context().close();
  });

  it('C158: the headteacher restores the approved plan as a new draft and downloads the record as an .automerge file', async () => {
    const head = await pageAs(browser, server, 'demo-headteacher-secondary', 'en');
    await head.goto(`/records/${encodeURIComponent(`school:${schoolId()}`)}`);
    await head.getByTestId('record-timeline').waitFor({ timeout: 20_000 });
    await head.locator('[data-testid="record-version"][data-subject="plan:2026"]').getByTestId('view-version').click();
    await head.getByTestId('restore').click();
    await head.getByTestId('restored').waitFor({ timeout: 10_000 });
    const href = await head.getByTestId('record-export').getAttribute('href');
    const file = await head.request.get(href ?? '');
    expect(file.headers()['content-type']).toBe('application/octet-stream');
    // Automerge's magic bytes open every saved document.
    expect([...(await file.body()).subarray(0, 4)]).toEqual([0x85, 0x6f, 0x4a, 0x83]);
    await head.context().close();
  });
});
