/**
 * Two instances on one PostgreSQL database and one Redis (SPEC S55-S59): clients of either see
 * each other's edits and presence, an instance opening a document late catches up, durable acks
 * still mean "in PostgreSQL", and revocations, session ends and erasures reach every instance.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@cydweithio/model';
import { createOpenTestAuthorizer } from '@cydweithio/sync-server/sync/open-authorizer';
import type { PgDocStore } from '@cydweithio/sync-server/storage/pg-doc-store';
import { connectClient, type TestClient } from '../sync/helpers/provider';
import { newDocId } from '../sync/helpers/server';
import { waitFor } from '../sync/helpers/wait';
import { useInstances } from './support/instances';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
const instances = useInstances();

function client(syncUrl: string, docId: string, params: Record<string, string> = {}): TestClient {
  const made = connectClient(syncUrl, docId, params);
  instances.cleanup(async () => made.destroy());
  return made;
}

const synced = (c: TestClient) => waitFor(() => c.provider.synced, 'initial sync');
const text = (c: TestClient) => c.doc.getText('body').toString();

function closeCodeOf(c: TestClient): Promise<number> {
  return new Promise((resolve) => c.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
}

describe('S55: a remote instance is one more peer of the room', () => {
  it('S55: an edit and a presence state on one instance reach a client of the other', async () => {
    const { servers } = await instances.start(2);
    const docId = newDocId();
    const onA = client(servers[0]!.syncUrl, docId);
    const onB = client(servers[1]!.syncUrl, docId);
    await Promise.all([synced(onA), synced(onB)]);
    onA.doc.getText('body').insert(0, 'Bore da o A');
    await waitFor(() => text(onB) === 'Bore da o A', 'the edit on B');
    onB.doc.getText('body').insert(0, 'B: ');
    await waitFor(() => text(onA) === 'B: Bore da o A', 'the edit back on A');
    onA.provider.awareness.setLocalStateField('cursor', { at: 3 });
    const fromA = onA.provider.awareness.clientID;
    await waitFor(() => (onB.provider.awareness.getStates().get(fromA) as { cursor?: { at: number } } | undefined)?.cursor?.at === 3, 'the presence on B');
  });
});

describe('S62: presence relayed from another instance is checked for its owner', () => {
  it('S62: an id announced on one instance by one person cannot be taken over through the other instance by another', async () => {
    const { servers } = await instances.start(2);
    const docId = newDocId();
    const pat = client(servers[0]!.syncUrl, docId, { name: 'Pat' });
    const observer = client(servers[0]!.syncUrl, docId, { name: 'Olwen' });
    await Promise.all([synced(pat), synced(observer)]);
    pat.provider.awareness.setLocalStateField('cursor', { at: 0 });
    const taken = pat.provider.awareness.clientID;
    const userOf = (id: number) => (observer.provider.awareness.getStates().get(id) as { user?: { personId?: string } } | undefined)?.user?.personId;
    await waitFor(() => userOf(taken) === 'person-Pat', "Pat's presence on the observer");
    // Quentin joins on the other instance, which has not seen Pat's presence (a joining instance
    // catches up on edits, not on presence), with Pat's client id and a newer clock.
    const spoofDoc = new Y.Doc();
    spoofDoc.clientID = taken;
    const quentin = connectClient(servers[1]!.syncUrl, docId, { name: 'Quentin' }, spoofDoc);
    instances.cleanup(async () => quentin.destroy());
    await synced(quentin);
    for (let i = 0; i < 5; i += 1) quentin.provider.awareness.setLocalStateField('cursor', { at: i });
    // A control: an honest client on that instance, announced after, does reach the observer.
    const rhys = client(servers[1]!.syncUrl, docId, { name: 'Rhys' });
    await synced(rhys);
    rhys.provider.awareness.setLocalStateField('cursor', { at: 1 });
    await waitFor(() => userOf(rhys.provider.awareness.clientID) === 'person-Rhys', "Rhys's presence relayed to the first instance");
    expect(userOf(taken)).toBe('person-Pat');
    // Pat keeps speaking for the id.
    pat.provider.awareness.setLocalStateField('cursor', { at: 42 });
    await waitFor(() => (observer.provider.awareness.getStates().get(taken) as { cursor?: { at: number } } | undefined)?.cursor?.at === 42, "Pat's next move");
    expect(userOf(taken)).toBe('person-Pat');
  });
});

describe('S56: an instance opening a document catches up', () => {
  it('S56: a client joining on the second instance gets everything written on the first, and what it writes is stored once', async () => {
    const { servers } = await instances.start(2);
    const docId = newDocId();
    const onA = client(servers[0]!.syncUrl, docId);
    await synced(onA);
    for (let i = 0; i < 20; i += 1) onA.doc.getText('body').insert(0, `${i} `);
    const late = client(servers[1]!.syncUrl, docId);
    await synced(late);
    await waitFor(() => text(late) === text(onA), 'the late client to catch up');
    late.doc.getText('body').insert(0, 'late ');
    await waitFor(() => text(onA).startsWith('late '), 'the late edit on A');
    await Promise.all(servers.map((s) => s.sync.flush()));
    const stored = await (servers[0]!.store as PgDocStore).load(docId);
    const merged = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(merged, update);
    expect(merged.getText('body').toString()).toBe(text(onA));
  });
});

describe('S57: the durable ack stays', () => {
  it('S57: clients of both instances are told "saved", and what they were told is in PostgreSQL', async () => {
    const { servers } = await instances.start(2);
    const docId = newDocId();
    const onA = client(servers[0]!.syncUrl, docId);
    const onB = client(servers[1]!.syncUrl, docId);
    await Promise.all([synced(onA), synced(onB)]);
    onA.doc.getText('body').insert(0, 'o A ');
    onB.doc.getText('body').insert(0, 'o B ');
    await waitFor(() => onA.saved() && onB.saved() && text(onA) === text(onB) && text(onA).length === 8, 'both saved and converged');
    const stored = await (servers[1]!.store as PgDocStore).load(docId);
    const merged = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(merged, update);
    expect(merged.getText('body').toString()).toBe(text(onA));
    // Each edit is one row: the remote instance did not store it again.
    expect(stored.updates).toHaveLength(2);
  });
});

describe('S59: revocations, session ends and erasures reach every instance', () => {
  it('S59: a session ended on one instance closes its socket on the other within 1 s', async () => {
    const { servers } = await instances.start(2);
    const docId = newDocId();
    const onB = client(servers[1]!.syncUrl, docId, { session: 'session-b' });
    await synced(onB);
    const closed = closeCodeOf(onB);
    const started = Date.now();
    servers[0]!.sync.endSessions({ sessionIds: ['session-b'] });
    expect(await closed).toBe(CloseCode.sessionEnded);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('S59: access revoked on one instance closes the socket on the other; erasing closes both', async () => {
    let revoked = false;
    const base = createOpenTestAuthorizer();
    const { servers } = await instances.start(2, { authorizer: () => ({ authorize: base.authorize, recheck: async () => (revoked ? null : 'editor') }) });
    const docId = newDocId();
    const onB = client(servers[1]!.syncUrl, docId);
    await synced(onB);
    const closed = closeCodeOf(onB);
    revoked = true;
    await servers[0]!.sync.recheck({ docIds: [docId] });
    expect(await closed).toBe(CloseCode.accessRevoked);

    const other = newDocId();
    const watchers = [client(servers[0]!.syncUrl, other), client(servers[1]!.syncUrl, other)];
    await Promise.all(watchers.map(synced));
    const codes = watchers.map(closeCodeOf);
    await servers[0]!.sync.erase(other);
    expect(await Promise.all(codes)).toEqual([CloseCode.documentErased, CloseCode.documentErased]);
  });
});
