/**
 * Presence is stamped by the server (SPEC S8): each state's `user` is replaced by the socket's
 * authenticated identity, a socket may only speak for the awareness client ids it announced
 * first, and an oversized state is dropped. Clients cannot appear as someone else.
 */
import type { ConnectionIdentity } from './access';
import type { Connection } from './connection';
import type { Room } from './room';
import { encodeAwarenessEntries, parseAwarenessUpdate, type AwarenessEntry } from './protocol/awareness';

export interface StampResult {
  /** The re-encoded update to apply, or undefined when nothing in it was acceptable. */
  update: Uint8Array | undefined;
  dropped: { clientID: number; reason: string }[];
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
export function stampAwarenessUpdate(room: Room, connection: Connection, update: Uint8Array, maxStateBytes: number): StampResult {
  const accepted: AwarenessEntry[] = [];
  const dropped: StampResult['dropped'] = [];
  for (const entry of parseAwarenessUpdate(update)) {
    const owner = room.awarenessOwners.get(entry.clientID);
    if (owner && owner !== connection) {
      dropped.push({ clientID: entry.clientID, reason: 'awareness client id of another socket' });
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
    room.awarenessOwners.set(entry.clientID, connection);
    connection.awarenessClients.add(entry.clientID);
    accepted.push({ ...entry, state });
  }
  return { update: accepted.length > 0 ? encodeAwarenessEntries(accepted) : undefined, dropped };
}
