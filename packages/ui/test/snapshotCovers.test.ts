import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotCovers } from '../src/sync/snapshotCovers';

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('C3 saved means our own changes are on the server disk', () => {
  it('C3: inserts and delete-only edits need the durable snapshot to contain them', () => {
    const local = new Y.Doc();
    local.getText('t').insert(0, 'Hunanwerthuso');
    const server = copyOf(local);
    expect(snapshotCovers(Y.snapshot(server), Y.snapshot(local))).toBe(true);
    local.getText('t').delete(0, 5);
    expect(snapshotCovers(Y.snapshot(server), Y.snapshot(local))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(snapshotCovers(Y.snapshot(server), Y.snapshot(local))).toBe(true);
  });
  it('C3: edits by others received later do not hold our state at syncing', () => {
    const mine = new Y.Doc();
    mine.getText('t').insert(0, 'Cadwyd');
    const required = Y.snapshot(mine);
    const server = copyOf(mine);
    const durable = Y.snapshot(server);
    const other = copyOf(mine);
    other.getText('t').insert(0, 'Arall ');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(other));
    expect(snapshotCovers(durable, required)).toBe(true);
    expect(snapshotCovers(durable, Y.snapshot(mine))).toBe(false);
  });
  it('C3: nothing of ours is saved by an empty snapshot', () => {
    expect(snapshotCovers(Y.emptySnapshot, Y.emptySnapshot)).toBe(true);
  });
});
