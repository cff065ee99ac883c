import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@cydweithio/model';
import { checkUpdate, integratesOnCopy } from '@cydweithio/sync-server/sync/update-check';
import { connectClient, synced, textOf } from './helpers/provider';
import { RawClient } from './helpers/raw-client';
import { makeDataDir, newDocId, startTestServer, storedRows } from './helpers/server';
import { waitFor } from './helpers/wait';

const HIGH_CLIENT = 999_999; // Yjs integrates the highest client first
const LOW_CLIENT = 1;

/** A V1 update, written by hand: structs a stock client never produces. */
function handMadeUpdate(write: (encoder: encoding.Encoder) => void, deletes: [client: number, clock: number, len: number][]): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  encoding.writeVarUint(encoder, deletes.length);
  for (const [client, clock, len] of deletes) {
    [client, 1, clock, len].forEach((n) => encoding.writeVarUint(encoder, n));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Integrates a valid "Z" after "abc" (highest client, so first), then a struct whose origin is its
 * own client's future: Yjs throws midway, after "Z" is in and before the delete of "b".
 */
function throwsMidway(writer: number): Uint8Array {
  return handMadeUpdate(
    (e) => {
      [2, 1, HIGH_CLIENT, 0].forEach((n) => encoding.writeVarUint(e, n));
      encoding.writeUint8(e, 0x80 | 4);
      [writer, 2].forEach((n) => encoding.writeVarUint(e, n));
      encoding.writeVarString(e, 'Z');
      [1, LOW_CLIENT, 0].forEach((n) => encoding.writeVarUint(e, n));
      encoding.writeUint8(e, 0x80 | 4);
      [LOW_CLIENT, 3].forEach((n) => encoding.writeVarUint(e, n));
      encoding.writeVarString(e, 'Q');
    },
    [[writer, 1, 1]],
  );
}

/** A struct whose parent id names a string item, not a type: decided on a copy. */
function parentIsNotAType(writer: number): Uint8Array {
  return handMadeUpdate((e) => {
    [1, 1, LOW_CLIENT, 0].forEach((n) => encoding.writeVarUint(e, n));
    encoding.writeUint8(e, 4);
    [0, writer, 0].forEach((n) => encoding.writeVarUint(e, n));
    encoding.writeVarString(e, 'Q');
  }, []);
}

function docWithAbc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'abc');
  return doc;
}

describe('updates are checked before they count', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('S12: the check refuses an update that would make Yjs throw midway (plain Yjs half applies it)', () => {
    const plain = docWithAbc();
    const update = throwsMidway(plain.clientID);
    expect(() => Y.applyUpdate(plain, update)).toThrow();
    expect(plain.getText('t').toString()).toBe('abcZ'); // what the check prevents
    const checked = docWithAbc();
    expect(checkUpdate(checked, Y.decodeUpdate(throwsMidway(checked.clientID))).kind).toBe('refuse');
  });

  it('S12: an update the check cannot judge is tried on a copy, leaving the document untouched', () => {
    const doc = docWithAbc();
    const update = parentIsNotAType(doc.clientID);
    expect(checkUpdate(doc, Y.decodeUpdate(update)).kind).toBe('unsure');
    const before = Y.encodeStateAsUpdate(doc);
    expect(integratesOnCopy(doc, update)).toBe(true);
    expect(integratesOnCopy(doc, throwsMidway(doc.clientID))).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('S12: an update that makes Yjs throw midway leaves no trace on the server', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const writer = connectClient(server.syncUrl, docId, { name: 'Writer' });
    cleanups.push(() => writer.destroy());
    await synced(writer);
    writer.doc.getText('t').insert(0, 'abc');
    await waitFor(() => writer.saved(), 'writer saved');
    const rowsBefore = storedRows(data.dir).updatesFor(docId).length;
    const attacker = new RawClient(`${server.syncUrl}/${encodeURIComponent(docId)}`);
    cleanups.push(() => attacker.close());
    await attacker.opened();
    await waitFor(() => attacker.of(MessageType.sync).length > 0, 'server step 1');
    attacker.sendUpdate(throwsMidway(writer.doc.clientID));
    expect(await attacker.closed()).toBe(CloseCode.malformedFrame);
    await server.sync.flush();
    expect(Y.encodeStateAsUpdate(await server.sync.getDoc(docId))).toEqual(Y.encodeStateAsUpdate(writer.doc));
    expect(storedRows(data.dir).updatesFor(docId)).toHaveLength(rowsBefore);
    expect(textOf(writer)).toBe('abc');
  });
});
