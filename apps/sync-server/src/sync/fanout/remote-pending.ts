/**
 * Remote updates a room holds that are not yet known to be on disk (SPEC S57-S58), per room.
 * Each is settled by its instance's confirmation after commit, by being found in the stored
 * state (a confirmation lost with a Redis restart), or by this instance committing it when its
 * instance died first. Durable acks wait on the ones present when they were sealed.
 */
import * as Y from 'yjs';
import { deleteSetContains } from '@cydweithio/model/wire/durable';
import type { StoredDoc } from '../../storage/doc-store';
import type { Room } from '../room';
import type { DecodedUpdate } from './fanout';

export interface PendingUpdate {
  instance: string;
  n: number;
  update: Uint8Array;
  at: number;
  /** Taken over (being committed here): not offered again. */
  takenOver: boolean;
  /** Per client, the clocks [from, to) its structs take: what a local update may refer to (S70). */
  clocks: Map<number, [number, number]>;
  settled: Promise<void>;
  settle: () => void;
}

export class RemotePending {
  private readonly byRoom = new Map<Room, PendingUpdate[]>();

  add(room: Room, instance: string, n: number, update: Uint8Array, at = Date.now()): void {
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const list = this.byRoom.get(room) ?? [];
    list.push({ instance, n, update, at, takenOver: false, clocks: clocksOf(update), settled, settle });
    this.byRoom.set(room, list);
  }

  /** `instance` committed its updates of this room up to `n`. */
  confirm(room: Room, instance: string, n: number): void {
    this.settleWhere(room, (entry) => entry.instance === instance && entry.n <= n);
  }

  settleWhere(room: Room, settles: (entry: PendingUpdate) => boolean): void {
    const list = this.byRoom.get(room);
    if (!list) return;
    const kept = list.filter((entry) => {
      if (!settles(entry)) return true;
      entry.settle();
      return false;
    });
    if (kept.length > 0) this.byRoom.set(room, kept);
    else this.byRoom.delete(room);
  }

  /**
   * S65: the room's updates not yet settled nor taken over, handed to a commit of this room's
   * own updates (which may depend on them) and marked taken over so they are handed out once.
   */
  carry(room: Room): PendingUpdate[] {
    const carried = (this.byRoom.get(room) ?? []).filter((entry) => !entry.takenOver);
    for (const entry of carried) entry.takenOver = true;
    return carried;
  }

  /**
   * S70: true when the decoded local update refers to (origin, right origin, parent) or deletes
   * a struct of one of the room's pending updates not yet carried. Those are Yjs' dependencies of
   * an update: one with none of them there loads without the pending ones.
   */
  dependedOnBy(room: Room, decoded: DecodedUpdate): boolean {
    const list = this.byRoom.get(room)?.filter((entry) => !entry.takenOver);
    if (!list || list.length === 0) return false;
    const held = (client: number, clock: number, len = 1): boolean => list.some((entry) => {
      const range = entry.clocks.get(client);
      return range !== undefined && clock < range[1] && clock + len > range[0];
    });
    const seen = new Set<number>();
    for (const struct of decoded.structs) {
      const { client, clock } = struct.id;
      // A client's first struct here continues its clock: it needs the struct before it, which
      // is another instance's when that client's socket moved here from there.
      if (!seen.has(client)) {
        seen.add(client);
        if (clock > 0 && held(client, clock - 1)) return true;
      }
      if (!(struct instanceof Y.Item)) continue;
      for (const ref of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
        if (ref && held(ref.client, ref.clock)) return true;
      }
    }
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) if (held(client, range.clock, range.len)) return true;
    }
    return false;
  }

  count(): number {
    let count = 0;
    for (const list of this.byRoom.values()) count += list.length;
    return count;
  }

  has(room: Room): boolean {
    return this.byRoom.has(room);
  }

  /** Settles when every update pending now is settled; undefined when none is. */
  gate(room: Room): Promise<void> | undefined {
    const list = this.byRoom.get(room);
    if (!list) return undefined;
    return Promise.all(list.map((entry) => entry.settled)).then(() => undefined);
  }

  /** Rooms with updates pending longer than `ms`. */
  stale(ms: number, now = Date.now()): [Room, PendingUpdate[]][] {
    return [...this.byRoom].filter(([, list]) => list.some((entry) => now - entry.at >= ms && !entry.takenOver));
  }

  /** The room was unloaded: its sockets are gone, and nobody waits on its acks. */
  forget(room: Room): void {
    this.byRoom.delete(room);
  }
}

/** The clocks an update's structs take, per client (delete-only updates take none). */
function clocksOf(update: Uint8Array): Map<number, [number, number]> {
  const { from, to } = Y.parseUpdateMeta(update);
  const clocks = new Map<number, [number, number]>();
  for (const [client, end] of to) clocks.set(client, [from.get(client) ?? 0, end]);
  return clocks;
}

/** True when the stored document holds every struct and deletion of `update`. */
export function storedCovers(stored: StoredDoc, updates: readonly Uint8Array[]): boolean[] {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    const held = Y.snapshot(doc);
    return updates.map((update) => {
      const decoded = Y.decodeUpdate(update);
      for (const struct of decoded.structs) {
        if (struct instanceof Y.Skip) continue;
        if ((held.sv.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) return false;
      }
      return deleteSetContains(held.ds, decoded.ds);
    });
  } finally {
    doc.destroy();
  }
}
