/**
 * Our real server (SQLite store, group commit, durable ack after commit) with the open test
 * authorizer instead of sessions, so load and fault tools need no sign-in. Everything after the
 * upgrade is production code. Env: PORT, DATA_DIR, IDLE_MS (idle unload), COLD_MS (documents
 * nobody writes to go cold, SPEC S22), COMMIT_INTERVAL_MS (SPEC S10), LOG_LEVEL; for scale-out
 * (SPEC S50-S62) DATABASE_URL (PostgreSQL instead of the SQLite file), REDIS_URL and REDIS_PREFIX
 * (fan-out to the other instances).
 */
import { startServer } from '@cydweithio/sync-server/server';
import { createPool, migratePg } from '@cydweithio/sync-server/db/postgres/open';
import { PgDocStore } from '@cydweithio/sync-server/storage/pg-doc-store';
import { redisFanout } from '@cydweithio/sync-server/sync/fanout/redis-fanout';
import { openAuthorizer } from '@cydweithio/sync-server/sync/open-authorizer';
import { createLogger } from '@cydweithio/sync-server/observability/logger';
import { announceReady, portFromEnv } from './child-ipc.js';

const dataDir = process.env['DATA_DIR'];
const databaseUrl = process.env['DATABASE_URL'];
const redisUrl = process.env['REDIS_URL'];
if (!dataDir && !databaseUrl) throw new Error('ours.ts needs DATA_DIR or DATABASE_URL');
const logger = createLogger(process.env['LOG_LEVEL'] ?? 'warn');
const pool = databaseUrl ? createPool(databaseUrl) : undefined;
if (pool) await migratePg(pool);
const server = await startServer({
  ...(pool ? { store: new PgDocStore(pool) } : { dataDir: dataDir ?? '' }),
  ...(redisUrl ? { fanout: redisFanout(redisUrl, process.env['REDIS_PREFIX'] ?? 'cyd:', logger) } : {}),
  authorizer: openAuthorizer,
  logger,
  port: portFromEnv(),
  host: '127.0.0.1',
  idleMs: Number(process.env['IDLE_MS'] ?? 30_000),
  coldAfterMs: Number(process.env['COLD_MS'] ?? 30_000),
  ...(process.env['COMMIT_INTERVAL_MS'] ? { commitIntervalMs: Number(process.env['COMMIT_INTERVAL_MS']) } : {}),
  ...(process.env['MAX_CONNECTIONS_PER_DOCUMENT'] ? { limits: { maxConnectionsPerDocument: Number(process.env['MAX_CONNECTIONS_PER_DOCUMENT']) } } : {}),
});
announceReady(server.port, () => server.sync.residentCount(), () => server.sync.flush());
const stop = (): void => {
  void server.close().then(async () => {
    await pool?.end();
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
