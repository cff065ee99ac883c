/**
 * A real Cydweithio server for browser tests: SQLite in a temp dir, the access layer with the
 * demo directory, demo document content seeded, and the built web app served from apps/web/dist.
 * Composed by the same startApp as apps/sync-server/src/main.ts, on port 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoDocument, DEMO_PASSWORD, type DemoDataset } from '@cydweithio/model/demo/index';
import { readDemoDataset } from '@cydweithio/sync-server/cli/source-data';
import { openDatabase } from '@cydweithio/sync-server/db/open';
import { startApp, type RunningApp } from '@cydweithio/sync-server/app';
import { loadDemoDirectory } from '@cydweithio/sync-server/directory/demo';
import { seedDemoCycle } from '@cydweithio/sync-server/cli/seed';
import { fastScryptParams } from '@cydweithio/sync-server/auth/password';
import { createLogger } from '@cydweithio/sync-server/observability/logger';
import { webDist } from './paths';

export { DEMO_PASSWORD };

let dataset: DemoDataset | undefined;

/** Built once per worker (its test files share its modules); each server gets a copy of its own. */
export function demoDataset(): DemoDataset {
  dataset ??= readDemoDataset();
  return structuredClone(dataset);
}

export interface E2eServer {
  url: string;
  /** The composed app: its sync core, records, log deriver and action reminder sweep. */
  running: RunningApp;
  dataset: DemoDataset;
  /** Email of a named demo person, e.g. emailOf('demo-headteacher'). */
  emailOf(personId: string): string;
  docOf(kind: 'self-evaluation' | 'peer-review' | 'workspace'): string;
  close(): Promise<void>;
}

export async function startE2eServer(): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cyd-e2e-'));
  const logger = createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent');
  const database = openDatabase(dir);
  const data = demoDataset();
  await loadDemoDirectory(database.sql, data, fastScryptParams);
  const server = await startApp({
    database,
    logger,
    staticDir: webDist,
    access: { demoMode: true, scryptParams: fastScryptParams },
  });
  for (const demo of data.documents) seedDemoDocument(await server.sync.getDoc(demo.record.id), demo);
  await seedDemoCycle(database.sql, server.records, data, (id) => server.sync.getDoc(id));
  return {
    url: server.url,
    running: server,
    dataset: data,
    emailOf: (personId) => {
      const person = data.people.find((p) => p.id === personId);
      if (!person) throw new Error(`no demo person ${personId}`);
      return person.email;
    },
    docOf: (kind) => {
      const found = data.documents.find((d) => d.record.kind === kind);
      if (!found) throw new Error(`no demo ${kind}`);
      return found.record.id;
    },
    close: async () => {
      await server.close();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
