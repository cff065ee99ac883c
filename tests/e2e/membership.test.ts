/**
 * The convenor manages membership (C18): invites a practitioner of a member school, who opens
 * the link, creates an account in Welsh and lands on a home page listing the collaborative.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newContext, signIn } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;

serverAndBrowserPerFile((started, launched) => {
  server = started;
  browser = launched;
});

describe('C18 convenor invitations', () => {
  it('C18: an invitation link creates an account and joins the collaborative', async () => {
    const { clusterId } = demoIds(server.dataset);
    const convenor = await (await newContext(browser, server.url)).newPage();
    await signIn(convenor, server.emailOf('demo-convenor'), DEMO_PASSWORD, 'en');
    await convenor.goto(`/collaboratives/${encodeURIComponent(clusterId)}`);
    await convenor.getByTestId('invite-card').waitFor();
    await convenor.locator('#invite-email').fill('athro.newydd@example.cymru');
    await convenor.locator('#invite-role').selectOption('practitioner');
    await convenor.locator('#invite-school option').first().waitFor({ state: 'attached' });
    await convenor.getByTestId('invite-card').locator('button[type=submit]').click();
    const link = await convenor.locator('#invite-link').inputValue();
    expect(link).toContain('/invitations/');

    const invitee = await (await newContext(browser, server.url)).newPage();
    await invitee.addInitScript(() => localStorage.getItem('cyd.locale') ?? localStorage.setItem('cyd.locale', 'cy'));
    await invitee.goto(new URL(link).pathname);
    await invitee.locator('#invite-name').fill('Gwenllian Morris');
    await invitee.locator('#invite-password').fill('ymadrodd hir a chryf iawn');
    await invitee.locator('form button[type=submit]').click();
    await invitee.getByTestId('collaboratives-card').waitFor();
    await expect.poll(() => invitee.getByTestId('collaboratives-vertical').innerText()).toContain('Clwstwr');
    // The link is single-use: a second acceptance is refused in the person's language.
    const again = await (await newContext(browser, server.url)).newPage();
    await again.addInitScript(() => localStorage.setItem('cyd.locale', 'cy'));
    await again.goto(new URL(link).pathname);
    await again.locator('[role="alert"]').waitFor();
    expect(await again.locator('[role="alert"]').innerText()).toMatch(/eisoes wedi'i ddefnyddio|ddolen wahoddiad/);
  });
});

describe('C4 access revoked while the document is open', () => {
  it('C4: removing a school closes its staff\'s workspace, explains why and deletes the local copy', async () => {
    const { clusterId, clusterWorkspace } = demoIds(server.dataset);
    const schoolId = server.dataset.cast.primaryId;
    const headteacher = await (await newContext(browser, server.url)).newPage();
    await signIn(headteacher, server.emailOf('demo-headteacher'), DEMO_PASSWORD, 'cy');
    await headteacher.goto(documentPath(clusterWorkspace));
    await headteacher.locator('[data-sync-state="saved"]').waitFor();
    const copies = () => headteacher.evaluate(async (id) => (await indexedDB.databases()).filter((d) => d.name?.endsWith(id)).length, clusterWorkspace);
    expect(await copies()).toBe(1);

    const convenor = await (await newContext(browser, server.url)).newPage();
    await signIn(convenor, server.emailOf('demo-convenor'), DEMO_PASSWORD, 'en');
    await convenor.goto(`/collaboratives/${encodeURIComponent(clusterId)}`);
    convenor.on('dialog', (dialog) => void dialog.accept());
    const remove = convenor.locator(`.member-school[data-school-id="${schoolId}"] button`);
    await remove.click();

    await expect.poll(() => convenor.locator(`.member-school[data-school-id="${schoolId}"]`).count()).toBe(0);
    // The live document gives way to the page saying access went (C120), nothing editable left.
    await headteacher.getByTestId('document-refused').waitFor({ timeout: 10_000 });
    await headteacher.getByTestId('revoked-message').waitFor();
    expect(await headteacher.getByTestId('revoked-message').innerText()).toContain('Nid oes gennych fynediad');
    await expect.poll(copies, { timeout: 10_000 }).toBe(0);
  });
});
