/** A real sync server on port 0 over a real SQLite file in a temp dir, with the open test authorizer. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '@cydweithio/sync-server/server';
import { openAuthorizer } from '@cydweithio/sync-server/sync/open-authorizer';
import { readStoredRows } from '@cydweithio/sync-server/db/inspect';
import { createLogger } from '@cydweithio/sync-server/observability/logger';

export const quietLogger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

export function makeDataDir(prefix = 'cyd-sync-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function startTestServer(dataDir: string, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({ dataDir, authorizer: openAuthorizer, logger: quietLogger, idleMs: 200, ...options });
}

/** What is on disk right now (read-only). */
export const storedRows = readStoredRows;

let counter = 0;
/** A fresh valid document id (DOC_ID_PATTERN). */
export function newDocId(kind = 'workspace'): string {
  counter += 1;
  return `${kind}:t${process.pid}x${counter}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * For a describe block whose tests each start their own server: returns the starter and the
 * cleanup list; after each test, everything on the list (servers, data dirs, whatever the test
 * added) is undone, newest first.
 */
export function serversPerTest(): {
  server: (options?: Partial<ServerOptions>) => Promise<{ running: RunningServer; dataDir: string }>;
  cleanups: (() => unknown)[];
} {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const server = async (options: Partial<ServerOptions> = {}) => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const running = await startTestServer(data.dir, options);
    cleanups.push(() => running.close());
    return { running, dataDir: data.dir };
  };
  return { server, cleanups };
}
