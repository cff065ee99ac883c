/**
 * The core serves any peer (SPEC S27): here test socket pairs that move frames only when
 * flushed, so "nothing arrived" is proved by a flush that moves nothing, never by a sleep.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@cydweithio/model';
import type { SyncCore } from '@cydweithio/sync-server/sync/sync-core';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../reliability/support/frames';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { createMemoryCore } from './helpers/core';
import { TestSocketPair } from './helpers/socket-pair';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** The update inside a sync update frame. */
function syncPayload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder); // message type
  decoding.readVarUint(decoder); // sync type
  return decoding.readVarUint8Array(decoder);
}
const identity = (personId: string) => ({ personId, name: personId, role: 'test' });

describe('peers', () => {
  let core: SyncCore;
  afterEach(async () => {
    await core.shutdown();
  });

  async function join(docId: string, personId: string, access: 'editor' | 'viewer' = 'editor'): Promise<TestSocketPair> {
    const pair = new TestSocketPair();
    pair.attach(core.accept(pair.server, docId, identity(personId), access));
    await turn();
    pair.flush();
    // The server's step 1 and the client's (empty) answer: the initial sync.
    pair.send(syncStep1Frame(new Y.Doc()));
    pair.flush();
    return pair;
  }

  it('S27: an update from one peer reaches the others of its document, once, and nothing else moves', async () => {
    core = createMemoryCore();
    const [alice, bryn, other] = [await join('test:peers01', 'alice'), await join('test:peers01', 'bryn'), await join('test:peers02', 'cai')];
    const before = { bryn: bryn.received.length, other: other.received.length };
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.getText('t').insert(0, 'helo');
    alice.send(updateFrame(update));
    expect(bryn.received.length).toBe(before.bryn); // not before a flush
    alice.flush();
    await turn(); // S72: sent at the end of the turn that read it
    expect(bryn.flush()).toBe(1);
    expect(bryn.received.length).toBe(before.bryn + 1);
    expect(bryn.received.at(-1)?.[0]).toBe(MessageType.sync);
    expect(other.flush()).toBe(0);
    expect(other.received.length).toBe(before.other);
    expect(alice.flush()).toBe(0); // the sender is not echoed
  });

  it('S72 S6: updates read in one turn go out once per peer, merged; a sender gets only the others\' and a presence never overtakes them', async () => {
    core = createMemoryCore();
    const [alice, bryn, cai] = [await join('test:peers06', 'alice'), await join('test:peers06', 'bryn'), await join('test:peers06', 'cai')];
    const typed = (text: string): Uint8Array[] => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
      return updates;
    };
    const [fromAlice, fromBryn] = [typed('ab'), typed('c')];
    const seen = { alice: alice.received.length, bryn: bryn.received.length, cai: cai.received.length };
    // One turn reads all three: what each peer then holds is one frame.
    for (const u of fromAlice) alice.send(updateFrame(u));
    for (const u of fromBryn) bryn.send(updateFrame(u));
    alice.flush();
    bryn.flush();
    expect(cai.flush()).toBe(0);
    await turn();
    expect([alice.flush(), bryn.flush(), cai.flush()]).toEqual([1, 1, 1]);
    const textOf = (frames: Uint8Array[]): string => {
      const doc = new Y.Doc();
      for (const frame of frames) Y.applyUpdate(doc, syncPayload(frame));
      return [...doc.getText('t').toString()].sort().join('');
    };
    expect(textOf(cai.received.slice(seen.cai))).toBe('abc');
    expect(textOf(alice.received.slice(seen.alice))).toBe('c'); // nothing of her own
    expect(textOf(bryn.received.slice(seen.bryn))).toBe('ab');

    // A presence sent after an update in the same turn arrives after it.
    const [later] = typed('d');
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ cursor: 1 });
    const before = cai.received.length;
    alice.send(updateFrame(later as Uint8Array));
    alice.send(awarenessFrame(awareness, [awareness.clientID]));
    alice.flush();
    await turn();
    cai.flush();
    expect(cai.received.slice(before).map((frame) => frame[0])).toEqual([MessageType.sync, MessageType.awareness]);
    awareness.destroy();
  });

  it('S7 S27: a viewer\'s write is answered with permission denied and reaches no other peer', async () => {
    core = createMemoryCore();
    const viewer = await join('test:peers03', 'viewer', 'viewer');
    const editor = await join('test:peers03', 'editor');
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.getText('t').insert(0, 'not allowed');
    const seen = viewer.received.length;
    viewer.send(updateFrame(update));
    viewer.flush();
    expect(viewer.received.slice(seen).map((frame) => frame[0])).toEqual([MessageType.auth]);
    await core.flush();
    expect(editor.flush()).toBe(0);
    expect(viewer.open).toBe(true);
  });

  it('S17 S27: a text frame closes that one peer as malformed; the others stay', async () => {
    core = createMemoryCore();
    const bad = await join('test:peers04', 'bad');
    const good = await join('test:peers04', 'good');
    bad.send(new Uint8Array([1, 2, 3]), false);
    bad.flush();
    expect(bad.closeCode).toBe(CloseCode.malformedFrame);
    expect(good.open).toBe(true);
    expect(core.connectionCount()).toBe(1);
  });

  it('S10: under load, updates share transactions no closer together than the commit interval', async () => {
    const memory = new MemoryDocStore();
    const starts: number[] = [];
    const append = memory.appendUpdates.bind(memory);
    memory.appendUpdates = async (batch) => {
      starts.push(performance.now());
      // A slow disk: each transaction takes longer than updates take to arrive.
      await new Promise((resolve) => setTimeout(resolve, 2));
      return append(batch);
    };
    core = createMemoryCore(memory, { commitIntervalMs: 10 });
    const writer = await join('test:peers05', 'writer');
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => writer.send(updateFrame(u)));
    for (let i = 0; i < 40; i++) {
      doc.getText('t').insert(0, 'x');
      writer.flush();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    // flush() commits what is left at once (it is for tests and tools), so only the starts the
    // queue chose itself are held to the interval.
    const chosen = starts.slice();
    await core.flush();
    expect((await memory.load('test:peers05')).updates).toHaveLength(40);
    expect(starts.length).toBeLessThan(20);
    // Timers may fire a little late, never much earlier than the interval.
    for (let i = 1; i < chosen.length; i++) expect((chosen[i] ?? 0) - (chosen[i - 1] ?? 0)).toBeGreaterThan(8);
  });
});
