/**
 * Faults with two instances (RELIABILITY.md R20-R22), short versions for the default run; the
 * long ones are `pnpm soak -- --cross --kills 50` and `pnpm fuzz -- --instances 2`.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { startBalancer } from '@cydweithio/sync-server/cli/local-balancer';
import { connectClient, type TestClient } from '../sync/helpers/provider';
import { newDocId } from '../sync/helpers/server';
import { sleep, waitFor } from '../sync/helpers/wait';
import { runCrossInstanceKills } from './cross-crash';
import { useInstances } from './support/instances';
import { startRedisChild } from './support/redis';
import { storedDocFromPg } from './support/pg-rows';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });
const instances = useInstances();

function client(syncUrl: string, docId: string): TestClient {
  const made = connectClient(syncUrl, docId);
  instances.cleanup(async () => made.destroy());
  return made;
}
const synced = (c: TestClient) => waitFor(() => c.provider.synced, 'initial sync');
const text = (c: TestClient) => c.doc.getText('body').toString();

describe('R20: SIGKILL of one instance of two', () => {
  it('R20, S58: no acknowledged edit is lost, and the survivor serves every one of them (3 kills under load)', async () => {
    const report = await runCrossInstanceKills({ kills: 3, clients: 4, docs: 2, seed: 11 });
    console.log(`R20: ${report.kills} kills, ${report.edits} edits, ${report.acknowledged} acknowledged, ${report.seconds.toFixed(1)} s`);
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(0);
  });
});

describe('R21: Redis restarted', () => {
  it('R21, S60: the instances resubscribe, and what was written while Redis was away reaches the other instance from PostgreSQL', async () => {
    const redis = await startRedisChild();
    instances.cleanup(() => redis.stop());
    const { servers } = await instances.start(2, { redisUrl: redis.url });
    const docId = newDocId();
    const onA = client(servers[0]!.syncUrl, docId);
    const onB = client(servers[1]!.syncUrl, docId);
    await Promise.all([synced(onA), synced(onB)]);
    onA.doc.getText('body').insert(0, 'before ');
    await waitFor(() => text(onB) === 'before ', 'the first edit on B');
    await redis.stop();
    onA.doc.getText('body').insert(0, 'during ');
    // Saved all the same: the database does not need Redis.
    await waitFor(() => onA.saved(), 'the edit made while Redis was away to be saved');
    await redis.start();
    await waitFor(() => text(onB) === 'during before ', 'the edit made while Redis was away to reach B', 20_000);
    onB.doc.getText('body').insert(0, 'after ');
    await waitFor(() => text(onA) === 'after during before ', 'a new edit to flow again', 20_000);
  });
});

describe('R22: PostgreSQL stopped', () => {
  it('R22: live edits keep flowing between the instances, no ack is sent while it is down, and acks resume when it is back', async () => {
    const proxy = await startBalancer([{ host: '127.0.0.1', port: 5432 }]);
    instances.cleanup(() => proxy.close());
    const { servers, url } = await instances.start(2, {
      databaseUrl: (direct) => direct.replace('127.0.0.1:5432', `127.0.0.1:${proxy.port}`),
    });
    const docId = newDocId();
    const onA = client(servers[0]!.syncUrl, docId);
    const onB = client(servers[1]!.syncUrl, docId);
    await Promise.all([synced(onA), synced(onB)]);
    onA.doc.getText('body').insert(0, 'saved ');
    await waitFor(() => onA.saved(), 'the first edit saved');
    await proxy.pause();
    const acksBefore = onA.durable.length + onB.durable.length;
    onA.doc.getText('body').insert(0, 'a-down ');
    onB.doc.getText('body').insert(0, 'b-down ');
    await waitFor(() => text(onA) === text(onB) && text(onA).length === 'a-down b-down saved '.length, 'live edits to flow while PostgreSQL is down');
    await sleep(1_000);
    expect(onA.durable.length + onB.durable.length).toBe(acksBefore);
    expect(onA.saved() || onB.saved()).toBe(false);
    await proxy.resume();
    await waitFor(() => onA.saved() && onB.saved(), 'acks to resume once PostgreSQL is back', 30_000);
    const stored = await storedDocFromPg(url, docId);
    expect(stored.getText('body').toString()).toBe(text(onA));
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(onA.doc));
  });
});
