/**
 * The LA's local improvement picture in the browser (apps/web SPEC C190-C193, OVERVIEW.md O18):
 * the LA officer adds a theme and tags a priority with it, a facilitator (at the same time, in a
 * second browser) records a brokered match and sees the days against the priority in the
 * ledger, the coverage map and its filters work; in Welsh and in English, axe clean, with
 * screenshots of each new part.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, seriousViolations, signIn } from './support/browser';
import { screenshotsDir } from './support/paths';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;

serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
  mkdirSync(screenshotsDir, { recursive: true });
});

async function pageFor(personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  await page.goto('/la');
  await page.getByTestId('area-group').first().waitFor({ timeout: 20_000 });
  return page;
}

async function axeClean(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const shot = (page: Page, name: string, locale: string) => page.screenshot({ path: join(screenshotsDir, `${name}.${locale}.png`), fullPage: true });

describe.each(['cy', 'en'] as const)('the LA picture in %s', (locale) => {
  it(`C190, C191: the officer tags a theme, the facilitator records a match and the ledger shows the days (${locale})`, async () => {
    const officer = await pageFor('demo-la-officer', locale);
    const facilitator = await pageFor('demo-facilitator', locale);
    const words = locale === 'cy' ? { cy: 'Darllen er pleser', en: 'Reading for pleasure' } : { cy: 'Rhifedd bob dydd', en: 'Everyday numeracy' };
    const tagId = words.en.toLowerCase().replace(/ /g, '-');

    // The officer adds a theme with the keyboard.
    await officer.locator('#theme-cy').fill(words.cy);
    await officer.locator('#theme-en').fill(words.en);
    await officer.locator('#theme-en').press('Enter');
    const group = officer.locator(`[data-testid="theme-group"][data-tag="${tagId}"]`);
    await group.waitFor();
    // …and tags an agreed priority with it, from its area.
    const area = officer.locator('[data-testid="area-group"]').filter({ has: officer.getByTestId('tag-open') }).first();
    await area.locator('summary').click();
    const item = area.locator('[data-testid="group-priorities"] li').first();
    const owner = await item.getAttribute('data-owner');
    const itemId = await item.getAttribute('data-item');
    await item.getByTestId('tag-open').press('Enter');
    await item.locator(`input[value="${tagId}"]`).check();
    await item.getByTestId('tag-form').locator('button[type="submit"]').press('Enter');
    await group.locator('summary').click();
    await expect.poll(() => group.locator(`[data-testid="group-priorities"] li[data-owner="${owner}"][data-item="${itemId}"]`).count(), { timeout: 10_000 }).toBe(1);
    await axeClean(officer);
    await shot(officer, 'la-themes', locale);

    // The facilitator, meanwhile, brokers a match that is not yet recorded.
    const matchArea = facilitator.locator('[data-testid="area-group"]').filter({ has: facilitator.locator('[data-testid="match-row"] [data-testid="broker-open"]') }).first();
    await matchArea.locator('summary').click();
    const row = matchArea.locator('[data-testid="match-row"]').filter({ hasNot: facilitator.locator('.la-badge') }).first();
    const need = await row.getAttribute('data-need');
    await row.getByTestId('broker-open').press('Enter');
    const form = row.getByTestId('broker-form');
    await form.locator('select[name="priorityId"] option').first().waitFor({ state: 'attached' });
    const priorityId = await form.locator('select[name="priorityId"]').inputValue();
    await form.locator('input[name="daysPlanned"]').fill('2.5');
    await axeClean(facilitator);
    await shot(facilitator, 'la-broker', locale);
    await form.getByTestId('broker-submit').press('Enter');
    const ledgerRow = facilitator.locator(`[data-testid="ledger-row"][data-school="${need}"]`);
    const line = ledgerRow.locator(`[data-testid="ledger-line"][data-origin="brokered"][data-priority="${priorityId}"]`).last();
    // The ledger fetches again once the support is recorded; open the row when the line is there.
    await line.waitFor({ state: 'attached', timeout: 10_000 });
    await ledgerRow.locator('summary').click();
    await line.waitFor({ timeout: 10_000 });
    expect(await line.innerText()).toContain(locale === 'cy' ? '2.5 wedi’u cynllunio' : '2.5 planned');
    await facilitator.getByTestId('la-ledger').scrollIntoViewIfNeeded();
    await axeClean(facilitator);
    await shot(facilitator, 'la-ledger', locale);
    // The continuum is not on a facilitator's screen (C193).
    expect(await facilitator.getByTestId('la-continuum').count()).toBe(0);
    await officer.context().close();
    await facilitator.context().close();
  });

  it(`C192, O18: the coverage map is drawn from coordinates, by coverage only, and its filters change map and table (${locale})`, async () => {
    const page = await pageFor('demo-la-officer', locale);
    const map = page.getByTestId('coverage-map');
    await map.waitFor();
    const marks = () => map.locator('.la-mark').count();
    const rows = () => page.locator('[data-testid="coverage-table"] tbody tr').count();
    const all = await rows();
    expect(all).toBeGreaterThan(50);
    expect(await marks()).toBeGreaterThan(all * 0.9);
    const states = await map.locator('.la-mark').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-state')))].sort());
    expect(states.every((s) => ['both', 'horizontal-only', 'neither', 'vertical-only'].includes(s ?? ''))).toBe(true);
    // No outside map tiles: the map is the app's own SVG, no image, no other origin.
    expect(await map.locator('image, foreignObject').count()).toBe(0);
    await page.locator('#filter-language').selectOption('welsh-medium');
    await expect.poll(rows).toBeLessThan(all);
    expect(await marks()).toBeLessThanOrEqual(await rows());
    await page.locator('#filter-language').selectOption('');
    await page.locator('#filter-gaps').check();
    await expect.poll(rows).toBe(server.dataset.intendedCoverageGaps.length);
    expect(await map.locator('.la-mark[data-state="both"]').count()).toBe(0);
    await page.locator('#filter-gaps').uncheck();
    const cluster = await page.locator('#filter-cluster option').nth(1).getAttribute('value');
    await page.locator('#filter-cluster').selectOption(cluster ?? '');
    await expect.poll(rows).toBeLessThan(all);
    await page.getByTestId('coverage').scrollIntoViewIfNeeded();
    await axeClean(page);
    await shot(page, 'la-coverage', locale);
    await page.context().close();
  });

  it(`C193: an officer places a school on the continuum and sees it with its history (${locale})`, async () => {
    const page = await pageFor('demo-la-officer', locale);
    const panel = page.getByTestId('la-continuum');
    await panel.waitFor();
    const school = await page.locator('#continuum-school option').nth(2).getAttribute('value');
    await page.locator('#continuum-school').selectOption(school ?? '');
    await page.locator('#continuum-area').selectOption('learning-culture');
    await page.locator('#continuum-placement').selectOption('improving');
    await page.locator('#continuum-note').fill(locale === 'cy' ? 'Arweinwyr newydd' : 'New leaders');
    await page.locator('#continuum-note').press('Enter');
    const row = panel.locator(`[data-testid="continuum-row"][data-school="${school}"]`);
    await expect.poll(() => row.locator('details').count(), { timeout: 10_000 }).toBe(1);
    await row.locator('summary').click();
    expect(await row.innerText()).toContain(locale === 'cy' ? 'Arweinwyr newydd' : 'New leaders');
    await axeClean(page);
    await shot(page, 'la-continuum', locale);
    await page.context().close();
  });
});
