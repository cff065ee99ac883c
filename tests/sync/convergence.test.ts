import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '@cydweithio/sync-server/server';
import { connectClient, synced, textOf, type TestClient } from './helpers/provider';
import { RawClient } from './helpers/raw-client';
import { makeDataDir, newDocId, startTestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

describe('sync protocol and convergence', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const track = (client: TestClient): TestClient => {
    cleanups.push(() => client.destroy());
    return client;
  };

  it('S4, S6: two stock clients editing concurrently converge; a late joiner gets the same state; it reloads after a restart (S15)', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    let server: RunningServer = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const alice = track(connectClient(server.syncUrl, docId, { name: 'Alice' }));
    const bryn = track(connectClient(server.syncUrl, docId, { name: 'Bryn' }));
    await Promise.all([synced(alice), synced(bryn)]);

    for (let i = 0; i < 20; i += 1) {
      alice.doc.getText('t').insert(0, 'a');
      bryn.doc.getText('t').insert(bryn.doc.getText('t').length, 'b');
      if (i % 5 === 0) bryn.doc.getMap('m').set(`k${i}`, i);
    }
    await waitFor(() => textOf(alice) === textOf(bryn) && textOf(alice).length === 40, 'convergence');
    // Concurrent inserts interleave by client id; what matters is that nothing is lost or doubled.
    expect([...textOf(alice)].sort().join('')).toBe('a'.repeat(20) + 'b'.repeat(20));

    const carys = track(connectClient(server.syncUrl, docId, { name: 'Carys' }));
    await synced(carys);
    await waitFor(() => textOf(carys) === textOf(alice), 'late joiner state');
    expect(carys.doc.getMap('m').toJSON()).toEqual(alice.doc.getMap('m').toJSON());
    await waitFor(() => alice.saved() && bryn.saved(), 'durable acks');
    const expected = textOf(alice);

    for (const client of [alice, bryn, carys]) client.provider.disconnect();
    await server.close();
    server = await startTestServer(data.dir);
    const dafydd = track(connectClient(server.syncUrl, docId, { name: 'Dafydd' }));
    await synced(dafydd);
    await waitFor(() => textOf(dafydd) === expected, 'state reloaded from SQLite');
  });

  it('S5: a client back from offline receives only the state-vector diff, far smaller than the full state', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const writer = track(connectClient(server.syncUrl, docId, { name: 'Writer' }));
    await synced(writer);
    const big = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(400);
    writer.doc.getText('t').insert(0, big);

    // The returning client already holds everything up to now (its offline copy) ...
    const offline = new Y.Doc();
    await waitFor(() => writer.saved(), 'first part saved');
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc));
    // ... and misses what happened while it was away.
    writer.doc.getText('t').insert(0, 'new while away. ');
    await waitFor(() => writer.saved(), 'second part saved');

    const raw = new RawClient(`${server.syncUrl}/${docId}?name=Returning`);
    cleanups.push(() => raw.close());
    await raw.opened();
    raw.sendSyncStep1(offline);
    await waitFor(() => raw.of(0, 1).length === 1, 'sync step 2');
    const diff = raw.of(0, 1)[0]!.payload;
    const full = Y.encodeStateAsUpdate(writer.doc);
    expect(diff.byteLength * 20).toBeLessThan(full.byteLength);
    Y.applyUpdate(offline, diff);
    expect(offline.getText('t').toString()).toBe(textOf(writer));
    // The server opened with its own step 1, so the client can answer with what the server lacks.
    expect(raw.of(0, 0)).toHaveLength(1);
  });
});
