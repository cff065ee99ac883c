/**
 * Web client benchmark (not a test): prints
 *  - the gzipped size of the JavaScript the first page (sign-in) loads, and of the document screen;
 *  - time from navigation to an editable peer-review document in Chromium, cold (empty cache,
 *    no IndexedDB copy) and cached-offline (after one visit, with the network off).
 * Run: npx -y pnpm@10 --filter @cydweithio/tests exec tsx bench/web.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureWebBuilt } from '../e2e/support/build';
import { launchBrowser, newContext } from '../e2e/support/browser';
import { demoIds, documentPath } from '../e2e/support/demo';
import { webDist } from '../e2e/support/paths';
import { waitForOfflineShell } from '../e2e/support/offlineShell';
import { DEMO_PASSWORD, startE2eServer } from '../e2e/support/server';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

function gzippedBytes(urls: Iterable<string>): number {
  let total = 0;
  for (const url of urls) total += gzipSync(readFileSync(join(webDist, new URL(url).pathname))).length;
  return total;
}

/**
 * Every script a page loads until it is ready and the network has gone quiet, so chunks a
 * screen fetches after its first paint (a card loaded on demand, a catalogue area) count too.
 */
async function scriptsLoadedBy(page: Page, path: string, ready: string): Promise<Set<string>> {
  const scripts = new Set<string>();
  const listener = (response: { url(): string }) => {
    if (response.url().endsWith('.js') && !response.url().endsWith('/sw.js')) scripts.add(response.url());
  };
  page.on('response', listener);
  await page.goto(path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  page.off('response', listener);
  return scripts;
}

async function timeToEditable(page: Page, path: string): Promise<number> {
  const start = Date.now();
  await page.goto(path);
  await page.locator('[data-testid="peer-review-notes"] [contenteditable="true"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => (document.querySelector('[data-testid="peer-review-notes"]')?.textContent ?? '').length > 0);
  return Date.now() - start;
}

async function signedInContext(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string, email: string): Promise<BrowserContext> {
  const context = await newContext(browser, url);
  const response = await context.request.post(`${url}/api/auth/login`, { data: { email, password: DEMO_PASSWORD }, headers: { origin: url } });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
  return context;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

ensureWebBuilt();
const server = await startE2eServer();
const browser = await launchBrowser();
try {
  const { peerReview } = demoIds(server.dataset);
  const email = server.emailOf('demo-headteacher');

  const first = await (await newContext(browser, server.url)).newPage();
  const signInScripts = await scriptsLoadedBy(first, '/sign-in', '#email');
  const docPage = await (await signedInContext(browser, server.url, email)).newPage();
  const documentScripts = await scriptsLoadedBy(docPage, documentPath(peerReview), '[data-testid="peer-review-notes"] [contenteditable="true"]');
  const documentBytes = gzippedBytes(documentScripts);
  console.log(`first page (sign-in) JS: ${signInScripts.size} files, ${(gzippedBytes(signInScripts) / 1024).toFixed(1)} KiB gzipped`);
  // Issue 11's target for the document screen: 180 KB (kilobytes: 175.8 KiB).
  console.log(`document screen JS:      ${documentScripts.size} files, ${(documentBytes / 1024).toFixed(1)} KiB gzipped (target ≤ 180 KB: ${documentBytes <= 180_000 ? 'met' : 'not met'})`);
  // `--files` lists the document screen's chunks, largest first: where to look when it grows.
  if (process.argv.includes('--files')) {
    const sized = [...documentScripts].map((url) => ({ name: new URL(url).pathname, bytes: gzippedBytes([url]) })).sort((a, b) => b.bytes - a.bytes);
    for (const { name, bytes } of sized) console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} KiB  ${name}`);
  }

  const cold: number[] = [];
  const offline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await signedInContext(browser, server.url, email);
    const page = await context.newPage();
    cold.push(await timeToEditable(page, documentPath(peerReview)));
    await waitForOfflineShell(page);
    await context.setOffline(true);
    offline.push(await timeToEditable(page, documentPath(peerReview)));
    await context.close();
  }
  console.log(`navigation -> editable document, cold:           median ${median(cold)} ms (runs: ${cold.join(', ')})`);
  console.log(`navigation -> editable document, cached offline: median ${median(offline)} ms (runs: ${offline.join(', ')})`);
} finally {
  await browser.close();
  await server.close();
}
