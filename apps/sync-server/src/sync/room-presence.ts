/**
 * One document's presence states on the server (SPEC S8, S25, S26): the rules of y-protocols'
 * Awareness (a state replaces one with a lower clock; `null` at the same clock removes it; a
 * state not renewed for 30 s is gone), kept as the stamped JSON text each state arrived as. The
 * server never needs a state as an object again once stamped, so it parses each update once and
 * encodes each state once, where an Awareness would parse, compare and re-encode it for every
 * step (and run a timer per document).
 */
import { writeAwarenessEntries, type EncodedPresence } from './protocol/awareness';

/** As y-protocols: a client renews its state every 15 s, and one silent for 30 s is gone. */
export const PRESENCE_TIMEOUT_MS = 30_000;

interface Present {
  clock: number;
  json: string;
  at: number;
}

export class RoomPresence {
  private readonly present = new Map<number, Present>();
  /** The last clock of ids that are gone (a present id's clock is in its state): y-protocols' "meta". */
  private readonly goneClocks = new Map<number, number>();

  get size(): number {
    return this.present.size;
  }

  ids(): number[] {
    return [...this.present.keys()];
  }

  has(clientID: number): boolean {
    return this.present.has(clientID);
  }

  clockOf(clientID: number): number | undefined {
    return this.present.get(clientID)?.clock ?? this.goneClocks.get(clientID);
  }

  /** Applies entries (json `null`: gone); returns those that changed something, to pass on. */
  apply(entries: readonly EncodedPresence[], now = Date.now()): EncodedPresence[] {
    const changed: EncodedPresence[] = [];
    for (const entry of entries) {
      const known = this.clockOf(entry.clientID) ?? 0;
      const removes = entry.json === null;
      if (!(known < entry.clock || (known === entry.clock && removes && this.present.has(entry.clientID)))) continue;
      if (removes) {
        this.goneClocks.set(entry.clientID, entry.clock);
        if (this.present.delete(entry.clientID)) changed.push(entry);
      } else {
        this.goneClocks.delete(entry.clientID);
        this.present.set(entry.clientID, { clock: entry.clock, json: entry.json as string, at: now });
        changed.push(entry);
      }
    }
    return changed;
  }

  /** Removes the states of `ids` (their socket closed); returns the removals to pass on. */
  remove(ids: readonly number[]): EncodedPresence[] {
    const removed: EncodedPresence[] = [];
    for (const clientID of ids) {
      const state = this.present.get(clientID);
      if (!state) continue;
      this.present.delete(clientID);
      this.goneClocks.set(clientID, state.clock);
      removed.push({ clientID, clock: state.clock, json: null });
    }
    return removed;
  }

  /** Removes states not renewed for PRESENCE_TIMEOUT_MS; returns the removals to pass on. */
  sweep(now = Date.now()): EncodedPresence[] {
    const outdated = [...this.present].filter(([, state]) => now - state.at >= PRESENCE_TIMEOUT_MS).map(([clientID]) => clientID);
    return this.remove(outdated);
  }

  /** An awareness frame with the present states of `ids` (all present ones by default). */
  frame(ids: readonly number[] = this.ids()): Uint8Array {
    return writeAwarenessEntries(ids.flatMap((clientID) => {
      const state = this.present.get(clientID);
      return state ? [{ clientID, clock: state.clock, json: state.json }] : [];
    }));
  }
}
