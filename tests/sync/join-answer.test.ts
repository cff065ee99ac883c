/**
 * S64: a client that holds nothing is answered with the document's whole state, built once per
 * change of the content and shared by every such joiner; a cold room keeps that state once.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Room } from '@cydweithio/sync-server/sync/room';
import { step2Payload, writeSyncStep2 } from '@cydweithio/sync-server/sync/protocol/sync';

function storedWith(text: string): { snapshot: Uint8Array; snapshotSeq: number; updates: Uint8Array[]; lastSeq: number; logBytes: number; snapshotBytes: number } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  const snapshot = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { snapshot, snapshotSeq: 1, updates: [], lastSeq: 1, logBytes: 0, snapshotBytes: snapshot.byteLength };
}

const emptyStateVector = Y.encodeStateVector(new Y.Doc());
const textOfAnswer = (frame: Uint8Array): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, step2Payload(frame));
  return doc.getText('t').toString();
};

describe('S64 joiners holding nothing share one answer', () => {
  it('S64: joiners with an empty state vector get the same frame until the content changes, then a new one with the change', () => {
    const room = Room.fromStored('bench:join000001', storedWith('x'.repeat(40_000)), () => undefined);
    const first = room.step2For(emptyStateVector);
    expect(room.step2For(emptyStateVector)).toBe(first);
    expect(textOfAnswer(first)).toBe('x'.repeat(40_000));
    room.thaw().getText('t').insert(0, 'new ');
    const second = room.step2For(emptyStateVector);
    expect(second).not.toBe(first);
    expect(textOfAnswer(second).startsWith('new x')).toBe(true);
    room.destroy();
  });

  it('S64: a client holding part of the document still gets only what it lacks (S5)', () => {
    const room = Room.fromStored('bench:join000002', storedWith('y'.repeat(40_000)), () => undefined);
    const held = new Y.Doc();
    Y.applyUpdate(held, step2Payload(room.step2For(emptyStateVector)));
    room.thaw().getText('t').insert(0, 'more ');
    const answer = room.step2For(Y.encodeStateVector(held));
    expect(answer.byteLength).toBeLessThan(200);
    Y.applyUpdate(held, step2Payload(answer));
    expect(held.getText('t').toString().startsWith('more y')).toBe(true);
    room.destroy();
  });

  it('S64: a cold room answers from its committed bytes, equal to what a fresh encoding gives, and a small document is not kept', () => {
    const room = Room.fromStored('bench:join000003', storedWith('z'.repeat(40_000)), () => undefined);
    room.freeze();
    const answer = room.step2For(emptyStateVector);
    expect(step2Payload(answer)).toEqual(room.encodeState());
    expect(room.step2For(emptyStateVector)).toBe(answer);
    room.destroy();

    const small = Room.fromStored('bench:join000004', storedWith('tiny'), () => undefined);
    const once = small.step2For(emptyStateVector);
    expect(small.step2For(emptyStateVector)).not.toBe(once);
    expect(small.step2For(emptyStateVector)).toEqual(writeSyncStep2(Y.encodeStateAsUpdate(small.thaw())));
    small.destroy();
  });
});
