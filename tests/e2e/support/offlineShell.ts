import type { Page } from 'playwright-core';

/**
 * Waits until the page is controlled by the service worker and every file of this build's
 * precache manifest is in its cache, so a reload works offline. A controller alone is not
 * enough: the worker may take the page while its cache is still filling.
 *
 * A loop over page.evaluate rather than page.waitForFunction: waitForFunction takes the promise
 * an async predicate returns as a truthy answer and returns at once.
 */
export async function waitForOfflineShell(page: Page, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await page.evaluate(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const manifest = (await (await fetch('/precache-manifest.json', { cache: 'no-store' })).json()) as { files: string[] };
      // caches.match, not caches.open: opening would create the cache the worker is filling.
      const cached = await Promise.all(manifest.files.map((f) => caches.match(f)));
      return manifest.files.length > 0 && cached.every(Boolean);
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the service worker did not precache the shell in time');
    await page.waitForTimeout(250);
  }
}
