/**
 * The real server as main.ts assembles it (startApp: database, access layer, sync core with its
 * worker-thread document store, /api mount) on port 0 over a temp data dir, loaded with the demo
 * directory and the demo documents' content.
 * Sign-ins go through the real /api/auth/login; sockets are the stock y-websocket client.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { DEMO_PASSWORD, seedDemoDocument, type DemoDataset } from '@cydweithio/model';
import { startApp } from '@cydweithio/sync-server/app';
import { fastScryptParams } from '@cydweithio/sync-server/auth/password';
import { loadDemoDirectory } from '@cydweithio/sync-server/directory/demo';
import { openDatabase, type OpenDatabase } from '@cydweithio/sync-server/db/open';
import type { RunningServer } from '@cydweithio/sync-server/server';
import { makeDataDir, quietLogger } from '../../sync/helpers/server';
import { waitFor } from '../../sync/helpers/wait';
import { demoDataset } from './demo';

export type DocKind = 'self-evaluation' | 'peer-review' | 'workspace' | 'development-plan' | 'progress-review';

export interface AccessServer {
  server: RunningServer;
  dataDir: string;
  /** The app's own database (directory, sessions): for tests that change what a route would. */
  database: OpenDatabase;
  dataset: DemoDataset;
  docOf(kind: DocKind): string;
  /** The Cookie header for a demo person (signed in through the real route, once). */
  cookieOf(personId: string): Promise<string>;
  /** A new session for a demo person (a sign-in of its own, not shared with cookieOf). */
  signIn(personId: string): Promise<string>;
  /** A same-origin API call as a demo person. */
  api(personId: string, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Server and access options a test may change (e.g. a short session lifetime, a fast liveness sweep). */
export interface AccessServerOptions {
  sessionTtlMs?: number;
  pingIntervalMs?: number;
  idleMs?: number;
  /** TRUST_PROXY: believe X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy?: boolean;
  /** A built web app to serve (the pages' headers). */
  staticDir?: string;
}

export async function startAccessServer(options: AccessServerOptions = {}): Promise<AccessServer> {
  const data = makeDataDir('cyd-access-');
  const database = openDatabase(data.dir);
  const dataset = demoDataset();
  await loadDemoDirectory(database.sql, dataset, fastScryptParams);
  const server = await startApp({
    database,
    logger: quietLogger,
    idleMs: options.idleMs ?? 60_000,
    ...(options.pingIntervalMs ? { pingIntervalMs: options.pingIntervalMs } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    access: { scryptParams: fastScryptParams, demoMode: true, ...(options.sessionTtlMs ? { sessionTtlMs: options.sessionTtlMs } : {}) },
  });
  for (const demo of dataset.documents) seedDemoDocument(await server.sync.getDoc(demo.record.id), demo);

  const cookies = new Map<string, string>();
  const cookieOf = async (personId: string): Promise<string> => {
    const cached = cookies.get(personId);
    if (cached) return cached;
    const cookie = await signIn(personId);
    cookies.set(personId, cookie);
    return cookie;
  };
  const signIn = async (personId: string): Promise<string> => {
    const person = dataset.people.find((p) => p.id === personId);
    if (!person) throw new Error(`no demo person ${personId}`);
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: person.email, password: DEMO_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`sign-in of ${personId}: ${response.status}`);
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  return {
    server,
    dataDir: data.dir,
    database,
    dataset,
    docOf: (kind) => {
      const found = dataset.documents.find((d) => d.record.kind === kind);
      if (!found) throw new Error(`no demo ${kind}`);
      return found.record.id;
    },
    cookieOf,
    signIn,
    api: async (personId, path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', await cookieOf(personId));
      headers.set('origin', server.url);
      return fetch(`${server.url}${path}`, { ...init, headers });
    },
    close: async () => {
      await server.close();
      database.close();
      data.remove();
    },
  };
}

/** A ws class that sends fixed headers (the session cookie, an Origin) on the upgrade. */
export function webSocketWith(headers: Record<string, string>): new (url: string | URL, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export interface SignedInClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes seen by this client's sockets, in order. */
  closes: number[];
  /** Messages of the y-protocols auth type (permission denied) received. */
  denied: number;
  destroy(): void;
}

/** The stock y-websocket client, signed in by cookie. Reconnection is off so closes are final. */
export function connectAs(server: RunningServer, docId: string, cookie: string, extraHeaders: Record<string, string> = {}, doc = new Y.Doc()): SignedInClient {
  const provider = new WebsocketProvider(server.syncUrl, docId, doc, {
    WebSocketPolyfill: webSocketWith({ cookie, ...extraHeaders }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 100_000,
  });
  const client: SignedInClient = { doc, provider, closes: [], denied: 0, destroy: () => { provider.destroy(); doc.destroy(); } };
  provider.on('connection-close', (event) => {
    if (event) client.closes.push(event.code);
    // A permanent close: the stock client would retry; a real client stops on these codes.
    provider.shouldConnect = false;
  });
  provider.on('connection-error', () => {
    provider.shouldConnect = false;
  });
  return client;
}

export async function syncedOrRefused(client: SignedInClient): Promise<'synced' | 'refused'> {
  await waitFor(() => client.provider.synced || client.closes.length > 0 || !client.provider.shouldConnect, 'synced or refused');
  return client.provider.synced ? 'synced' : 'refused';
}
