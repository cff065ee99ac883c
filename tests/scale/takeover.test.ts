/**
 * S58: nothing waits on a dead instance. Instance A takes an edit and publishes it, but cannot
 * commit it (its PostgreSQL connection is cut); instance B holds it from the stream. While A is
 * alive B leaves it to A; once A is SIGKILLed and its heartbeat lapses, B finds the edit missing
 * from PostgreSQL, commits it itself and stops waiting on it, so its own clients' acks flow again.
 * S65: an edit B takes on top of A's uncommitted one is committed with it, so the log on disk
 * never holds B's edit without what it was made on, whichever instance dies.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { startBalancer } from '@cydweithio/sync-server/cli/local-balancer';
import { startChildServer } from '../reliability/support/child-server.js';
import { OURS_SCRIPT } from '../reliability/support/our-server.js';
import { connectClient, type TestClient } from '../sync/helpers/provider';
import { newDocId } from '../sync/helpers/server';
import { sleep, waitFor } from '../sync/helpers/wait';
import { storedDocFromPg } from './support/pg-rows';
import { LOCAL_REDIS } from './support/redis';
import { useInstances } from './support/instances';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });
const instances = useInstances();

function client(syncUrl: string, docId: string): TestClient {
  const made = connectClient(syncUrl, docId);
  instances.cleanup(async () => made.destroy());
  return made;
}
const text = (c: TestClient) => c.doc.getText('body').toString();

async function storedText(url: string, docId: string): Promise<string> {
  const doc = await storedDocFromPg(url, docId);
  const stored = doc.getText('body').toString();
  doc.destroy();
  return stored;
}

async function doomedInstance(url: string, prefix: string) {
  // A reaches PostgreSQL through a proxy the test can cut; B (in this process) directly.
  const proxy = await startBalancer([{ host: '127.0.0.1', port: 5432 }]);
  instances.cleanup(() => proxy.close());
  const viaProxy = new URL(url);
  viaProxy.port = String(proxy.port);
  const doomed = await startChildServer({ script: OURS_SCRIPT, env: { DATABASE_URL: viaProxy.toString(), REDIS_URL: LOCAL_REDIS, REDIS_PREFIX: prefix, LOG_LEVEL: 'fatal' } });
  instances.cleanup(() => doomed.stop('SIGKILL').catch(() => undefined));
  return { proxy, doomed };
}

/** A's second edit reaches B through the stream while A cannot commit it. */
async function orphanOnB(survivorUrl: string, url: string, prefix: string) {
  const { proxy, doomed } = await doomedInstance(url, prefix);
  const docId = newDocId();
  const onA = client(`ws://127.0.0.1:${doomed.port}/sync`, docId);
  const onB = client(survivorUrl, docId);
  await waitFor(() => onA.provider.synced && onB.provider.synced, 'both clients synced');
  onA.doc.getText('body').insert(0, 'kept ');
  await waitFor(() => onA.saved() && text(onB) === 'kept ', 'the first edit saved by A and seen on B');
  await proxy.pause();
  onA.doc.getText('body').insert(0, 'orphan ');
  await waitFor(() => text(onB) === 'orphan kept ', 'the uncommitted edit to reach B through the stream');
  return { doomed, docId, onA, onB };
}

describe('S58: an instance that dies before committing', () => {
  it('S58: its published edit is left to it while it lives, then committed by the survivor', async () => {
    const { servers, url, prefix } = await instances.start(1);
    const survivor = servers[0]!;
    const { doomed, docId, onA } = await orphanOnB(survivor.syncUrl, url, prefix);
    // Past the 2 s after which B looks for it: A is alive (its heartbeat renews), so B leaves it.
    await sleep(3_000);
    expect(await storedText(url, docId)).toBe('kept ');
    expect(survivor.sync.pendingRemote()).toBe(1);
    expect(onA.saved()).toBe(false);

    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // Heartbeat gone (3 s), then the next settle pass (every second) commits it here.
    await waitFor(() => survivor.sync.pendingRemote() === 0, 'the survivor to take the orphaned edit over', 20_000);
    expect(await storedText(url, docId)).toBe('orphan kept ');
  });
});

describe('S65: an edit made on top of another instance\'s uncommitted one', () => {
  it('S65: is committed together with it, acknowledged without waiting for that instance, and the document loads anywhere after it dies', async () => {
    const { servers, url, prefix } = await instances.start(1);
    const survivor = servers[0]!;
    const { doomed, docId, onB } = await orphanOnB(survivor.syncUrl, url, prefix);
    expect(survivor.sync.pendingRemote()).toBe(1);
    // B's edit is made on A's: stored without it, the log could not be loaded (S15).
    onB.doc.getText('body').insert(0, 'mine ');
    await waitFor(() => onB.saved(), 'B to acknowledge its own edit while A is alive but cannot commit', 5_000);
    expect(await storedText(url, docId)).toBe('mine orphan kept ');
    expect(survivor.sync.pendingRemote()).toBe(0);

    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const fresh = await startChildServer({ script: OURS_SCRIPT, env: { DATABASE_URL: url, REDIS_URL: LOCAL_REDIS, REDIS_PREFIX: prefix, LOG_LEVEL: 'fatal' } });
    instances.cleanup(() => fresh.stop('SIGKILL').catch(() => undefined));
    const served = client(`ws://127.0.0.1:${fresh.port}/sync`, docId);
    await waitFor(() => served.provider.synced && text(served) === 'mine orphan kept ', 'a new instance to load and serve everything');
    expect(Y.encodeStateVector(served.doc)).toEqual(Y.encodeStateVector(onB.doc));
  });
});

describe('S70: an edit that does not build on another instance\'s uncommitted one', () => {
  it('S70: is committed without it, and acknowledged once that one is on disk (here, taken over when its instance dies)', async () => {
    const { servers, url, prefix } = await instances.start(1);
    const survivor = servers[0]!;
    const { doomed, docId, onB } = await orphanOnB(survivor.syncUrl, url, prefix);
    // At the end of the text: its left neighbour is A's committed 'kept ', nothing of A's orphan.
    onB.doc.getText('body').insert(text(onB).length, 'mine');
    let stored = '';
    await waitFor(async () => (stored = await storedText(url, docId)) !== 'kept ', 'B\'s edit on disk');
    expect(stored).toBe('kept mine');
    expect(survivor.sync.pendingRemote()).toBe(1);
    // Its ack covers the document as B holds it, orphan included: not before that is on disk.
    expect(onB.saved()).toBe(false);

    doomed.child.kill('SIGKILL');
    await doomed.exited;
    await waitFor(() => survivor.sync.pendingRemote() === 0, 'the survivor to take the orphaned edit over', 20_000);
    expect(await storedText(url, docId)).toBe('orphan kept mine');
    await waitFor(() => onB.saved(), 'B to be told it is saved once the orphan is on disk', 5_000);
  });
});
