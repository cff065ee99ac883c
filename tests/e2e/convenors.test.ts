/**
 * Naming a collaborative's convenors in the browser (apps/web SPEC C306-C310, server
 * COLLABORATIVES.md G43-G45, ACCESS.md A153): the cluster's convenor (Welsh) finds Rhian Evans, the
 * headteacher of a member school, by keyboard and names her a joint convenor; Rhian, whose home
 * page is open in a browser of her own (English), sees the notification and the header's unread
 * count arrive without a reload, follows the header's link to the card by keyboard, reads the
 * notification in both languages and marks it read, and the count goes down. The convenor (now
 * in English) names Owain Jones and removes Rhian; when Owain steps down while the convenor's page
 * is not listening, the convenor's removal of himself is refused as the last convenor's, and the
 * page says so. Axe clean, screenshots of the convenors card in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, setLanguage, signIn } from './support/browser';
import { checkScreenBothLanguages } from './support/cycle';
import { demoIds } from './support/demo';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

async function as(personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  return page;
}

const convenorsCard = (page: Page) => page.getByTestId('convenors-card');
const row = (page: Page, personId: string) => convenorsCard(page).locator(`[data-testid="convenor"][data-person="${personId}"]`);
const unread = (page: Page) => page.getByTestId('unread-notifications');
const status = (page: Page, text: string) => convenorsCard(page).locator('[role="status"]').filter({ hasText: text }).waitFor();

/** Finds a member school's leader by name in the convenors card and names them, by keyboard only. */
async function nameByKeyboard(page: Page, query: string, action: string, person: string): Promise<void> {
  await page.locator('#name-convenor-q').focus();
  // Whatever an earlier search left in the box is replaced.
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  // The person's name is in a visually hidden part of the button's name (": Rhian Evans").
  const button = convenorsCard(page).getByRole('button', { name: new RegExp(`^${action} ?: ${person}$`) });
  await button.waitFor();
  // From the search box: past the search button to the first person found.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
}

