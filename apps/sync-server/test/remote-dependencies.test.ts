/**
 * S70: a local update needs another instance's unconfirmed update on disk with it only when it
 * refers to one of its structs (origin, right origin, parent), deletes from it, or continues the
 * clock of a client whose last structs came through it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RemotePending } from '../src/sync/fanout/remote-pending';
import type { Room } from '../src/sync/room';

const room = {} as Room;

/** A document as the server holds it: `there`'s committed text, then its unconfirmed edit. */
function setting() {
  const there = new Y.Doc();
  there.getText('t').insert(0, 'committed ');
  const here = new Y.Doc();
  Y.applyUpdate(here, Y.encodeStateAsUpdate(there));
  const pending = new RemotePending();
  const before = Y.encodeStateVector(there);
  there.getText('t').insert(0, 'PENDING ');
  const unconfirmed = Y.encodeStateAsUpdate(there, before);
  Y.applyUpdate(here, unconfirmed);
  pending.add(room, 'instance-a', 1, unconfirmed);
  return { here, pending };
}

/** What `edit` on `doc` sends (its transaction's update, as a client sends it), decoded as the update check has it. */
function localUpdate(doc: Y.Doc, edit: (text: Y.Text) => void): ReturnType<typeof Y.decodeUpdate> {
  let sent: Uint8Array | undefined;
  const listen = (update: Uint8Array) => (sent = update);
  doc.on('update', listen);
  edit(doc.getText('t'));
  doc.off('update', listen);
  return Y.decodeUpdate(sent!);
}

describe('S70: what a local update depends on', () => {
  it('S70: an insert next to the unconfirmed text depends on it; one elsewhere does not', () => {
    const { here, pending } = setting();
    expect(pending.dependedOnBy(room, localUpdate(here, (t) => t.insert(3, 'x')))).toBe(true);
    expect(pending.dependedOnBy(room, localUpdate(here, (t) => t.insert(0, 'y')))).toBe(true);
    expect(pending.dependedOnBy(room, localUpdate(here, (t) => t.insert(t.length, 'z')))).toBe(false);
  });

  it('S70: deleting unconfirmed text depends on it; deleting committed text does not', () => {
    const { here, pending } = setting();
    expect(pending.dependedOnBy(room, localUpdate(here, (t) => t.delete(0, 2)))).toBe(true);
    expect(pending.dependedOnBy(room, localUpdate(here, (t) => t.delete(t.length - 3, 2)))).toBe(false);
  });

  it('S70: a client continuing its clock after its socket moved here depends on what came through the other instance', () => {
    const there = new Y.Doc();
    const here = new Y.Doc();
    const pending = new RemotePending();
    there.getText('t').insert(0, 'abc');
    const unconfirmed = Y.encodeStateAsUpdate(there);
    Y.applyUpdate(here, unconfirmed);
    pending.add(room, 'instance-a', 1, unconfirmed);
    // The same client, now connected here, types at the end of its own text.
    expect(pending.dependedOnBy(room, localUpdate(there, (t) => t.insert(3, 'd')))).toBe(true);
  });

  it('S70: once carried (or confirmed), a pending update is depended on by nothing more', () => {
    const { here, pending } = setting();
    pending.carry(room);
    expect(pending.dependedOnBy(room, localUpdate(here, (t) => t.insert(0, 'y')))).toBe(false);
    const fresh = setting();
    fresh.pending.confirm(room, 'instance-a', 1);
    expect(fresh.pending.dependedOnBy(room, localUpdate(fresh.here, (t) => t.insert(0, 'y')))).toBe(false);
  });
});
