/**
 * The durable acknowledgement's delete set is kept as edits happen (SPEC S9, deleted-ranges.ts)
 * instead of being rebuilt from the whole document at each commit: after any mix of edits, from
 * any number of peers, in any order they integrate, it must equal what Yjs itself computes.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { DeletedRanges } from '@cydweithio/sync-server/sync/deleted-ranges';
import { randomEdit } from '../fuzz/convergence/random-edits';

function normalised(snapshot: Y.Snapshot): Y.Snapshot {
  return Y.createSnapshot(Y.mergeDeleteSets([snapshot.ds]), snapshot.sv);
}

describe('deleted ranges', () => {
  it('S9: the kept snapshot equals Y.snapshot of the document after random edits from several peers, GC\'d content included', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const gen = prng.create(seed);
      const server = new Y.Doc();
      // Half the peers garbage-collect, so their step 2 carries GC structs for deleted content.
      const peers = Array.from({ length: 3 }, (_, i) => new Y.Doc({ gc: i % 2 === 0 }));
      peers.forEach((peer, i) => (peer.clientID = seed * 10 + i + 1));
      const kept = new DeletedRanges(server);
      for (let step = 0; step < 40; step++) {
        const peer = prng.oneOf(gen, peers);
        randomEdit(gen, peer);
        if (prng.bool(gen)) {
          // Sync it to the server the way a reconnecting client would: the whole diff.
          Y.applyUpdate(server, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(server)));
          Y.applyUpdate(peer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(peer)));
        }
        expect(Y.equalSnapshots(normalised(kept.snapshot()), normalised(Y.snapshot(server))), `seed ${seed}, step ${step}`).toBe(true);
      }
      kept.stop();
    }
  });

  it('S9: a document loaded with deletions starts from its own delete set', () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'abcdefgh');
    source.getText('t').delete(2, 3);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(source));
    const kept = new DeletedRanges(loaded);
    expect(Y.equalSnapshots(normalised(kept.snapshot()), normalised(Y.snapshot(loaded)))).toBe(true);
    kept.stop();
  });
});
