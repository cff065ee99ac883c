/**
 * S58: nothing waits on a dead instance. Instance A takes an edit and publishes it, but cannot
 * commit it (its PostgreSQL connection is cut); instance B holds it from the stream. While A is
 * alive B leaves it to A; once A is SIGKILLed and its heartbeat lapses, B finds the edit missing
 * from PostgreSQL, commits it itself and stops waiting on it, so its own clients' acks flow again.
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

describe('S58: an instance that dies before committing', () => {
  it('S58: its published edit is left to it while it lives, then committed by the survivor, whose acks flow again', async () => {
    const { servers, url, prefix } = await instances.start(1);
    const survivor = servers[0]!;
    // A reaches PostgreSQL through a proxy the test can cut; B (in this process) directly.
    const proxy = await startBalancer([{ host: '127.0.0.1', port: 5432 }]);
    instances.cleanup(() => proxy.close());
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    const doomed = await startChildServer({ script: OURS_SCRIPT, env: { DATABASE_URL: viaProxy.toString(), REDIS_URL: LOCAL_REDIS, REDIS_PREFIX: prefix, LOG_LEVEL: 'fatal' } });
    instances.cleanup(() => doomed.stop('SIGKILL').catch(() => undefined));

    const docId = newDocId();
    const onA = client(`ws://127.0.0.1:${doomed.port}/sync`, docId);
    const onB = client(survivor.syncUrl, docId);
    await waitFor(() => onA.provider.synced && onB.provider.synced, 'both clients synced');
    onA.doc.getText('body').insert(0, 'kept ');
    await waitFor(() => onA.saved() && text(onB) === 'kept ', 'the first edit saved by A and seen on B');

    await proxy.pause();
    onA.doc.getText('body').insert(0, 'orphan ');
    await waitFor(() => text(onB) === 'orphan kept ', 'the uncommitted edit to reach B through the stream');
    // Past the 2 s after which B looks for it: A is alive (its heartbeat renews), so B leaves it.
    await sleep(3_000);
    expect(await storedText(url, docId)).toBe('kept ');
    expect(survivor.sync.pendingRemote()).toBe(1);
    expect(onA.saved()).toBe(false);
    // B's own edit now: its ack covers A's orphan, so it waits for it (S57).
    onB.doc.getText('body').insert(0, 'mine ');
    await sleep(500);
    expect(onB.saved()).toBe(false);

    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // Heartbeat gone (3 s), then the next settle pass (every second) commits it here.
    await waitFor(() => survivor.sync.pendingRemote() === 0, 'the survivor to take the orphaned edit over', 20_000);
    expect(await storedText(url, docId)).toBe('mine orphan kept ');
    await waitFor(() => onB.saved(), 'the survivor to acknowledge its own client again', 10_000);
    const served = connectClient(survivor.syncUrl, docId);
    instances.cleanup(async () => served.destroy());
    await waitFor(() => served.provider.synced && served.doc.getText('body').toString() === 'mine orphan kept ', 'a new client served everything');
    expect(Y.encodeStateVector(served.doc)).toEqual(Y.encodeStateVector(onB.doc));
  });
});
