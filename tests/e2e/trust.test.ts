/**
 * Trust in the browser, against the real server and its real headers (Debian Chromium):
 * - a co-author writes a `javascript:` link and an outside image into a shared write-up over
 *   the socket (the stock y-websocket client, not the app); the governor reading it clicks the
 *   link and nothing runs, and the outside image is never requested (C122, D25, D26, A80);
 * - a document the person may not read, or that does not exist, is a clear page in Welsh and
 *   English with nothing editable and nothing retried (C120), screenshots and axe;
 * - an LA officer's device drops the cached readers and listing of a review that is unshared
 *   while they have it open (C121).
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { connectAs, syncedOrRefused } from '../access/helpers/access-server';
import { waitFor } from '../sync/helpers/wait';
import { newContext, seriousViolations, signIn } from './support/browser';
import { demoIds, documentPath } from './support/demo';
import { screenshotsDir } from './support/paths';
import { DEMO_PASSWORD, type E2eServer } from './support/server';
import { serverAndBrowserPerFile } from './support/session';

let server: E2eServer;
let browser: Browser;
serverAndBrowserPerFile((s, b) => {
  server = s;
  browser = b;
});

/** A session cookie through the real sign-in route, for the test's own API calls and sockets. */
async function cookieOf(personId: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: server.emailOf(personId), password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function api(personId: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { ...init, headers: { cookie: await cookieOf(personId), origin: server.url, ...init.headers } });
}

async function signedIn(personId: string, locale: 'cy' | 'en'): Promise<Page> {
  const page = await (await newContext(browser, server.url)).newPage();
  await signIn(page, server.emailOf(personId), DEMO_PASSWORD, locale);
  return page;
}

/** Another origin that counts every request it gets: an image from it would be a tracking pixel. */
async function outsideOrigin(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const outside: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif' }).end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  });
  await new Promise<void>((done) => outside.listen(0, '127.0.0.1', done));
  return { url: `http://localhost:${(outside.address() as AddressInfo).port}`, requests, close: () => new Promise((done) => outside.close(() => done())) };
}

function editableFields(page: Page): Promise<number> {
  return page.locator('main').locator('input, textarea, select, [contenteditable="true"], [role="textbox"]').count();
}

describe('no script, no tracking in documents', () => {
  it('C122: a javascript: link written over the socket does not run when a reader clicks it; an outside image is never requested', async () => {
    const { peerReview } = demoIds(server.dataset);
    const pixel = await outsideOrigin();
    // The co-author (the visiting reviewer, an editor) writes with the stock client, as an attacker would.
    const writer = connectAs(server.running, peerReview, await cookieOf('demo-reviewer'), { origin: server.url });
    try {
      expect(await syncedOrRefused(writer)).toBe('synced');
      const strengths = writer.doc.getXmlFragment('strengths');
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      const image = new Y.XmlElement('image');
      image.setAttribute('src', `${pixel.url}/pixel.gif?who=governor`);
      image.setAttribute('alt', 'logo');
      const safe = new Y.XmlText();
      writer.doc.transact(() => {
        strengths.insert(0, [paragraph]);
        paragraph.insert(0, [text, image, safe]);
        text.insert(0, 'Cliciwch yma am y dystiolaeth', { link: { href: 'javascript:window.__ranScript=1;document.title="pwned"' } });
        safe.insert(0, ' a chanllaw Llywodraeth Cymru', { link: { href: 'https://llyw.cymru/canllaw' } });
      });
      await waitFor(() => writer.provider.wsconnected && writer.doc.getXmlFragment('strengths').length > 0, 'written');
      await server.running.sync.flush();

      const governor = await signedIn('demo-governor', 'en');
      const outsideRequests: string[] = [];
      const violations: string[] = [];
      governor.on('request', (request) => {
        if (request.url().startsWith(pixel.url)) outsideRequests.push(request.url());
      });
      governor.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      let dialogs = 0;
      governor.on('dialog', (dialog) => {
        dialogs += 1;
        void dialog.dismiss();
      });
      const response = await governor.goto(documentPath(peerReview));
      // The page is served under the strict policy (A80), so even a slip in rendering could not run.
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      const field = governor.getByTestId('peer-review-strengths');
      const trap = field.getByText('Cliciwch yma am y dystiolaeth');
      await trap.waitFor({ timeout: 20_000 });
      // Rendered as text, not as a link; the safe link stays a link.
      expect(await field.locator('a[href^="javascript"], a[href^="JAVASCRIPT" i]').count()).toBe(0);
      expect(await trap.evaluate((el) => el.closest('a') === null)).toBe(true);
      expect(await field.locator('a[href="https://llyw.cymru/canllaw"]').getAttribute('rel')).toContain('noopener');
      const before = governor.url();
      await trap.click();
      await trap.click({ modifiers: ['Control'] });
      await governor.waitForTimeout(500);
      expect(await governor.evaluate(() => (window as unknown as { __ranScript?: number }).__ranScript)).toBeUndefined();
      expect(await governor.title()).not.toContain('pwned');
      expect(governor.url()).toBe(before);
      expect(governor.context().pages()).toHaveLength(1);
      expect(dialogs).toBe(0);
      // The outside image is not in the page and was never fetched, by the page or anyone.
      expect(await field.locator('img').count()).toBe(0);
      await governor.waitForTimeout(500);
      expect(outsideRequests).toEqual([]);
      expect(pixel.requests).toEqual([]);
      // And the app itself runs under the policy without a single violation.
      expect(violations).toEqual([]);
      await governor.context().close();
    } finally {
      writer.destroy();
      await pixel.close();
    }
  });
});

