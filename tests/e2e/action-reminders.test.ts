/**
 * Reminders of actions falling due, on home (web C303-C305, server A149-A151): the primary's
 * headteacher (Welsh) gives herself two actions in this year's plan, one due in five days and one
 * two days overdue; after the server's sweep her home says so for each, in Welsh and in English,
 * axe clean and screenshotted in both. She follows the reminder to the plan by keyboard, marks the
 * action done there, and home then says it has been done since. The demo's own action owned by the
 * senior leader is on his home page too (the demo path, P135).
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { setLanguage } from './support/browser';
import { checkScreenBothLanguages, isoDay, pageAs } from './support/cycle';
import type { E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

const months = {
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
/** An ISO day as the card writes it ("8 Rhagfyr 2026" / "8 December 2026"). */
const written = (iso: string, locale: 'cy' | 'en') => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[locale][(m ?? 1) - 1]} ${y}`;
};

/** What the server's own sweep does every quarter of an hour, run now: commit, derive, remind. */
async function sweepNow(): Promise<void> {
  await server.running.sync.flush();
  await server.running.deriver.catchUp();
  await server.running.actionReminders.sweep();
}

/** The demo primary's plan for this year: the headteacher's to write. */
function thisYearsPlan(): { plan: string; title: string } {
  const found = server.dataset.documents.find((d) => d.record.kind === 'development-plan' && d.plan?.academicYear === 2026 && d.record.owner.type === 'school' && d.record.owner.schoolId === server.dataset.cast.primaryId);
  if (!found) throw new Error('the demo has no plan for 2026 at the primary');
  return { plan: found.record.id, title: found.record.title };
}

const reminder = (page: Page, kind: string, text: string) => page.getByTestId('notifications-card').locator(`li.notification[data-kind="${kind}"]`, { hasText: text });

describe('C303-C305 reminders of actions on home', () => {
  const soon = 'Trefnu teithiau dysgu ar y cyd';
  const late = 'Rhannu’r adroddiad gyda’r llywodraethwyr';

  it('C303, C305: the owner finds both reminders on home in Welsh and English and follows one to the plan by keyboard', async () => {
    const { plan, title } = thisYearsPlan();
    const head = await pageAs(browser, server, 'demo-headteacher', 'cy');
    await head.goto(`/documents/${encodeURIComponent(plan)}`);
    await head.getByTestId('plan').waitFor({ timeout: 20_000 });
    const add = head.getByTestId('plan-priority').first().getByTestId('add-action');
    for (const [description, days] of [[soon, 5], [late, -2]] as const) {
      await add.locator('input[name="description"]').fill(description);
      const me = add.locator('input[name="me"]');
      if (!(await me.isChecked())) {
        await me.focus();
        await head.keyboard.press('Space');
      }
      await add.locator('input[name="due"]').fill(isoDay(days));
      await add.locator('input[name="description"]').press('Enter');
      await expect.poll(() => head.getByTestId('action-description').evaluateAll((els) => els.map((e) => ('value' in e ? String(e.value) : e.textContent ?? ''))), { timeout: 10_000 }).toContain(description);
    }
    await head.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
    await sweepNow();

    await head.goto('/');
    const dueSoon = reminder(head, 'action-due-soon', soon);
    const overdue = reminder(head, 'action-overdue', late);
    await dueSoon.waitFor({ timeout: 20_000 });
    expect(await dueSoon.innerText()).toContain(`Mae eich cam gweithredu “${soon}” yn ddyledus ar ${written(isoDay(5), 'cy')}, yn y ddogfen “${title}”.`);
    expect(await overdue.innerText()).toContain(`Roedd eich cam gweithredu “${late}” yn ddyledus ar ${written(isoDay(-2), 'cy')}`);
    expect(await overdue.innerText()).toContain('ac mae’n hwyr bellach');
    expect(await dueSoon.getAttribute('class')).toContain('notification--unread');
    await checkScreenBothLanguages(head, 'home-action-reminders', () => dueSoon.waitFor());
    await setLanguage(head, 'en');
    await expect.poll(() => dueSoon.innerText()).toContain(`Your action “${soon}” in “${title}” is due on ${written(isoDay(5), 'en')}.`);
    expect(await overdue.innerText()).toContain(`was due on ${written(isoDay(-2), 'en')} and is overdue.`);
    // A second sweep tells nobody again.
    await sweepNow();
    await head.reload();
    await dueSoon.waitFor();
    expect(await head.getByTestId('notifications-card').locator('li.notification[data-kind^="action-"]', { hasText: soon }).count()).toBe(1);

    // By keyboard: to the reminder's link, Enter, and the plan opens; the reminder is read.
    const link = dueSoon.getByRole('link');
    await link.focus();
    await head.keyboard.press('Enter');
    await head.waitForURL((url) => url.pathname === `/documents/${encodeURIComponent(plan)}`);
    await head.getByTestId('plan').waitFor({ timeout: 20_000 });
    await head.goto('/');
    await expect.poll(async () => (await dueSoon.getAttribute('class')) ?? '', { timeout: 10_000 }).not.toContain('notification--unread');
    await head.context().close();
  });

  it('C304: once the owner marks the action done in the plan, its reminder on home says it has been done since', async () => {
    const { plan } = thisYearsPlan();
    const head = await pageAs(browser, server, 'demo-headteacher', 'en');
    await head.goto(`/documents/${encodeURIComponent(plan)}`);
    await head.getByTestId('plan').waitFor({ timeout: 20_000 });
    // Each action row has one description field, in the same order as the rows.
    const descriptions = await head.getByTestId('action-description').evaluateAll((els) => els.map((e) => ('value' in e ? String(e.value) : e.textContent ?? '')));
    expect(descriptions).toContain(soon);
    const done = head.getByTestId('plan-action').nth(descriptions.indexOf(soon)).locator('input[type="checkbox"]');
    await done.focus();
    await head.keyboard.press('Space');
    await expect.poll(() => done.isChecked()).toBe(true);
    await head.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
    await server.running.sync.flush();
    await server.running.deriver.catchUp();
    await head.goto('/');
    const since = reminder(head, 'action-due-soon', soon).getByTestId('reminder-since');
    await expect.poll(() => since.innerText(), { timeout: 10_000 }).toBe('It has been marked done since.');
    await setLanguage(head, 'cy');
    await expect.poll(() => since.innerText()).toBe('Mae wedi’i nodi’n gyflawn ers hynny.');
    // The overdue one is untouched.
    expect(await reminder(head, 'action-overdue', late).getByTestId('reminder-since').count()).toBe(0);
    await head.context().close();
  });

  it('C303: the demo\'s action owned by its senior leader reaches his home once the server has swept', async () => {
    await sweepNow();
    const leader = await pageAs(browser, server, 'demo-senior-leader', 'en');
    await leader.goto('/');
    const demo = leader.getByTestId('notifications-card').locator('li.notification[data-kind^="action-"]', { hasText: 'Cytuno ar ddull adborth cyson' });
    await demo.waitFor({ timeout: 20_000 });
    expect(await demo.innerText()).toMatch(/Your action “Cytuno ar ddull adborth cyson” in “.+” (is due on|was due on) 4 December 2026/);
    await leader.context().close();
  });
});
