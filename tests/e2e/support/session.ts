/**
 * The real server and one Chromium for a whole test file: started before its first test,
 * closed after its last. The callback hands both to the file's own variables.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { ensureWebBuilt } from './build';
import { startE2eServer, type E2eServer } from './server';

export function serverAndBrowserPerFile(ready: (server: E2eServer, browser: Browser) => void): void {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startE2eServer();
    browser = await launchBrowser();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