describe('C306 naming and removing convenors', () => {
  it('C306, C307, C309, C310: the convenor names a joint convenor, who is told at once on the open home page; the header count goes down when it is read; another named, one removed, the last kept', async () => {
    const { clusterId } = demoIds(server.dataset);
    const cluster = server.dataset.collaboratives.find((c) => c.id === clusterId);
    if (!cluster) throw new Error('no demo cluster');

    // Rhian's home is open before anything happens, with nothing unread (she owns no action that
    // the reminder sweep could tell her of meanwhile).
    const rhian = await as('demo-headteacher-secondary', 'en');
    await rhian.goto('/');
    await rhian.getByTestId('documents-card').waitFor();
    await expect.poll(() => unread(rhian).innerText()).toBe('No unread notifications');
    expect(await rhian.getByTestId('notifications-card').count()).toBe(0);

    const dafydd = await as('demo-convenor', 'cy');
    await dafydd.goto(`/collaboratives/${encodeURIComponent(clusterId)}`);
    await convenorsCard(dafydd).waitFor();
    await expect.poll(() => convenorsCard(dafydd).getByTestId('convenor').count()).toBe(1);
    // The only convenor has no remove button; the row says why.
    expect(await row(dafydd, 'demo-convenor').getByRole('button').count()).toBe(0);
    expect(await row(dafydd, 'demo-convenor').innerText()).toContain('Y cynullydd olaf: mae gan bob cydweithrediad un bob amser.');

    // C306: in Welsh, by keyboard, Rhian Evans is named a joint convenor.
    await nameByKeyboard(dafydd, 'Rhian', 'Enwi’n gynullydd', 'Rhian Evans');
    await status(dafydd, 'Mae Rhian Evans yn gynullydd nawr. Anfonwyd hysbysiad.');
    await row(dafydd, 'demo-headteacher-secondary').waitFor();
    expect(await row(dafydd, 'demo-headteacher-secondary').innerText()).toContain('Pennaeth, ');
    expect(await row(dafydd, 'demo-headteacher-secondary').innerText()).toContain('Dafydd Williams');
    expect(await convenorsCard(dafydd).getByTestId('convenors-trail-entry').first().innerText()).toContain('Enwodd Dafydd Williams Rhian Evans yn gynullydd');
    await checkScreenBothLanguages(dafydd, 'collaborative-convenors', () => row(dafydd, 'demo-headteacher-secondary').waitFor());

    // C310: Rhian's open home shows the notification and the header's count, with no reload.
    const named = rhian.getByTestId('notifications-card').locator('li.notification--unread[data-kind="convenor-named"]');
    await named.waitFor({ timeout: 10_000 });
    expect(await named.innerText()).toContain(`Dafydd Williams named you a convenor of ${cluster.name.en}.`);
    // C309: it leads to the collaborative's page.
    expect(await named.getByRole('link').getAttribute('href')).toBe(`/collaboratives/${encodeURIComponent(clusterId)}`);
    await expect.poll(() => unread(rhian).innerText()).toBe('1 unread notification');
    expect(await rhian.getByRole('link', { name: '1 unread notification' }).count()).toBe(1);

    // C307, C309 in Welsh: the header's link leads the keyboard to the card, which words it in Welsh.
    await setLanguage(rhian, 'cy');
    await expect.poll(() => unread(rhian).innerText()).toBe('1 hysbysiad heb ei ddarllen');
    await rhian.goto('/search');
    await rhian.getByRole('link', { name: '1 hysbysiad heb ei ddarllen' }).focus();
    await rhian.keyboard.press('Enter');
    await rhian.waitForURL((url) => url.pathname === '/' && url.hash === '#notifications');
    await expect.poll(() => rhian.evaluate(() => document.activeElement?.id)).toBe('notifications-heading');
    expect(await named.innerText()).toContain(`Mae Dafydd Williams wedi eich enwi’n gynullydd ${cluster.name.cy}.`);
    await checkScreenBothLanguages(rhian, 'home-notification-convenor-named', () => named.waitFor());
    // Marked read by keyboard: the count in the header goes down.
    await named.getByTestId('notification-read').focus();
    await rhian.keyboard.press('Enter');
    await expect.poll(() => unread(rhian).innerText()).toBe('Dim hysbysiadau heb eu darllen');
    expect(await unread(rhian).getAttribute('data-count')).toBe('0');

    // In English: Owain Jones named too, then Rhian removed after confirming.
    await setLanguage(dafydd, 'en');
    await nameByKeyboard(dafydd, 'Owain', 'Name as convenor', 'Owain Jones');
    await status(dafydd, 'Owain Jones is now a convenor. A notification has been sent.');
    await row(dafydd, 'demo-senior-leader').waitFor();
    dafydd.once('dialog', (dialog) => void dialog.accept());
    const removeRhian = convenorsCard(dafydd).getByRole('button', { name: 'Remove Rhian Evans from the convenors' });
    await removeRhian.focus();
    await dafydd.keyboard.press('Enter');
    await status(dafydd, 'Rhian Evans is no longer a convenor.');
    await expect.poll(() => row(dafydd, 'demo-headteacher-secondary').count()).toBe(0);
    expect(await convenorsCard(dafydd).getByTestId('convenors-trail-entry').first().innerText()).toContain('Dafydd Williams removed Rhian Evans from the convenors');

    // The last convenor's removal, refused by the server and shown: the convenor's page stops
    // hearing nudges, Owain steps down meanwhile, and Dafydd then removes himself.
    await dafydd.context().route('**/api/events', (route) => void route.abort());
    await dafydd.reload();
    await row(dafydd, 'demo-senior-leader').waitFor();
    // C306: the Members card labels the joint convenor a convenor too, in both languages.
    const membersConvenors = () => dafydd.getByTestId('members-card').getByTestId('members-convenor').allInnerTexts();
    await expect.poll(membersConvenors).toEqual(['Dafydd Williams – Convenor', 'Owain Jones – Convenor']);
    await setLanguage(dafydd, 'cy');
    await expect.poll(membersConvenors).toEqual(['Dafydd Williams – Cynullydd', 'Owain Jones – Cynullydd']);
    await setLanguage(dafydd, 'en');
    const owain = await as('demo-senior-leader', 'en');
    const steppedDown = await owain.evaluate(async (id) => (await fetch(`/api/collaboratives/${encodeURIComponent(id)}/convenors/demo-senior-leader`, { method: 'DELETE' })).status, clusterId);
    expect(steppedDown).toBe(204);
    dafydd.once('dialog', (dialog) => void dialog.accept());
    const removeSelf = convenorsCard(dafydd).getByRole('button', { name: 'Remove Dafydd Williams from the convenors' });
    await removeSelf.focus();
    await dafydd.keyboard.press('Enter');
    const alert = convenorsCard(dafydd).locator('[role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('A collaborative keeps at least one convenor. Name another convenor before removing this one.');
    await expect.poll(() => convenorsCard(dafydd).getByTestId('convenor').count()).toBe(1);
    expect(await row(dafydd, 'demo-convenor').innerText()).toContain('The last convenor: a collaborative always keeps one.');

    await owain.context().close();
    await dafydd.context().close();
    await rhian.context().close();
  });
});
