/**
 * Presence is stamped by the server (SPEC S8, S25): each state's `user` is replaced by the
 * socket's authenticated identity, a socket may only speak for awareness client ids its person
 * announced first (presence-owners.ts), and an oversized state is dropped. Clients cannot
 * appear as someone else, nor hide someone else.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { ConnectionIdentity } from './access';
import type { Connection } from './connection';
import type { PresenceOwners } from './presence-owners';
import { encodeAwarenessEntries, parseAwarenessUpdate, type AwarenessEntry } from './protocol/awareness';

export interface StampResult {
  /** The re-encoded update to apply, or undefined when nothing in it was acceptable. */
  update: Uint8Array | undefined;
  /** The client ids of the update that were accepted. */
  accepted: number[];
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws (malformed frame) only when the update cannot be parsed at all. */
export function stampAwarenessUpdate(owners: PresenceOwners, awareness: Awareness, connection: Connection, update: Uint8Array, maxStateBytes: number): StampResult {
  const accepted: AwarenessEntry[] = [];
  const dropped: StampResult['dropped'] = [];
  const reclocked: number[] = [];
  for (const entry of parseAwarenessUpdate(update)) {
    if (!owners.claim(connection.docId, entry.clientID, connection)) {
      dropped.push({ clientID: entry.clientID, reason: 'awareness client id of another person' });
      continue;
    }
    if (entry.state === null) {
      accepted.push(entry);
      continue;
    }
    if (!isPlainObject(entry.state)) {
      dropped.push({ clientID: entry.clientID, reason: 'awareness state is not an object' });
      continue;
    }
    const state = { ...entry.state, user: stampedUser(connection.identity) };
    if (Buffer.byteLength(JSON.stringify(state)) > maxStateBytes) {
      dropped.push({ clientID: entry.clientID, reason: 'awareness state too large' });
      continue;
    }
    const known = awareness.meta.get(entry.clientID)?.clock;
    if (known !== undefined && entry.clock <= known && !awareness.states.has(entry.clientID)) {
      accepted.push({ ...entry, clock: known + 1, state });
      reclocked.push(entry.clientID);
    } else accepted.push({ ...entry, state });
  }
  return { update: accepted.length > 0 ? encodeAwarenessEntries(accepted) : undefined, accepted: accepted.map((entry) => entry.clientID), dropped, reclocked };
}
