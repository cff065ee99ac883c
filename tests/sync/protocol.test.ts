import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@cydweithio/model';
import { Refusal } from '@cydweithio/sync-server/sync/close-events';
import { decodeClientFrame } from '@cydweithio/sync-server/sync/protocol/frame';
import { writeSyncStep2, writeSyncUpdate } from '@cydweithio/sync-server/sync/protocol/sync';
import * as encoding from 'lib0/encoding';
import { docIdFromPath } from '@cydweithio/sync-server/sync/upgrade';
import { syncFrame } from './helpers/raw-client';

function reasonOf(frame: Uint8Array): string {
  try {
    decodeClientFrame(frame);
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Refusal).event.code).toBe(CloseCode.malformedFrame);
    return (error as Refusal).message;
  }
  return 'accepted';
}

describe('frame decoding', () => {
  it('S4: decodes the messages a stock client sends', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    expect(decodeClientFrame(syncFrame(0, Y.encodeStateVector(doc)))).toMatchObject({ kind: 'sync-step1' });
    expect(decodeClientFrame(syncFrame(1, Y.encodeStateAsUpdate(doc)))).toMatchObject({ kind: 'sync-step2' });
    expect(decodeClientFrame(syncFrame(2, Y.encodeStateAsUpdate(doc)))).toMatchObject({ kind: 'sync-update' });
    expect(decodeClientFrame(Uint8Array.from([1, 1, 0]))).toMatchObject({ kind: 'awareness' });
    expect(decodeClientFrame(Uint8Array.from([3]))).toEqual({ kind: 'query-awareness' });
  });

  it('S17: names the reason for each kind of malformed frame', () => {
    expect(reasonOf(new Uint8Array())).toBe('empty frame');
    expect(reasonOf(Uint8Array.from([0x80]))).toMatch(/undecodable/);
    expect(reasonOf(Uint8Array.from([0, 2, 0xff, 0xff, 0x03, 1]))).toMatch(/exceeds/);
    expect(reasonOf(Uint8Array.from([0, 7, 0]))).toMatch(/unknown sync message type 7/);
    expect(reasonOf(Uint8Array.from([2, 0]))).toMatch(/unexpected message type 2/);
    expect(reasonOf(Uint8Array.from([4, 0]))).toMatch(/unexpected message type 4/);
    expect(reasonOf(Uint8Array.from([3, 3]))).toMatch(/trailing/);
    expect(reasonOf(syncFrame(0, Uint8Array.from([5, 1])))).toMatch(/undecodable/);
  });

  it('S1: the document id comes from the path and must match DOC_ID_PATTERN', () => {
    expect(docIdFromPath('/sync/workspace:abc123DEF')).toBe('workspace:abc123DEF');
    expect(docIdFromPath('/sync/workspace%3Aabc123DEF')).toBe('workspace:abc123DEF');
    expect(docIdFromPath('/sync/../etc:passwd')).toBeUndefined();
    expect(docIdFromPath('/sync/workspace:abc')).toBeUndefined();
    expect(docIdFromPath('/sync/%E0%A4%A')).toBeUndefined();
    expect(docIdFromPath('/api/workspace:abc123DEF')).toBeUndefined();
  });

  it('S4: the sync frames the server lays out by hand are byte for byte what y-protocols writes', () => {
    for (const size of [0, 1, 127, 128, 300, 16_383, 16_384, 100_000, 2_100_000]) {
      const payload = new Uint8Array(size).map((_, i) => i & 0xff);
      for (const [syncType, write] of [[1, writeSyncStep2], [2, writeSyncUpdate]] as const) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarUint(encoder, syncType);
        encoding.writeVarUint8Array(encoder, payload);
        expect(Buffer.from(write(payload)).equals(Buffer.from(encoding.toUint8Array(encoder)))).toBe(true);
      }
    }
  });
});
