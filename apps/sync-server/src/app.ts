/**
 * The whole product on one database: the sync core, the access layer (sessions, policy, HTTP
 * API) and the record layer, composed once. The start command and the browser tests both use
 * it, so what the tests prove is what people run.
 */
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { createAccessLayer } from './access/layer';
import type { SyncControl } from './access/context';
import type { AccessLayerOptions } from './access/services';
import type { OpenDatabase } from './db/open';
import type { PgDatabase } from './db/postgres/open';
import { PgDocStore } from './storage/pg-doc-store';
import { RecordService } from './records/record-service';
import { SqlRecordStore } from './records/sql-record-store';
import { laPictureDigester } from './overview/record-digest';
import { startServer, type RunningServer, type ServerOptions } from './server';
import type { LogDeriver } from './activity/log-deriver';
import type { ActionReminderSweep } from './notifications/action-reminder-sweep';

export interface AppOptions extends Omit<ServerOptions, 'dataDir' | 'store' | 'authorizer' | 'mount' | 'logger'> {
  /** The embedded SQLite file (default) or PostgreSQL (DATABASE_URL, SPEC S50). */
  database: OpenDatabase | PgDatabase;
  logger: Logger;
  access?: Omit<AccessLayerOptions, 'sql' | 'sync' | 'records' | 'logger'>;
  /** How often the update log is read into search text and section changes (A121). Default 500 ms. */
  activityPollMs?: number;
  /** A150: how often actions falling due are swept for reminders (ACTION_REMINDER_INTERVAL_SECONDS). Default 15 minutes. */
  actionReminderIntervalMs?: number;
}

export interface RunningApp extends RunningServer {
  /** The record layer (agreed versions), for seeding and tools. */
  records: RecordService;
  /** The update log's reader (search text, section changes): tests and tools call catchUp(). */
  deriver: LogDeriver;
  /** Reminders of actions falling due (A149): tests and tools call sweep(). */
  actionReminders: ActionReminderSweep;
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { database, logger, access: accessOptions, activityPollMs, actionReminderIntervalMs, ...serverOptions } = options;
  // The access layer needs the sync core's controls, and the sync core needs the access layer's
  // authorizer: the controls forward to the server once it has started.
  const holder: { running?: RunningServer } = {};
  const started = (): RunningServer => {
    if (!holder.running) throw new Error('the sync server has not started yet');
    return holder.running;
  };
  const sync: SyncControl = {
    recheck: (scope) => started().sync.recheck(scope),
    endSessions: (scope) => started().sync.endSessions(scope),
    getDoc: (docId) => started().sync.getDoc(docId),
    erase: (docId) => started().sync.erase(docId),
    commentsChanged: (docId) => started().sync.commentsChanged(docId),
    nudge: (topic) => started().sync.nudge(topic),
    onNudge: (listener) => started().sync.onNudge(listener),
  };
  // O34: every agreement is saved with the LA picture's digest of the record.
  const records = new RecordService(new SqlRecordStore(database.sql), laPictureDigester);
  // One TRUST_PROXY for the headers (server) and the cookies and client addresses (access layer).
  const trustProxy = accessOptions?.trustProxy ?? serverOptions.trustProxy ?? false;
  const access = createAccessLayer({ ...accessOptions, trustProxy, sql: database.sql, sync, records, logger });
  const running = await startServer({
    ...serverOptions,
    trustProxy,
    // On SQLite the documents get their own connection to the same file, in a worker thread
    // (SPEC S21): the server opens it there and closes it on close(). The migrations already ran
    // here. On PostgreSQL they share the pool, closed with the database.
    ...('pool' in database ? { store: new PgDocStore(database.pool) } : { dataDir: dirname(database.path) }),
    authorizer: access.authorizer,
    logger,
    mount: (app) => {
      app.route('/api', access.routes);
      app.route('/summary', access.publicRoutes);
    },
  });
  holder.running = running;
  const stopSweep = access.startRetentionSweep();
  access.deriver.start(activityPollMs ?? 500);
  // A150: once shortly after start (after the deriver's first passes), then on the interval.
  const stopReminders = access.actionReminders.start(actionReminderIntervalMs);
  // O35: records saved before digests (or in an older format) get theirs in the background; an
  // overview meanwhile computes any it still lacks, so nothing waits on this.
  let closing = false;
  const backfill = records.backfillDigests(() => closing)
    .then((written) => { if (written > 0) logger.info({ written }, 'record digests written'); })
    .catch((err: unknown) => logger.warn({ err }, 'record digest backfill failed'));
  const close = running.close.bind(running);
  // The deriver stops before the server closes, so no pass reads a database being closed.
  return Object.assign(running, {
    records, deriver: access.deriver, actionReminders: access.actionReminders,
    close: async () => { closing = true; stopSweep(); await stopReminders(); await backfill; await access.deriver.stop(); await close(); },
  });
}
