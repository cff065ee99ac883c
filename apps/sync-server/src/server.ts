/**
 * Server assembly: the Hono app (health, metrics, mounted API, static web app) on
 * @hono/node-server, plus the WebSocket server for `/sync/<docId>` on the same port. Access is
 * decided on the HTTP upgrade (SPEC S1-S2); the sync core does the rest.
 */
import type { Server } from 'node:http';
import type { NudgeListener, NudgeTopic } from './sync/nudges';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { createAdaptorServer } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import { SYNC_PATH_PREFIX } from '@cydweithio/model';
import { createLogger, type Logger } from './observability/logger';
import { createSyncMetrics, type SyncMetrics } from './observability/metrics';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { securityHeaders } from './routes/middleware/security-headers';
import type { DocStore } from './storage/doc-store';
import { WorkerDocStore } from './storage/worker-doc-store';
import type { ConnectionAuthorizer } from './sync/access';
import { defaultSyncLimits, type SyncLimits } from './sync/limits';
import type { Connection } from './sync/connection';
import { LivenessSweep } from './sync/liveness';
import { SyncCore, type RecheckScope, type SessionScope } from './sync/sync-core';
import { createUpgradeHandler } from './sync/upgrade';
import { WebSocketInboxes } from './sync/ws-peer';
import { DEFAULT_COMPACTION_MIN_UPDATES } from './storage/compaction';
import type { FanoutFactory } from './sync/fanout/fanout';

/** See SPEC S10: the figures that chose it are in BENCHMARKS.md. */
export const DEFAULT_COMMIT_INTERVAL_MS = 4;

export interface ServerOptions {
  /**
   * Where the SQLite file lives: startServer opens it in a worker thread (WorkerDocStore) and
   * close() closes it. Ignored when `store` is given.
   */
  dataDir?: string;
  /** A store owned by the caller (not closed by close()). */
  store?: DocStore;
  authorizer: ConnectionAuthorizer;
  logger?: Logger;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The built web app (apps/web/dist), served with SPA fallback to index.html. */
  staticDir?: string;
  /** Adds routes (e.g. `app.route('/api', accessLayer.routes)`) before the static fallback. */
  mount?: (app: Hono) => void;
  /** Idle documents unload after this long without sockets. Default 30 s. */
  idleMs?: number;
  /** Documents nobody has written to for this long keep their content as bytes (SPEC S22). Default 30 s. */
  coldAfterMs?: number;
  maxResidentDocs?: number;
  compactionMinUpdates?: number;
  /** Group-commit delay; 0 = next turn of the event loop. */
  commitDelayMs?: number;
  /** The least time between the starts of two commits (SPEC S10). Default 4 ms. */
  commitIntervalMs?: number;
  /** The liveness sweep's period (SPEC S24): a socket that misses a ping is cut at the next. Default 30 s. */
  pingIntervalMs?: number;
  /** How long a person keeps a presence id after their socket closed (SPEC S25). Default 10 minutes. */
  presenceHoldMs?: number;
  limits?: Partial<SyncLimits>;
  /** Believe X-Forwarded-Proto from the proxy in front (TRUST_PROXY): HSTS and Secure cookies behind TLS. */
  trustProxy?: boolean;
  /** Sync origins elsewhere the web app may connect to, besides this host's own (CSP connect-src). */
  connectOrigins?: readonly string[];
  /** Other instances serving the same documents (REDIS_URL, SPEC S55): see sync/fanout. */
  fanout?: FanoutFactory;
}

export interface SyncHandle {
  recheck(scope?: RecheckScope): Promise<{ checked: number; revoked: number }>;
  /** Closes the sockets of ended sessions (sign-out) or of removed people with `sessionEnded` (SPEC S23). */
  endSessions(scope: SessionScope): number;
  getDoc(docId: string): Promise<Y.Doc>;
  erase(docId: string): Promise<void>;
  /** Tells the document's sockets that asked (and other instances') that its comments changed (A107). */
  commentsChanged(docId: string): void;
  /** S63: tells every instance's listeners that a watched topic changed. */
  nudge(topic: NudgeTopic): void;
  /** S63: listens for nudges on this instance; returns the stop. */
  onNudge(listener: NudgeListener): () => void;
  residentCount(): number;
  /** Resident documents held as bytes (SPEC S22). */
  coldCount(): number;
  /** Makes quiet documents cold now rather than at the next sweep (tests and tools). */
  freezeQuietDocuments(now?: number): number;
  connectionCount(): number;
  /** Resolves when everything applied so far is committed and acknowledged (SPEC S9-S10). */
  flush(): Promise<void>;
  /** Other instances' updates held here and not yet known to be committed (SPEC S57-S58); 0 without fan-out. */
  pendingRemote(): number;
}

export interface RunningServer {
  /** http://host:port */
  url: string;
  /** ws://host:port/sync: append `/<docId>` (the y-websocket client does). */
  syncUrl: string;
  port: number;
  app: Hono;
  sync: SyncHandle;
  metrics: SyncMetrics;
  store: DocStore;
  close(): Promise<void>;
}

export interface CreateServerOptions extends Omit<ServerOptions, 'dataDir' | 'store'> {
  store: DocStore;
  /** close() also closes the store (startServer sets it for the store it opened). Default false. */
  closeStoreOnClose?: boolean;
}

