/**
 * The access routes over a test database holding the demo directory, with a fake sync core
 * that records rechecks and serves seeded Y.Docs for export. Sign in as any demo person by id.
 */
import * as Y from 'yjs';
import { afterEach, vi } from 'vitest';
import { DEMO_PASSWORD, seedDemoDocument } from '@cydweithio/model/demo/index';
import type { RecheckScope, SyncControl } from '../../src/access/context';
import type { AccessLayerOptions } from '../../src/access/services';
import { fastScryptParams } from '../../src/auth/password';
import { loadDemoDirectory } from '../../src/directory/demo';
import { Nudges } from '../../src/sync/nudges';
import { makeApi } from './api';
import { demoDataset } from './demo';
import { signIn } from './people';

export function fakeSync() {
  const rechecks: RecheckScope[] = [];
  const erased: string[] = [];
  /** Documents whose sockets were told their comments changed (A107), in order. */
  const commentsChanged: string[] = [];
  const docs = new Map<string, Y.Doc>();
  for (const demo of demoDataset().documents) {
    const doc = new Y.Doc();
    seedDemoDocument(doc, demo);
    docs.set(demo.record.id, doc);
  }
  // The real nudge hub of one instance (S63): the event stream listens to it.
  const nudges = new Nudges();
  const nudged: string[] = [];
  const sync: SyncControl = {
    recheck: (scope) => { rechecks.push(scope); },
    getDoc: (docId) => {
      const doc = docs.get(docId) ?? new Y.Doc();
      docs.set(docId, doc);
      return doc;
    },
    erase: (docId) => { erased.push(docId); },
    commentsChanged: (docId) => { commentsChanged.push(docId); },
    nudge: (topic) => {
      nudged.push(topic);
      nudges.deliver(topic);
    },
    onNudge: (listener) => nudges.subscribe(listener),
  };
  return { sync, rechecks, erased, commentsChanged, nudged, nudges };
}

export async function makeDemoApi(options: Partial<AccessLayerOptions> = {}) {
  const fake = fakeSync();
  const api = await makeApi({ sync: fake.sync, demoMode: true, ...options });
  const dataset = demoDataset();
  await loadDemoDirectory(api.sql, dataset, fastScryptParams);
  const person = (id: string) => {
    const found = dataset.people.find((p) => p.id === id);
    if (!found) throw new Error(`no demo person ${id}`);
    return found;
  };
  const cookies = new Map<string, string>();
  /** The Cookie header of a signed-in session for a demo person (signed in once per test app). */
  const as = async (id: string): Promise<string> => {
    const cached = cookies.get(id);
    if (cached) return cached;
    const cookie = await signIn(api.app, person(id).email, DEMO_PASSWORD);
    cookies.set(id, cookie);
    return cookie;
  };
  const docOf = (kind: 'self-evaluation' | 'peer-review' | 'workspace') => {
    const found = dataset.documents.find((d) => d.record.kind === kind);
    if (!found) throw new Error(`no demo ${kind}`);
    return found.record.id;
  };
  /** A same-origin request as a demo person (state-changing calls carry Origin like a browser). */
  const request = async (id: string, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', await as(id));
    headers.set('origin', 'http://localhost');
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return api.app.request(`http://localhost${path}`, { ...init, headers });
  };
  return { ...api, ...fake, dataset, person, as, docOf, request };
}

export type DemoApi = Awaited<ReturnType<typeof makeDemoApi>>;

/**
 * For a test file whose tests each need a fresh demo API: returns the maker and closes what it
 * made after each test. Loading the demo directory takes seconds on CI, hence the timeout.
 */
export function demoApiPerTest(): (options?: Partial<AccessLayerOptions>) => Promise<DemoApi> {
  vi.setConfig({ testTimeout: 30_000 });
  let close: (() => void) | undefined;
  afterEach(() => {
    close?.();
    close = undefined;
  });
  return async (options) => {
    const api = await makeDemoApi(options);
    close = api.close;
    return api;
  };
}
