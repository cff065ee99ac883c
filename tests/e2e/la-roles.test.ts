/**
 * The LA's own roles in the browser (apps/web SPEC C288, OVERVIEW.md O40-O43): the LA officer
 * reaches the roles screen from the LA screen by keyboard, finds a practitioner of one of the
 * LA's schools by name and gives them the facilitator role; that person then has the LA screen.
 * The officer removes it again and the person loses it. In Welsh and English, axe clean, with
 * screenshots of the new screen in both languages.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, seriousViolations, setLanguage, signIn } from './support/browser';
import { expectNoLanguageLeak } from './support/languageLeaks';
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
  return page;
}

async function axeClean(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** The header's link to the LA screen, which only LA staff have. */
const laNavLink = (page: Page) => page.locator('header nav a[href="/la"]');

describe('C288 the LA officer gives and removes the LA’s roles', () => {
  it('C288: the officer gives Ffion the facilitator role, she has the LA screen; the officer removes it and she loses it', async () => {
    const practitioner = await pageFor('demo-practitioner', 'en');
    await practitioner.getByTestId('documents-card').waitFor();
    expect(await laNavLink(practitioner).count()).toBe(0);

    const officer = await pageFor('demo-la-officer', 'cy');
    await officer.goto('/la');
    // Keyboard only: from the LA screen to the roles screen.
    const link = officer.getByTestId('la-roles-link');
    await link.focus();
    await officer.keyboard.press('Enter');
    await officer.waitForURL('**/la/roles');
    await officer.getByRole('heading', { level: 1, name: 'Rolau yn yr awdurdod lleol' }).waitFor();
    const rows = officer.getByTestId('la-role');
    await expect.poll(() => rows.count()).toBe(2);
    const own = officer.locator('[data-testid="la-role"][data-person="demo-la-officer"]');
    // The only officer has no remove button, and the row says why.
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await own.innerText()).toContain('Mae’r swyddog olaf yn aros');

    // Find Ffion by name with the keyboard and give her the facilitator role.
    await officer.locator('#la-roles-query').focus();
    await officer.keyboard.type('Ffion');
    await officer.keyboard.press('Enter');
    await officer.getByTestId('la-roles-found').filter({ hasText: 'Pobl a ganfuwyd: 1' }).waitFor();
    const candidate = officer.locator('[data-testid="la-roles-candidate"][data-person="demo-practitioner"]');
    expect(await candidate.innerText()).toContain('Ymarferydd yn');
    expect(await candidate.locator('input').isChecked()).toBe(true);
    expect(await officer.locator('#la-roles-role option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['la-facilitator', 'la-officer']);
    await officer.locator('#la-roles-role').focus();
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Enter');
    await officer.getByRole('status').filter({ hasText: 'Mae gan Ffion Roberts y rôl Hwylusydd yr awdurdod lleol nawr.' }).waitFor();
    const given = officer.locator('[data-testid="la-role"][data-person="demo-practitioner"]');
    await given.waitFor();
    expect(await given.innerText()).toContain('Huw Jenkins');
    expect(await officer.getByTestId('la-roles-trail-entry').first().innerText()).toContain('Rhoddodd Huw Jenkins y rôl Hwylusydd yr awdurdod lleol i Ffion Roberts');
    await officer.screenshot({ path: join(screenshotsDir, 'la-roles-cy.png'), fullPage: true });
    await axeClean(officer);
    await expectNoLanguageLeak(officer, 'la-roles', 'cy');

    // Ffion now has the LA screen.
    await practitioner.reload();
    await laNavLink(practitioner).waitFor();
    await laNavLink(practitioner).click();
    await practitioner.getByTestId('area-group').first().waitFor({ timeout: 20_000 });
    // A facilitator, not an officer: no way to the roles screen.
    expect(await practitioner.getByTestId('la-roles-link').count()).toBe(0);

    await setLanguage(officer, 'en');
    await officer.getByRole('heading', { level: 1, name: 'Roles in the local authority' }).waitFor();
    await officer.screenshot({ path: join(screenshotsDir, 'la-roles-en.png'), fullPage: true });
    await axeClean(officer);
    await expectNoLanguageLeak(officer, 'la-roles', 'en');

    // Remove, by keyboard, after confirming.
    officer.once('dialog', (dialog) => void dialog.accept());
    const remove = officer.getByRole('button', { name: 'Remove the role Local authority facilitator from Ffion Roberts' });
    await remove.focus();
    await officer.keyboard.press('Enter');
    await officer.getByRole('status').filter({ hasText: 'Ffion Roberts no longer has the role Local authority facilitator.' }).waitFor();
    await expect.poll(() => given.count()).toBe(0);
    expect(await officer.getByTestId('la-roles-trail-entry').first().innerText()).toContain('Huw Jenkins removed the role Local authority facilitator from Ffion Roberts');

    // Ffion has lost the LA screen: no link, and the server refuses its picture.
    await practitioner.reload();
    await practitioner.getByTestId('documents-card').or(practitioner.getByRole('heading', { level: 1 })).first().waitFor();
    expect(await laNavLink(practitioner).count()).toBe(0);
    const laCode = server.dataset.cast.laCode;
    expect(await practitioner.evaluate(async (la) => (await fetch(`/api/la/${la}/overview`)).status, laCode)).toBe(403);
    await officer.context().close();
    await practitioner.context().close();
  });

  it('C288: a facilitator has no link to the roles screen and is refused it in their language', async () => {
    const facilitator = await pageFor('demo-facilitator', 'cy');
    await facilitator.goto('/la');
    await facilitator.getByTestId('area-group').first().waitFor({ timeout: 20_000 });
    expect(await facilitator.getByTestId('la-roles-link').count()).toBe(0);
    await facilitator.goto('/la/roles');
    await expect.poll(() => facilitator.locator('[role="alert"]').innerText()).toContain('Dim ond swyddogion yr awdurdod');
    expect(await facilitator.getByTestId('la-role').count()).toBe(0);
    await facilitator.context().close();
  });
});