export interface CreatedServer extends Omit<RunningServer, 'url' | 'syncUrl' | 'port'> {
  httpServer: Server;
}

/** Assembles the server around an opened store, without listening (startServer listens). */
export function createServer(options: CreateServerOptions): CreatedServer {
  const logger = options.logger ?? createLogger('info');
  const store = options.store;
  const limits: SyncLimits = { ...defaultSyncLimits, ...options.limits };
  let shuttingDown = false;
  // The gauges read the core lazily (at scrape time), so the core may be built after them.
  const metrics = createSyncMetrics({ connections: () => sync.connectionCount(), residentDocuments: () => sync.residentCount(), coldDocuments: () => sync.coldCount() });
  const sync = new SyncCore({
    store,
    authorizer: options.authorizer,
    logger,
    metrics,
    limits,
    idleMs: options.idleMs ?? 30_000,
    coldAfterMs: options.coldAfterMs ?? 30_000,
    maxResidentDocs: options.maxResidentDocs ?? 1_000,
    compactionMinUpdates: options.compactionMinUpdates ?? DEFAULT_COMPACTION_MIN_UPDATES,
    commitDelayMs: options.commitDelayMs ?? 0,
    commitIntervalMs: options.commitIntervalMs ?? DEFAULT_COMMIT_INTERVAL_MS,
    presenceHoldMs: options.presenceHoldMs ?? 10 * 60_000,
    fanout: options.fanout,
  });

  const app = new Hono();
  // First, so that every response (API, pages, files, health, errors) carries them (ACCESS.md A80).
  app.use('*', securityHeaders({ trustProxy: options.trustProxy ?? false, connectOrigins: options.connectOrigins ?? [] }));
  const startedAt = Date.now();
  app.route('/healthz', healthRoutes({ startedAt, shuttingDown: () => shuttingDown, residentDocuments: () => sync.residentCount(), connections: () => sync.connectionCount() }));
  app.route('/metrics', metricsRoutes(metrics.registry));
  options.mount?.(app);
  if (options.staticDir) serveWebApp(app, resolve(options.staticDir), logger);

  const httpServer = createAdaptorServer({ fetch: app.fetch }) as Server;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
  const liveness = new LivenessSweep(wss, options.pingIntervalMs ?? 30_000, (count) => logger.info({ count }, 'unresponsive sockets terminated'));
  const inboxes = new WebSocketInboxes<Connection>((connection, error) => sync.socketError(connection, error));
  httpServer.on('upgrade', createUpgradeHandler({ wss, authorizer: options.authorizer, core: sync, liveness, inboxes, logger, isShuttingDown: () => shuttingDown }));

  const close = async (): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    liveness.stop();
    await sync.shutdown();
    await closeSockets(wss);
    await new Promise<void>((done) => {
      httpServer.close(() => done());
      httpServer.closeAllConnections();
    });
    if (options.closeStoreOnClose) await store.close();
    logger.info('server closed');
  };

  const handle: SyncHandle = {
    recheck: (scope) => sync.recheck(scope),
    endSessions: (scope) => sync.endSessions(scope),
    getDoc: (docId) => sync.getDoc(docId),
    erase: (docId) => sync.erase(docId),
    commentsChanged: (docId) => sync.commentsChanged(docId),
    nudge: (topic) => sync.nudge(topic),
    onNudge: (listener) => sync.onNudge(listener),
    residentCount: () => sync.residentCount(),
    coldCount: () => sync.coldCount(),
    freezeQuietDocuments: (now) => sync.freezeQuietDocuments(now),
    connectionCount: () => sync.connectionCount(),
    flush: () => sync.flush(),
    pendingRemote: () => sync.pendingRemote(),
  };
  return { app, sync: handle, metrics, store, httpServer, close };
}

/**
 * Opens the store (unless one is given), creates the server and listens; resolves once the port
 * is bound. A store opened here from `dataDir` is closed by close(), or at once if listening fails.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { dataDir, store: givenStore, ...rest } = options;
  if (!givenStore && !dataDir) throw new Error('startServer: give a dataDir or a store');
  const store = givenStore ?? (await WorkerDocStore.open(dataDir ?? ''));
  const ownsStore = !givenStore;
  const created = createServer({ ...rest, store, closeStoreOnClose: ownsStore });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolveListen, reject) => {
      created.httpServer.once('error', reject);
      created.httpServer.listen(options.port ?? 0, host, () => resolveListen());
    });
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
  const port = (created.httpServer.address() as AddressInfo).port;
  const origin = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const { httpServer: _httpServer, ...running } = created;
  return { ...running, url: `http://${origin}`, syncUrl: `ws://${origin}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`, port };
}

/** Waits briefly for close handshakes (sent with CloseCode.shuttingDown), then cuts the rest. */
async function closeSockets(wss: WebSocketServer): Promise<void> {
  const deadline = Date.now() + 1_000;
  while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
  for (const ws of wss.clients) ws.terminate();
  await new Promise<void>((done) => wss.close(() => done()));
}

/** The built web app on the same origin, with SPA fallback to index.html for client routes. */
function serveWebApp(app: Hono, staticDir: string, logger: Logger): void {
  const index = join(staticDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ staticDir }, 'no built web app (index.html missing); serving the API only');
    return;
  }
  app.use('*', serveStatic({ root: staticDir }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith(SYNC_PATH_PREFIX)) return next();
    return serveStatic({ path: index })(c, next);
  });
}

