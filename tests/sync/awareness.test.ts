import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connectClient, synced } from './helpers/provider';
import { RawClient } from './helpers/raw-client';
import { makeDataDir, newDocId, startTestServer } from './helpers/server';
import { sleep, waitFor } from './helpers/wait';

/** A raw awareness update: one client id, a clock far ahead, a state. */
function awarenessUpdate(clientID: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientID);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

type Presence = { user?: Record<string, unknown>; cursor?: number } | undefined;

describe('presence (awareness)', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('S8: a forged user field is overwritten with the authenticated identity; other sockets cannot speak for it; it goes on close', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const alice = connectClient(server.syncUrl, docId, { name: 'Alice', person: 'p-alice' });
    const bryn = connectClient(server.syncUrl, docId, { name: 'Bryn', person: 'p-bryn' });
    cleanups.push(() => bryn.destroy());
    await Promise.all([synced(alice), synced(bryn)]);

    alice.provider.awareness.setLocalState({ user: { name: 'The Headteacher', personId: 'p-head', role: 'owner' }, cursor: 7 });
    const aliceId = alice.doc.clientID;
    const seenByBryn = (): Presence => bryn.provider.awareness.getStates().get(aliceId) as Presence;
    await waitFor(() => seenByBryn()?.cursor === 7, 'presence reaches Bryn');
    expect(seenByBryn()?.user).toEqual({ personId: 'p-alice', name: 'Alice', role: 'test-editor', schoolName: 'Test School' });

    // A third socket tries to overwrite Alice's presence with its own clock-advanced state.
    const mallory = new RawClient(`${server.syncUrl}/${docId}?name=Mallory`);
    cleanups.push(() => mallory.close());
    await mallory.opened();
    mallory.sendAwareness(awarenessUpdate(aliceId, 1_000, { cursor: 666 }));
    mallory.sendAwareness(awarenessUpdate(aliceId, 2_000, null));
    await sleep(150);
    expect(seenByBryn()?.cursor).toBe(7);
    expect(mallory.closeCode).toBeUndefined(); // dropped, not punished

    alice.destroy();
    await waitFor(() => seenByBryn() === undefined, 'presence removed when the socket closes');
  });

  it('S8: an oversized presence state is dropped', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const alice = connectClient(server.syncUrl, docId, { name: 'Alice' });
    const bryn = connectClient(server.syncUrl, docId, { name: 'Bryn' });
    cleanups.push(() => [alice, bryn].forEach((c) => c.destroy()));
    await Promise.all([synced(alice), synced(bryn)]);
    alice.provider.awareness.setLocalState({ blob: 'x'.repeat(10_000) });
    await sleep(150);
    expect(bryn.provider.awareness.getStates().get(alice.doc.clientID)).toBeUndefined();
    alice.provider.awareness.setLocalState({ cursor: 1 });
    await waitFor(() => (bryn.provider.awareness.getStates().get(alice.doc.clientID) as Presence)?.cursor === 1, 'small state arrives');
  });

  it('S25: a person keeps their presence id between connections: another person cannot claim it, and their return shows at once', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const bryn = connectClient(server.syncUrl, docId, { name: 'Bryn', person: 'p-bryn' });
    const alice = connectClient(server.syncUrl, docId, { name: 'Alice', person: 'p-alice' });
    cleanups.push(() => [alice, bryn].forEach((c) => c.destroy()));
    await Promise.all([synced(alice), synced(bryn)]);
    const aliceId = alice.doc.clientID;
    const seenByBryn = (): Presence => bryn.provider.awareness.getStates().get(aliceId) as Presence;
    alice.provider.awareness.setLocalStateField('cursor', 3);
    await waitFor(() => seenByBryn()?.cursor === 3, 'Alice is present');
    alice.provider.disconnect();
    await waitFor(() => seenByBryn() === undefined, 'Alice left');

    const mallory = new RawClient(`${server.syncUrl}/${docId}?name=Mallory&person=p-mallory`);
    cleanups.push(() => mallory.close());
    await mallory.opened();
    mallory.sendAwareness(awarenessUpdate(aliceId, 1_000, { cursor: 666 }));
    mallory.sendAwareness(awarenessUpdate(aliceId, 2_000, null));
    mallory.sendSyncStep1(new Y.Doc());
    await waitFor(() => mallory.of(0, 1).length > 0, 'the claims were handled');
    expect(seenByBryn()).toBeUndefined();

    // Back on a new socket with the clock it left with: shown now, not at the next 15 s renewal,
    // and its next move is not ignored as old.
    alice.provider.connect();
    await waitFor(() => seenByBryn()?.cursor === 3, 'Alice is back', 5_000);
    expect(seenByBryn()?.user?.['personId']).toBe('p-alice');
    alice.provider.awareness.setLocalStateField('cursor', 4);
    await waitFor(() => seenByBryn()?.cursor === 4, 'Alice moves', 5_000);
  });

  it('S26: presence is not echoed to its sender, except to a socket alone in the room (which keeps a lone reader\'s stock client from timing out)', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const lone = new RawClient(`${server.syncUrl}/${docId}?name=Lone`);
    cleanups.push(() => lone.close());
    await lone.opened();
    lone.sendAwareness(awarenessUpdate(42, 1, { cursor: 1 }));
    await waitFor(() => lone.of(1).length > 0, 'the lone socket hears its presence back');
    const other = new RawClient(`${server.syncUrl}/${docId}?name=Other`);
    cleanups.push(() => other.close());
    await other.opened();
    await waitFor(() => other.of(1).length > 0, 'the newcomer gets the present states');
    const heardBefore = lone.of(1).length;
    lone.sendAwareness(awarenessUpdate(42, 2, { cursor: 2 }));
    await waitFor(() => other.of(1).length > 1, 'the other socket gets the move');
    lone.sendSyncStep1(new Y.Doc());
    await waitFor(() => lone.of(0, 1).length > 0, 'later frames were handled');
    expect(lone.of(1).length).toBe(heardBefore);
  });
});
