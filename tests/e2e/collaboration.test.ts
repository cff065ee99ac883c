/**
 * Two people co-edit a peer-review write-up (C16, C6), then one works offline through a reload
 * and both converge when the network returns (C7, C3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureWebBuilt } from './support/build';
import { launchBrowser, newContext, signIn } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { DEMO_PASSWORD, startE2eServer, type E2eServer } from './support/server';
import { waitForOfflineShell } from './support/offlineShell';

let server: E2eServer;
let browser: Browser;
let hostContext: BrowserContext;
let reviewerContext: BrowserContext;
let host: Page;
let reviewer: Page;

const notes = (page: Page) => page.locator('[data-testid="peer-review-notes"] [role="textbox"]');

/** The write-up's text without remote cursor labels (which live inside the editor). */
function notesText(page: Page): Promise<string> {
  return notes(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
}

async function waitForSaved(page: Page): Promise<void> {
  await page.locator('[data-sync-state="saved"]').first().waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startE2eServer();
  browser = await launchBrowser();
  hostContext = await newContext(browser, server.url);
  reviewerContext = await newContext(browser, server.url);
  host = await hostContext.newPage();
  reviewer = await reviewerContext.newPage();
  await signIn(host, server.emailOf('demo-headteacher'), DEMO_PASSWORD, 'cy');
  await signIn(reviewer, server.emailOf('demo-reviewer'), DEMO_PASSWORD, 'en');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('C16 co-editing a peer review', () => {
  it('C16: each sees the other’s text and named cursor; C3: both reach Saved', async () => {
    const { peerReview } = demoIds(server.dataset);
    await host.goto(documentPath(peerReview));
    await reviewer.goto(documentPath(peerReview));
    await waitForSaved(host);
    await waitForSaved(reviewer);

    await notes(host).click();
    await host.keyboard.press('Control+End');
    await host.keyboard.type(' Sylw gan y pennaeth.');
    await notes(reviewer).click();
    await reviewer.keyboard.press('Control+End');
    await reviewer.keyboard.type(' Reviewer comment.');

    await expect.poll(() => reviewer.locator('[data-testid="peer-review-notes"]').innerText()).toContain('Sylw gan y pennaeth.');
    await expect.poll(() => host.locator('[data-testid="peer-review-notes"]').innerText()).toContain('Reviewer comment.');
    // Remote cursors carry the person's name as text (C6).
    await expect.poll(() => host.locator('.cursor-label').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Nia Pritchard')]));
    await expect.poll(() => reviewer.locator('.cursor-label').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Elin Davies')]));
    await expect.poll(() => reviewer.getByTestId('presence-list').innerText()).toContain('Elin Davies');
    await waitForSaved(host);
    await waitForSaved(reviewer);
  });
});

describe('C19 a remote cursor never takes the local caret', () => {
  it('C19: typing at once after clicking where a remote cursor is being drawn loses nothing', async () => {
    // The host types at the end of the notes; the reviewer clicks into the notes while the host's
    // text and cursor are still arriving, jumps to the end (where the host's cursor is drawn) and
    // types at once. A cursor widget holding a text node catches the browser's caret there, and
    // Chromium drops the keystrokes that follow. Five rounds, since the race is one of timing.
    for (let round = 1; round <= 5; round += 1) {
      await notes(host).click();
      await host.keyboard.press('Control+End');
      await host.keyboard.type(` host${round}.`);
      await notes(reviewer).click();
      await reviewer.keyboard.press('Control+End');
      await reviewer.keyboard.type(` reviewer${round}.`);
      await expect.poll(() => notesText(reviewer)).toContain(`host${round}.`);
      await expect.poll(() => notesText(reviewer)).toContain(` reviewer${round}.`);
    }
    await expect.poll(() => notesText(host)).toContain(' reviewer5.');
    await waitForSaved(reviewer);
  });
});

describe('C7 offline editing survives a reload and converges', () => {
  it('C7: offline edits are kept through a reload and merge on reconnect', async () => {
    const { peerReview } = demoIds(server.dataset);
    await waitForOfflineShell(reviewer);
    await reviewerContext.setOffline(true);
    await reviewer.locator('[data-sync-state="offline"]').first().waitFor();

    await notes(reviewer).click();
    await reviewer.keyboard.press('Control+End');
    await reviewer.keyboard.type(' Written offline.');
    await notes(host).click();
    await host.keyboard.press('Control+End');
    await host.keyboard.type(' Ar-lein tra bod y llall all-lein.');

    // Let y-indexeddb write, then reload with no network at all.
    await reviewer.waitForTimeout(500);
    await reviewer.reload();
    await reviewer.waitForURL((url) => url.pathname === documentPath(peerReview));
    await expect.poll(() => reviewer.locator('[data-testid="peer-review-notes"]').innerText(), { timeout: 15_000 }).toContain('Written offline.');
    await reviewer.locator('[data-sync-state="offline"]').first().waitFor();

    await reviewerContext.setOffline(false);
    await expect.poll(() => host.locator('[data-testid="peer-review-notes"]').innerText(), { timeout: 20_000 }).toContain('Written offline.');
    await expect.poll(() => reviewer.locator('[data-testid="peer-review-notes"]').innerText(), { timeout: 20_000 }).toContain('Ar-lein tra bod y llall all-lein.');
    await waitForSaved(reviewer);
    await expect.poll(async () => (await notesText(host)) === (await notesText(reviewer))).toBe(true);
    expect(await notesText(host)).toContain('Written offline.');
  });
});

describe('C8 an expired session', () => {
  it('C8: a 401 sends the person to sign-in with an explanation, then back to their document', async () => {
    const { peerReview } = demoIds(server.dataset);
    await host.goto(documentPath(peerReview));
    await waitForSaved(host);
    // The session ends on the server (as if it expired); the page still holds the old cookie.
    await host.evaluate(() => fetch('/api/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    await host.reload();
    await host.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('expired') === '1');
    await host.locator('.notice--warning').waitFor();
    await host.locator('#email').fill(server.emailOf('demo-headteacher'));
    await host.locator('#password').fill(DEMO_PASSWORD);
    await host.locator('form button[type=submit]').click();
    await host.waitForURL((url) => url.pathname === documentPath(peerReview));
    await waitForSaved(host);
    expect(await notesText(host)).toContain('Written offline.');
  });
});
