/**
 * A real Cydweithio server for browser tests: SQLite in a temp dir, the access layer with the
 * demo directory, demo document content seeded, and the built web app served from apps/web/dist.
 * Composed like apps/sync-server/src/main.ts, on port 0.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDemoDataset, seedDemoDocument, DEMO_PASSWORD, type DemoDataset } from '@cydweithio/model/demo/index';
import { startServer, type RunningServer } from '@cydweithio/sync-server/server';
import { openDatabase } from '@cydweithio/sync-server/db/open';
import { SqliteDocStore } from '@cydweithio/sync-server/storage/sqlite-doc-store';
import { createAccessLayer } from '@cydweithio/sync-server/access/layer';
import type { SyncControl } from '@cydweithio/sync-server/access/context';
import { loadDemoDirectory } from '@cydweithio/sync-server/directory/demo';
import { fastScryptParams } from '@cydweithio/sync-server/auth/password';
import { createLogger } from '@cydweithio/sync-server/observability/logger';
import { repoRoot, webDist } from './paths';

export { DEMO_PASSWORD };

let dataset: DemoDataset | undefined;

export function demoDataset(): DemoDataset {
  const dataDir = resolve(repoRoot, '../shared/data');
  const read = (name: string) => readFileSync(join(dataDir, name), 'utf8');
  dataset ??= buildDemoDataset({
    lasCsv: read('wales-local-authorities.csv'),
    schoolsEnCsv: read('wg-schools-maintained-2022-06.en.csv'),
    schoolsCyCsv: read('wg-schools-maintained-2022-06.cy.csv'),
    schools2026Json: read('welsh-schools-2026-04.json'),
  });
  return dataset;
}

export interface E2eServer {
  url: string;
  running: RunningServer;
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
  const store = SqliteDocStore.fromDatabase(database);
  // The access layer needs the sync controls before the server that provides them exists.
  const holder: { running?: RunningServer } = {};
  const started = (): RunningServer => {
    if (!holder.running) throw new Error('server not started');
    return holder.running;
  };
  const sync: SyncControl = {
    recheck: (scope) => started().sync.recheck(scope),
    getDoc: (docId) => started().sync.getDoc(docId),
    erase: (docId) => started().sync.erase(docId),
  };
  const access = createAccessLayer({ db: database.db, sync, logger, demoMode: true, scryptParams: fastScryptParams });
  const data = demoDataset();
  await loadDemoDirectory(database.db, data, fastScryptParams);
  const server = await startServer({
    store,
    authorizer: access.authorizer,
    logger,
    staticDir: webDist,
    mount: (app) => app.route('/api', access.routes),
  });
  holder.running = server;
  for (const demo of data.documents) seedDemoDocument(await server.sync.getDoc(demo.record.id), demo);
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
