/**
 * Starts the server: env -> database (created on first start) -> access layer -> sync server.
 * Prints the URL to open. SIGINT/SIGTERM shut down gracefully (sockets closed with
 * CloseCode.shuttingDown, every pending update committed).
 */
import { readEnv } from './env';
import { openDatabase } from './db/open';
import { createLogger } from './observability/logger';
import { SqliteDocStore } from './storage/sqlite-doc-store';
import { createAccessLayer } from './access/layer';
import { RecordService } from './records/record-service';
import { SqliteRecordStore } from './records/sqlite-record-store';
import type { SyncControl } from './access/context';
import { startServer, type RunningServer } from './server';
import { demoSeeder, seedOnFirstStart } from './cli/seed';
import { storedDemoSignIns } from './directory/demo';

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
const database = openDatabase(env.DATA_DIR);
const store = SqliteDocStore.fromDatabase(database);

// The access layer needs the sync core's controls and the server needs the access layer's
// authorizer: the controls are bound once the server has started.
const holder: { running?: RunningServer } = {};
const started = (): RunningServer => {
  if (!holder.running) throw new Error('sync server not started yet');
  return holder.running;
};
const sync: SyncControl = {
  recheck: (scope) => started().sync.recheck(scope),
  getDoc: (docId) => started().sync.getDoc(docId),
  erase: (docId) => started().sync.erase(docId),
};
const access = createAccessLayer({
  db: database.db,
  sync,
  records: new RecordService(new SqliteRecordStore(database.db)),
  logger,
  allowedOrigins: env.ALLOWED_ORIGINS,
  demoMode: env.DEMO,
  ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
});

const running = await startServer({
  store,
  authorizer: access.authorizer,
  logger,
  port: env.PORT,
  host: env.HOST,
  staticDir: env.STATIC_DIR,
  idleMs: env.IDLE_UNLOAD_SECONDS * 1000,
  maxResidentDocs: env.MAX_RESIDENT_DOCS,
  mount: (app) => app.route('/api', access.routes),
});
holder.running = running;
if (env.DEMO) {
  await seedOnFirstStart(env.DATA_DIR, { store, sync: running.sync, logger }, demoSeeder(database.db, env.SOURCE_DATA_DIR));
}
const signIns = env.DEMO ? storedDemoSignIns(database.db) : [];

logger.info({ url: running.url, dataDir: env.DATA_DIR, demo: env.DEMO }, 'Cydweithio is running');
console.log(`\n  Cydweithio: open ${running.url}\n`);
if (signIns.length > 0) {
  console.log('  Demo sign-ins (demo data only; every demo account shares this password):');
  for (const signIn of signIns) console.log(`    ${signIn.role.padEnd(20)} ${signIn.email}  /  ${signIn.password}`);
  console.log('');
}

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  void started()
    .close()
    .then(() => {
      database.close();
      process.exit(0);
    });
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
