/**
 * Notifications on home (web C292, server A140-A144): the host headteacher (Welsh) shares the
 * peer review with a headteacher of another LA through the review's "who else can read it"
 * card; the other headteacher (English, in a browser of their own) finds a new notification on
 * home, follows it to the review and it is then read; a mention in a comment reaches them the
 * same way and "mark all as read" clears the count. A school's headteacher (English) accepting a
 * convenor's request to join tells the convenor (Welsh), whose card then says so (C302). Axe and
 * screenshots in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newContext, setLanguage, signIn } from './support/browser';
import { checkScreenBothLanguages } from './support/cycle';
import { demoIds, documentPath } from './support/demo';
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

const card = (page: Page) => page.getByTestId('notifications-card');

describe('C292 notifications on home', () => {
  it('C292: a share and a mention reach the other person’s home as new; following one marks it read; mark all as read clears the rest', async () => {
    const { peerReview } = demoIds(server.dataset);
    const host = await as('demo-headteacher', 'cy');
    const other = await as('demo-reviewer-other-la', 'en');
    await other.goto('/');
    expect(await card(other).count()).toBe(0);

    // The host shares the review with Gwenan Parry by name, from the review itself.
    await host.goto(documentPath(peerReview));
    await host.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
    const shares = host.getByTestId('review-shares');
    const find = shares.locator('#share-search');
    await find.fill('Gwenan');
    await find.press('Enter');
    await shares.getByRole('button', { name: /Gwenan Parry/ }).first().click();
    await expect.poll(() => shares.getByTestId('share-list').innerText()).toContain('Gwenan Parry');

    // On the other person's home: one new notification naming who shared what.
    await other.reload();
    const shared = card(other).locator('li.notification[data-kind="review-shared"]');
    await shared.waitFor({ timeout: 20_000 });
    expect(await shared.innerText()).toContain('Elin Davies shared the peer review');
    expect(await shared.getAttribute('class')).toContain('notification--unread');
    expect(await card(other).getByTestId('notifications-unread').innerText()).toBe('Unread: 1');
    await checkScreenBothLanguages(other, 'home-notifications', () => card(other).waitFor());

    // Following it opens the review and marks it read.
    await shared.getByRole('link').click();
    await other.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 20_000 });
    await other.goto('/');
    await expect.poll(() => card(other).getByTestId('notifications-unread').innerText(), { timeout: 10_000 }).toBe('Unread: 0');
    expect(await card(other).locator('li.notification--unread').count()).toBe(0);

    // A mention in a comment; then everything is marked read at once, by keyboard.
    const commented = await host.evaluate(async ([docId]) => {
      const response = await fetch(`/api/documents/${encodeURIComponent(docId!)}/comments`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Gwenan, beth yw eich barn?', mentions: ['demo-reviewer-other-la'] }),
      });
      return response.status;
    }, [peerReview] as const);
    expect(commented).toBe(201);
    await other.reload();
    await card(other).locator('li.notification--unread[data-kind="mention"]').waitFor({ timeout: 20_000 });
    const readAll = card(other).getByTestId('notifications-read-all');
    await readAll.focus();
    await other.keyboard.press('Enter');
    await expect.poll(() => card(other).getByTestId('notifications-unread').innerText(), { timeout: 10_000 }).toBe('Unread: 0');
    await host.context().close();
    await other.context().close();
  });
});

/** The signed-in person's own API call, for what other tests walk through already (proposing, asking, C245, C270). */
async function post(page: Page, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async ([p, b]) => {
    const response = await fetch(`/api${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }, [path, body] as const);
}

describe('C302 a request\'s answer back to the convenor', () => {
  it('C302: the headteacher accepting a request to join tells the convenor, whose card says who accepted and for which collaborative, in Welsh and English', async () => {
    const { secondaryId, otherLaSchoolId } = server.dataset.cast;
    const convenor = await as('demo-headteacher-secondary', 'cy');
    const officer = await as('demo-la-officer', 'en');
    const proposed = await post(convenor, '/collaborative-proposals', {
      name: { cy: 'Ysgolion y cymoedd', en: 'Schools of the valleys' }, purpose: { cy: 'Dysgu gyda’n gilydd', en: 'Learning together' },
      kind: 'horizontal', structure: 'horizontal', sectorFocus: 'welsh-medium', proposerSchoolId: secondaryId, schoolIds: [],
      convenorIds: ['demo-headteacher-secondary'], facilitatorIds: [],
    });
    const decided = await post(officer, `/collaborative-proposals/${(proposed.body['proposal'] as { id: string }).id}/decision`, { decision: 'approve' });
    const collaborativeId = (decided.body['proposal'] as { collaborativeId: string }).collaborativeId;
    expect((await post(convenor, `/collaboratives/${encodeURIComponent(collaborativeId)}/member-requests`, { schoolId: otherLaSchoolId })).status).toBe(201);

    // The asked school's headteacher accepts on their home page, in a browser of their own.
    const headteacher = await as('demo-reviewer-other-la', 'en');
    await headteacher.goto('/');
    const request = headteacher.getByTestId('membership-requests-card').locator('li.membership-request').first();
    await request.getByRole('button', { name: /^Join/ }).click();
    await request.getByTestId('waiting-for-la').waitFor();

    // The convenor's home: a new notification naming the headteacher and the collaborative.
    await convenor.goto('/');
    const answered = card(convenor).locator('li.notification--unread[data-kind="membership-accepted"]');
    await answered.waitFor({ timeout: 20_000 });
    expect(await answered.innerText()).toContain("Gwenan Parry wedi derbyn y cais i'w ysgol ymuno ag Ysgolion y cymoedd");
    await checkScreenBothLanguages(convenor, 'home-notification-membership-answer', () => answered.waitFor());
    await setLanguage(convenor, 'en');
    await expect.poll(() => answered.innerText()).toContain('Gwenan Parry accepted the request for their school to join Schools of the valleys');
    await convenor.context().close();
    await officer.context().close();
    await headteacher.context().close();
  });
});
