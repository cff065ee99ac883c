/**
 * Our real server (SQLite store, group commit, durable ack after commit) with the open test
 * authorizer instead of sessions, so load and fault tools need no sign-in. Everything after the
 * upgrade is production code. Env: PORT, DATA_DIR, IDLE_MS (idle unload), COLD_MS (documents
 * nobody writes to go cold, SPEC S22), COMMIT_INTERVAL_MS (SPEC S10), LOG_LEVEL.
 */
import { startServer } from '@cydweithio/sync-server/server';
import { openAuthorizer } from '@cydweithio/sync-server/sync/open-authorizer';
import { createLogger } from '@cydweithio/sync-server/observability/logger';
import { announceReady, portFromEnv } from './child-ipc.js';

const dataDir = process.env['DATA_DIR'];
if (!dataDir) throw new Error('ours.ts needs DATA_DIR');
const server = await startServer({
  dataDir,
  authorizer: openAuthorizer,
  logger: createLogger(process.env['LOG_LEVEL'] ?? 'warn'),
  port: portFromEnv(),
  host: '127.0.0.1',
  idleMs: Number(process.env['IDLE_MS'] ?? 30_000),
  coldAfterMs: Number(process.env['COLD_MS'] ?? 30_000),
  ...(process.env['COMMIT_INTERVAL_MS'] ? { commitIntervalMs: Number(process.env['COMMIT_INTERVAL_MS']) } : {}),
});
announceReady(server.port, () => server.sync.residentCount(), () => server.sync.flush());
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
