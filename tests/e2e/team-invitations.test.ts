/**
 * Inviting people without an account onto a peer review team (COLLABORATIVES.md G37-G39, web
 * C294-C297): the host headteacher invites a practitioner of the host school and a reviewer by
 * email; the practitioner opens the link, makes the account, lands on the review and co-edits it
 * with the host at once; the reviewer is told their own school must give them a role first, and
 * once its headteacher has, the same link puts them on the team.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
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

const PASSWORD = 'a long enough password for the test';
// Five people and some twenty screens in one journey: more than the default minute on a busy CI
// machine. Each step has its own limit (below), so a step that hangs is named by its failure
// rather than the whole journey timing out.
vi.setConfig({ testTimeout: 150_000 });
const STEP_MS = 20_000;

async function newPage(): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  page.setDefaultTimeout(STEP_MS);
  page.setDefaultNavigationTimeout(STEP_MS);
  return page;
}

async function as(personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  return page;
}

/** A page with nobody signed in, in this language. */
async function signedOut(locale: 'cy' | 'en'): Promise<Page> {
  const page = await newPage();
  await page.addInitScript((l) => {
    if (!localStorage.getItem('cyd.locale')) localStorage.setItem('cyd.locale', l);
  }, locale);
  return page;
}

async function saved(page: Page): Promise<void> {
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
}

