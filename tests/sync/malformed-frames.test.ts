import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode } from '@cydweithio/model';
import { createMemoryLogger } from '@cydweithio/sync-server/observability/logger';
import { connectClient, synced, textOf } from './helpers/provider';
import { RawClient, syncFrame } from './helpers/raw-client';
import { makeDataDir, newDocId, startTestServer, storedRows } from './helpers/server';
import { waitFor } from './helpers/wait';

const MAX_FRAME = 64 * 1024;

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function badFrames(random: () => number): { kind: string; frame: Uint8Array | string }[] {
  const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const gapDoc = new Y.Doc();
  const gapUpdates: Uint8Array[] = [];
  gapDoc.on('update', (update: Uint8Array) => gapUpdates.push(update));
  gapDoc.getText('t').insert(0, 'first');
  gapDoc.getText('t').insert(5, ' second');
  const valid = Y.encodeStateAsUpdate(gapDoc);
  const absurd = encoding.createEncoder();
  encoding.writeVarUint(absurd, 0);
  encoding.writeVarUint(absurd, 2);
  encoding.writeVarUint(absurd, 2 ** 40);
  encoding.writeUint8Array(absurd, bytes(8));
  return [
    { kind: 'random bytes', frame: bytes(1 + Math.floor(random() * 200)) },
    { kind: 'random sync update', frame: syncFrame(2, bytes(1 + Math.floor(random() * 100))) },
    { kind: 'truncated varint', frame: Uint8Array.from([0, 0x80 | Math.floor(random() * 127)]) },
    { kind: 'truncated update', frame: syncFrame(2, valid.slice(0, 1 + Math.floor(random() * (valid.length - 2)))) },
    { kind: 'absurd length', frame: encoding.toUint8Array(absurd) },
    { kind: 'unknown message type', frame: Uint8Array.from([5 + Math.floor(random() * 100), 0, 0]) },
    { kind: 'server-only message type', frame: Uint8Array.from([4, 1, 0]) },
    { kind: 'update with a gap (depends on missing state)', frame: syncFrame(2, gapUpdates[1]!) },
    { kind: 'trailing bytes', frame: Uint8Array.from([...syncFrame(0, Uint8Array.from([0])), 1, 2, 3]) },
    { kind: 'undecodable awareness', frame: Uint8Array.from([1, 3, 1, 1, 9]) },
    { kind: 'text frame', frame: 'hello, I am text' },
    { kind: 'oversize frame', frame: bytes(MAX_FRAME + 1) },
  ];
}

describe('bad input', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('S17: thousands of malformed frames close only their sockets, store nothing, and everyone else keeps syncing', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const { logger, lines } = createMemoryLogger('warn');
    const server = await startTestServer(data.dir, { logger, limits: { maxFrameBytes: MAX_FRAME } });
    cleanups.push(() => server.close());
    const docId = newDocId();
    const alice = connectClient(server.syncUrl, docId, { name: 'Alice' });
    const bryn = connectClient(server.syncUrl, docId, { name: 'Bryn' });
    cleanups.push(() => [alice, bryn].forEach((c) => c.destroy()));
    await Promise.all([synced(alice), synced(bryn)]);
    alice.doc.getText('t').insert(0, 'before the storm. ');
    await waitFor(() => alice.saved() && textOf(bryn) === textOf(alice), 'first edit saved');
    const rowsBefore = storedRows(data.dir).updates;

    const random = prng(20260722);
    let sent = 0;
    const closeCodes = new Map<number, number>();
    for (let round = 0; round < 20; round += 1) {
      const sockets = Array.from({ length: 12 }, () => new RawClient(`${server.syncUrl}/${docId}?name=Fuzz`));
      await Promise.all(sockets.map((socket) => socket.opened()));
      sockets.forEach((socket, index) => {
        const frames = badFrames(random);
        const first = frames[index % frames.length]!;
        // The first frame is the bad one; the rest of the burst must be ignored after the close.
        socket.send(first.frame);
        for (const extra of frames) socket.send(extra.frame);
        sent += 1 + frames.length;
      });
      await Promise.all(sockets.map((socket) => socket.closed()));
      for (const socket of sockets) closeCodes.set(socket.closeCode!, (closeCodes.get(socket.closeCode!) ?? 0) + 1);
    }
    expect(sent).toBeGreaterThan(2_000);
    expect([...closeCodes.keys()].every((code) => code === CloseCode.malformedFrame || code === 1009)).toBe(true);
    expect(closeCodes.get(CloseCode.malformedFrame)).toBeGreaterThan(200);
    expect(lines.some((line) => line.msg === 'frame rejected, socket closed' && typeof line.reason === 'string')).toBe(true);

    // Nothing from any bad frame was stored; the two honest clients never noticed.
    expect(storedRows(data.dir).updates).toBe(rowsBefore);
    expect(alice.provider.wsconnected && bryn.provider.wsconnected).toBe(true);
    bryn.doc.getText('t').insert(textOf(bryn).length, 'after the storm.');
    await waitFor(() => textOf(alice) === 'before the storm. after the storm.' && bryn.saved(), 'still syncing');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/cyd_sync_rejected_frames_total\{reason="malformed"\} \d+/);
  });
});
