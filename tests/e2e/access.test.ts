/**
 * Who has access to our school (C114), invitation forms that offer only what the grant policy
 * allows (C115) and an invitation opened with the wrong account (C116), in Chromium against the
 * real server, in Welsh and English, with axe and screenshots of each new screen.
 */
import { mkdirSync } from 'node:fs';
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
  mkdirSync(screenshotsDir, { recursive: true });
});

async function pageFor(personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  return page;
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('C114 who has access to our school', () => {
  it('C114: the headteacher finds the screen from Home, sees who gave each role and when, and removes a practitioner whose open document closes', async () => {
    const schoolId = server.dataset.cast.primaryId;
    const head = await pageFor('demo-headteacher', 'cy');
    // A second person, at the same time, with the school's self-evaluation open.
    const practitioner = await pageFor('demo-practitioner', 'en');
    await practitioner.goto(documentPath(server.docOf('self-evaluation')));
    await practitioner.locator('[data-sync-state="saved"]').waitFor();

    // Keyboard only: from Home to the screen.
    const link = head.getByTestId('school-access-link');
    await link.waitFor();
    await link.focus();
    await head.keyboard.press('Enter');
    await head.waitForURL(`**/schools/${schoolId}/access`);
    await head.getByRole('heading', { level: 1, name: "Pwy sydd â mynediad i'n hysgol" }).waitFor();
    const rows = head.getByTestId('access-role');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
    const practitionerRow = head.locator('[data-testid="access-role"][data-person="demo-practitioner"]');
    expect(await practitionerRow.innerText()).toContain('Ffion Roberts');
    expect(await practitionerRow.innerText()).toContain('Ymarferydd');
    // Roles set up with the demo directory say so; the date is in Welsh.
    expect(await practitionerRow.innerText()).toMatch(/Wedi'i osod gyda'r cyfeiriadur/);
    expect(await practitionerRow.locator('time').innerText()).toMatch(/\d{4}, \d{2}:\d{2}$/);
    await head.screenshot({ path: join(screenshotsDir, 'access-cy.png'), fullPage: true });
    await expectAxeClean(head);

    await setLanguage(head, 'en');
    await head.getByRole('heading', { level: 1, name: 'Who has access to our school' }).waitFor();
    await head.screenshot({ path: join(screenshotsDir, 'access-en.png'), fullPage: true });
    await expectAxeClean(head);

    // Remove, by keyboard, after confirming.
    head.once('dialog', (dialog) => void dialog.accept());
    const remove = head.getByRole('button', { name: 'Remove the role Practitioner from Ffion Roberts' });
    await remove.focus();
    await head.keyboard.press('Enter');
    await head.getByRole('status').filter({ hasText: 'Ffion Roberts no longer has the role Practitioner.' }).waitFor();
    await expect.poll(() => practitionerRow.count()).toBe(0);
    // The removed person's open document is closed and explained (C4), at once.
    await practitioner.getByTestId('revoked-message').waitFor({ timeout: 5_000 });
    expect(await practitioner.locator('[data-sync-state="saved"]').count()).toBe(0);
    await head.context().close();
    await practitioner.context().close();
  });

  it('C114: the screen is refused to a senior leader, with the reason in their language', async () => {
    const leader = await pageFor('demo-senior-leader', 'cy');
    expect(await leader.getByTestId('school-access-link').count()).toBe(0);
    await leader.goto(`/schools/${server.dataset.cast.primaryId}/access`);
    await expect.poll(() => leader.locator('[role="alert"]').innerText()).toContain('Dim ond pennaeth yr ysgol');
    expect(await leader.getByTestId('access-role').count()).toBe(0);
    await leader.context().close();
  });
});

describe('C115 invitation forms offer only what the policy allows', () => {
  it('C115: the headteacher invites a governor from the access screen; the convenor is offered collaborative roles and their own school\'s roles only', async () => {
    const head = await pageFor('demo-headteacher', 'en');
    await head.goto(`/schools/${server.dataset.cast.primaryId}/access`);
    const roleOptions = head.locator('#school-invite-role option');
    await roleOptions.first().waitFor({ state: 'attached' });
    expect(await roleOptions.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['headteacher', 'senior-leader', 'practitioner', 'governor']);
    await head.locator('#school-invite-email').fill('llywodraethwr.newydd@example.cymru');
    await head.locator('#school-invite-role').selectOption('governor');
    await head.getByTestId('school-invite-card').locator('button[type=submit]').click();
    expect(await head.locator('#school-invite-link').inputValue()).toContain('/invitations/');
    await head.getByTestId('access-pending').getByText('llywodraethwr.newydd@example.cymru').waitFor();
    await head.context().close();

    const { clusterId } = demoIds(server.dataset);
    const convenor = await pageFor('demo-convenor', 'en');
    await convenor.goto(`/collaboratives/${encodeURIComponent(clusterId)}`);
    const offered = convenor.locator('#invite-role option');
    await offered.first().waitFor({ state: 'attached' });
    expect(await offered.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['convenor', 'member-contact', 'headteacher', 'senior-leader', 'practitioner', 'governor']);
    await convenor.locator('#invite-role').selectOption('practitioner');
    const schools = convenor.locator('#invite-school option');
    await schools.first().waitFor({ state: 'attached' });
    // A school role only at the school the convenor leads, never at another member school.
    expect(await schools.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([server.dataset.cast.convenorSchoolId]);
    await expectAxeClean(convenor);
    await convenor.context().close();
  });
});

describe('C116 an invitation opened with the wrong account', () => {
  it('C116: signed in with another address, the page says which address it is for and why, in Welsh and English, and offers no accept', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: server.emailOf('demo-headteacher'), password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const invited = await fetch(`${server.url}/api/schools/${server.dataset.cast.primaryId}/invitations`, {
      method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'athro.gwadd@example.cymru', role: 'practitioner' }),
    });
    expect(invited.status).toBe(201);
    const { token } = (await invited.json()) as { token: string };

    const wrong = await pageFor('demo-governor', 'cy');
    await wrong.goto(`/invitations/${token}`);
    const notice = wrong.getByTestId('invitation-wrong-address');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('athro.gwadd@example.cymru');
    expect(await notice.innerText()).toContain(server.emailOf('demo-governor'));
    expect(await notice.innerText()).toContain('Dim ond y cyfrif');
    expect(await wrong.getByRole('button', { name: 'Derbyn y gwahoddiad' }).count()).toBe(0);
    await wrong.screenshot({ path: join(screenshotsDir, 'invitation-wrong-address-cy.png'), fullPage: true });
    await expectAxeClean(wrong);

    await setLanguage(wrong, 'en');
    await expect.poll(() => notice.innerText()).toContain('Only the account with the invited address can accept it');
    await wrong.screenshot({ path: join(screenshotsDir, 'invitation-wrong-address-en.png'), fullPage: true });
    await expectAxeClean(wrong);
    // The server is the authority: the same refusal straight from the API.
    const direct = await wrong.evaluate(async (t) => (await fetch(`/api/invitations/${t}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, token);
    expect(direct).toBe(403);
    // Signing out from the notice leads to sign-in and back to the invitation.
    await wrong.getByTestId('invitation-wrong-address').getByRole('button').click();
    await wrong.waitForURL(/\/sign-in\?next=/);
    await wrong.context().close();
  });
});