async function noViolations(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const notes = (page: Page) => page.locator('[data-testid="peer-review-notes"] [role="textbox"]');

/** Fills the host's invite form and answers the link it shows. */
async function inviteByEmail(host: Page, email: string, teamRole: string): Promise<string> {
  // The form opens from its button (loaded on demand, C290); keyboard only, as a host would.
  const opener = host.getByTestId('team-invite-open');
  if (await opener.count() > 0) {
    await opener.focus();
    await host.keyboard.press('Enter');
    await expect.poll(() => host.evaluate(() => document.activeElement?.id)).toBe('team-invite-email');
  }
  const form = host.getByTestId('team-invite-form');
  await form.locator('#team-invite-email').fill(email);
  await form.locator('#team-invite-role').selectOption(teamRole);
  if (teamRole === 'host-staff') await form.locator('#team-invite-school-role').selectOption('practitioner');
  await form.locator('button[type=submit]').click();
  const link = form.locator('#team-invite-link');
  await expect.poll(() => link.inputValue()).toContain(`/invitations/`);
  return link.inputValue();
}

describe('inviting people without an account onto a peer review team', () => {
  it('C294, C295, C296, C297: host staff by email co-edit at once; a reviewer waits for their own school\'s role, then the same link works', async () => {
    const { peerReview } = demoIds(server.dataset);
    const host = await as('demo-headteacher', 'cy');
    await host.goto(documentPath(peerReview));
    await saved(host);

    // C294: host staff with their host-school role, and a reviewer, whose own school gives theirs.
    const practitionerLink = await inviteByEmail(host, 'ymarferydd@example.cymru', 'host-staff');
    await host.getByTestId('team-invite-form').locator('#team-invite-role').selectOption('reviewer');
    await expect.poll(() => host.getByTestId('team-invite-own-role').innerText()).toContain('Eu hysgol nhw');
    const reviewerLink = await inviteByEmail(host, 'adolygydd@example.cymru', 'reviewer');

    // C295: the open invitations with address, place and expiry; one withdrawn goes.
    await inviteByEmail(host, 'camgymeriad@example.cymru', 'lead-reviewer');
    const pending = host.getByTestId('team-pending');
    await expect.poll(() => pending.innerText()).toContain('camgymeriad@example.cymru');
    expect(await pending.innerText()).toContain('ymarferydd@example.cymru');
    expect(await pending.innerText()).toContain('yn dod i ben');
    await pending.locator('li', { hasText: 'camgymeriad@example.cymru' }).getByTestId('team-invite-withdraw').click();
    await expect.poll(() => pending.innerText()).not.toContain('camgymeriad@example.cymru');
    await noViolations(host);
    await host.getByTestId('team-invitations').screenshot({ path: join(screenshotsDir, 'team-invitations.cy.png') });
    await setLanguage(host, 'en');
    await expect.poll(() => pending.innerText()).toContain('expires');
    expect(await host.getByTestId('team-invite-form').innerText()).toContain('The invitation to camgymeriad@example.cymru is withdrawn.');
    await noViolations(host);
    await host.getByTestId('team-invitations').screenshot({ path: join(screenshotsDir, 'team-invitations.en.png') });

    // C296: the practitioner opens the link: it names the review and the place.
    const practitioner = await signedOut('en');
    await practitioner.goto(practitionerLink);
    const about = practitioner.getByTestId('invitation-review');
    await expect.poll(() => about.innerText()).toContain('Your place on the team: Host staff');
    expect(await about.innerText()).toContain('Practitioner');
    await noViolations(practitioner);
    await practitioner.screenshot({ path: join(screenshotsDir, 'team-invitation.en.png'), fullPage: true });
    await setLanguage(practitioner, 'cy');
    await expect.poll(() => about.innerText()).toContain('Eich lle ar y tîm');
    await noViolations(practitioner);
    await practitioner.screenshot({ path: join(screenshotsDir, 'team-invitation.cy.png'), fullPage: true });
    await setLanguage(practitioner, 'en');

    // They make the account and land on the review, and write in it with the host at once.
    await practitioner.locator('#invite-name').fill('Alaw Ymarferydd');
    await practitioner.locator('#invite-password').fill(PASSWORD);
    await practitioner.locator('form.form button[type=submit]').click();
    await practitioner.waitForURL((url) => url.pathname === documentPath(peerReview));
    await saved(practitioner);
    await notes(host).click();
    await host.keyboard.press('Control+End');
    await host.keyboard.type(' Host headteacher note.');
    await notes(practitioner).click();
    await practitioner.keyboard.press('Control+End');
    await practitioner.keyboard.type(' Practitioner note.');
    await expect.poll(() => host.getByTestId('peer-review-notes').innerText()).toContain('Practitioner note.');
    await expect.poll(() => practitioner.getByTestId('peer-review-notes').innerText()).toContain('Host headteacher note.');

    // The reviewer's new account holds no role yet: the page says what is missing and keeps the link.
    const reviewer = await signedOut('cy');
    await reviewer.goto(reviewerLink);
    await expect.poll(() => reviewer.getByTestId('invitation-review').innerText()).toContain('Adolygydd');
    await reviewer.locator('#invite-name').fill('Bethan Adolygydd');
    await reviewer.locator('#invite-password').fill(PASSWORD);
    await reviewer.locator('form.form button[type=submit]').click();
    const refusal = reviewer.locator('.notice--error[role=alert]');
    await expect.poll(() => refusal.innerText()).toContain('mae angen i’ch ysgol eich hun roi eich rôl i chi yn gyntaf');
    await noViolations(reviewer);
    await reviewer.screenshot({ path: join(screenshotsDir, 'team-invitation-refused.cy.png'), fullPage: true });
    // In English the page says it in English; signed in now, trying again says the same.
    await setLanguage(reviewer, 'en');
    await expect.poll(() => refusal.innerText()).toContain('your own school needs to give you your role first');
    await reviewer.getByRole('button', { name: 'Accept the invitation' }).click();
    await expect.poll(() => refusal.innerText()).toContain('your own school needs to give you your role first');
    await noViolations(reviewer);
    await reviewer.screenshot({ path: join(screenshotsDir, 'team-invitation-refused.en.png'), fullPage: true });

    // C297: their home page names the waiting team place.
    await reviewer.goto('/');
    await expect.poll(() => reviewer.getByTestId('invitations-card').innerText()).toContain('A peer review team');

    // Their own school's headteacher gives them a role from its access screen; they accept it.
    const ownHead = await as('demo-reviewer', 'en');
    await ownHead.goto(`/schools/${server.dataset.cast.reviewerSchoolId}/access`);
    await ownHead.locator('#school-invite-email').fill('adolygydd@example.cymru');
    await ownHead.locator('#school-invite-role').selectOption('practitioner');
    await ownHead.getByTestId('school-invite-card').locator('button[type=submit]').click();
    const schoolLink = ownHead.locator('#school-invite-link');
    await expect.poll(() => schoolLink.inputValue()).toContain('/invitations/');
    await reviewer.goto(await schoolLink.inputValue());
    await reviewer.getByRole('button', { name: 'Accept the invitation' }).click();
    await reviewer.waitForURL((url) => url.pathname === '/');

    // The same team link now puts them on the team and opens the review.
    await reviewer.goto(reviewerLink);
    await reviewer.getByRole('button', { name: 'Accept the invitation' }).click();
    await reviewer.waitForURL((url) => url.pathname === documentPath(peerReview));
    await saved(reviewer);
    await expect.poll(() => reviewer.getByTestId('peer-review-notes').innerText()).toContain('Practitioner note.');
    expect(await notes(reviewer).getAttribute('aria-readonly')).not.toBe('true');
  });
});
