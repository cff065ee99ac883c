/**
 * Starts the server: env -> database (created on first start) -> the composed app (app.ts).
 * Prints the URL to open. SIGINT/SIGTERM shut down gracefully (sockets closed with
 * CloseCode.shuttingDown, every pending update committed).
 */
import { readEnv } from './env';
import { openDatabase } from './db/open';
import { openPgDatabase } from './db/postgres/open';
import { redisFanout } from './sync/fanout/redis-fanout';
import { createLogger } from './observability/logger';
import { startApp } from './app';
import { demoSeeder, seedOnFirstStart } from './cli/seed';
import { storedDemoSignIns } from './directory/demo';
import { HwbClient } from './auth/hwb/hwb-client';

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
// PostgreSQL when DATABASE_URL is set (SPEC S50); otherwise the embedded SQLite file in DATA_DIR.
const database = env.DATABASE_URL ? await openPgDatabase(env.DATABASE_URL) : openDatabase(env.DATA_DIR);
if (env.REDIS_URL && !env.DATABASE_URL) logger.warn('REDIS_URL without DATABASE_URL: other instances cannot share the SQLite file; use both');
// Discovery at start (IDENTITY.md H2); an unreachable provider is retried when someone signs in.
const hwb = env.hwb ? new HwbClient(env.hwb, logger) : undefined;
if (hwb) await hwb.start();
const running = await startApp({
  database,
  logger,
  port: env.PORT,
  host: env.HOST,
  staticDir: env.STATIC_DIR,
  idleMs: env.IDLE_UNLOAD_SECONDS * 1000,
  coldAfterMs: env.COLD_AFTER_SECONDS * 1000,
  maxResidentDocs: env.MAX_RESIDENT_DOCS,
  limits: { maxConnectionsPerDocument: env.MAX_CONNECTIONS_PER_DOCUMENT },
  pingIntervalMs: env.PING_INTERVAL_SECONDS * 1000,
  commitIntervalMs: env.COMMIT_INTERVAL_MS,
  actionReminderIntervalMs: env.ACTION_REMINDER_INTERVAL_SECONDS * 1000,
  trustProxy: env.TRUST_PROXY,
  ...(env.REDIS_URL ? { fanout: redisFanout(env.REDIS_URL, env.REDIS_PREFIX, logger) } : {}),
  access: {
    allowedOrigins: env.ALLOWED_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    demoMode: env.DEMO,
    ...(hwb ? { hwb } : {}),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
  },
});
if (env.DEMO) {
  const seeded = await seedOnFirstStart(env.DATA_DIR, { store: running.store, sync: running.sync, logger }, demoSeeder(database.sql, env.SOURCE_DATA_DIR, running.records));
  if (seeded) {
    // The demo's actions owned by its people are reminded at once (A150), not at the first
    // sweep: their text is derived from what was just written, then swept.
    await running.sync.flush();
    await running.deriver.catchUp();
    const swept = await running.actionReminders.sweep();
    logger.info({ told: swept.told }, 'first start: demo action reminders');
  }
}
const signIns = env.DEMO ? await storedDemoSignIns(database.sql) : [];

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
  void running
    .close()
    .then(async () => {
      await database.close();
      process.exit(0);
    });
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
