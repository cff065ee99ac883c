/**
 * Presence is stamped by the server (SPEC S8, S25): each state's `user` is replaced by the
 * connection's authenticated identity, a connection may only speak for awareness client ids its
 * person announced first (presence-owners.ts), and an oversized state is dropped. Clients cannot
 * appear as someone else, nor hide someone else.
 */
import type { ConnectionIdentity } from './access';
import type { Connection } from './connection';
import type { PresenceOwners } from './presence-owners';
import { parseAwarenessUpdate, type EncodedPresence } from './protocol/awareness';
import type { RoomPresence } from './room-presence';

export interface StampResult {
  /** The entries to apply, each state stamped and encoded once. */
  accepted: EncodedPresence[];
  dropped: { clientID: number; reason: string }[];
  /**
   * Ids whose clock the server moved on (a person back on a new socket announces the clock its
   * state had before the old socket closed, which everyone already counts as gone): the sender
   * must learn the new clock, or its next change would be ignored as old.
   */
  reclocked: number[];
}

export function stampedUser(identity: ConnectionIdentity): Record<string, string> {
  const user: Record<string, string> = { personId: identity.personId, name: identity.name, role: identity.role };
  if (identity.schoolName !== undefined) user.schoolName = identity.schoolName;
  return user;
}

/** One stamp object per identity, made once: every presence move of a connection carries the same one. */
const stamps = new WeakMap<ConnectionIdentity, Readonly<Record<string, string>>>();
function stampOf(identity: ConnectionIdentity): Readonly<Record<string, string>> {
  let stamp = stamps.get(identity);
  if (!stamp) {
    stamp = Object.freeze(stampedUser(identity));
    stamps.set(identity, stamp);
  }
  return stamp;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws (malformed frame) when the update, or a state its sender may send, cannot be parsed. */
export function stampAwarenessUpdate(owners: PresenceOwners, presence: RoomPresence, connection: Connection, update: Uint8Array, maxStateBytes: number): StampResult {
  const accepted: EncodedPresence[] = [];
  const dropped: StampResult['dropped'] = [];
  const reclocked: number[] = [];
  for (const entry of parseAwarenessUpdate(update)) {
    if (!owners.claim(connection.docId, entry.clientID, connection)) {
      dropped.push({ clientID: entry.clientID, reason: 'awareness client id of another person' });
      continue;
    }
    // Parsed only now: the stock client passes on everyone's presence, and those are dropped above.
    const state: unknown = JSON.parse(entry.json);
    if (state === null) {
      accepted.push({ clientID: entry.clientID, clock: entry.clock, json: null });
      continue;
    }
    if (!isPlainObject(state)) {
      dropped.push({ clientID: entry.clientID, reason: 'awareness state is not an object' });
      continue;
    }
    // The parsed state is ours: stamped in place (an existing `user` keeps its place, a new one
    // goes last, as a spread copy would have it), without copying it first.
    state.user = stampOf(connection.identity);
    const json = JSON.stringify(state);
    if (Buffer.byteLength(json) > maxStateBytes) {
      dropped.push({ clientID: entry.clientID, reason: 'awareness state too large' });
      continue;
    }
    const known = presence.clockOf(entry.clientID);
    if (known !== undefined && entry.clock <= known && !presence.has(entry.clientID)) {
      accepted.push({ clientID: entry.clientID, clock: known + 1, json });
      reclocked.push(entry.clientID);
    } else accepted.push({ clientID: entry.clientID, clock: entry.clock, json });
  }
  return { accepted, dropped, reclocked };
}
