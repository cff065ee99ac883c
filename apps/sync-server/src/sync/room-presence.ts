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
  /** The last clock seen for every id, present or gone (y-protocols' "meta"). */
  private readonly clocks = new Map<number, number>();

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
    return this.clocks.get(clientID);
  }

  /** Applies entries (json `null`: gone); returns those that changed something, to pass on. */
  apply(entries: readonly EncodedPresence[], now = Date.now()): EncodedPresence[] {
    const changed: EncodedPresence[] = [];
    for (const entry of entries) {
      const known = this.clocks.get(entry.clientID) ?? 0;
      const removes = entry.json === null;
      if (!(known < entry.clock || (known === entry.clock && removes && this.present.has(entry.clientID)))) continue;
      this.clocks.set(entry.clientID, entry.clock);
      if (removes) {
        if (this.present.delete(entry.clientID)) changed.push(entry);
      } else {
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
      if (this.present.delete(clientID)) removed.push({ clientID, clock: this.clocks.get(clientID) ?? 0, json: null });
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