describe('refused and unknown documents', () => {
  mkdirSync(screenshotsDir, { recursive: true });
  const words = {
    cy: { refused: 'Nid oes gennych fynediad i\'r ddogfen hon', missing: 'Heb ddod o hyd i\'r ddogfen' },
    en: { refused: 'You do not have access to this document', missing: 'Document not found' },
  } as const;

  for (const locale of ['cy', 'en'] as const) {
    it(`C120: an LA officer opening an unshared peer review, and an unknown address, get a clear page with nothing editable and no retry loop (${locale})`, async () => {
      const { peerReview } = demoIds(server.dataset);
      const page = await signedIn('demo-la-officer', locale);
      const asked: string[] = [];
      const sockets: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/documents/')) asked.push(request.url());
      });
      page.on('websocket', (socket) => sockets.push(socket.url()));

      await page.goto(documentPath(peerReview));
      const refused = page.getByTestId('document-refused');
      await refused.waitFor();
      await expect.poll(() => page.locator('main h1').innerText()).toBe(words[locale].refused);
      expect(await page.title()).toContain(words[locale].refused);
      expect(await editableFields(page)).toBe(0);
      // The refused document's title is not shown.
      const title = server.dataset.documents.find((d) => d.record.id === peerReview)?.record.title ?? '';
      expect(await page.locator('main').innerText()).not.toContain(title);
      await page.waitForTimeout(3_000);
      expect(asked).toHaveLength(1);
      expect(sockets).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(screenshotsDir, `document-refused-${locale}.png`), fullPage: true });
      // Keyboard only: the way home is reachable.
      await page.locator('main a[href="/"]').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('documents-card').waitFor();

      await page.goto(documentPath('peer-review:no-such-document'));
      await page.getByTestId('document-missing').waitFor();
      expect(await page.locator('main h1').innerText()).toBe(words[locale].missing);
      expect(await editableFields(page)).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(screenshotsDir, `document-not-found-${locale}.png`), fullPage: true });
      await page.context().close();
    });
  }

  it('C121: unsharing while the LA officer has the review open drops its cached readers and listing on their device', async () => {
    const { peerReview } = demoIds(server.dataset);
    const path = `/api/documents/${encodeURIComponent(peerReview)}/share`;
    expect((await api('demo-headteacher', path, { method: 'POST' })).status).toBe(200);
    try {
      const page = await signedIn('demo-la-officer', 'en');
      await page.goto(documentPath(peerReview));
      await page.getByTestId('readers').locator('li').first().waitFor({ timeout: 20_000 });
      const cached = () => page.evaluate((id) => ({
        readers: localStorage.getItem(`cyd.cache.readers.${id}`),
        listed: (JSON.parse(localStorage.getItem('cyd.cache.documents') ?? '[]') as { id: string }[]).some((d) => d.id === id),
      }), peerReview);
      await expect.poll(async () => (await cached()).readers !== null).toBe(true);
      expect((await cached()).listed).toBe(true);

      expect((await api('demo-headteacher', path, { method: 'DELETE' })).status).toBe(200);
      await page.getByTestId('document-refused').waitFor({ timeout: 10_000 });
      expect(await cached()).toEqual({ readers: null, listed: false });
      expect(await editableFields(page)).toBe(0);
      // Back home, the listing does not offer it either.
      await page.locator('main a[href="/"]').click();
      await page.getByTestId('documents-card').waitFor();
      expect(await page.getByTestId('documents-card').locator(`a[href="${documentPath(peerReview)}"]`).count()).toBe(0);
      await page.context().close();
    } finally {
      await api('demo-headteacher', path, { method: 'DELETE' });
    }
  });
});
