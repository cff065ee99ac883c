/**
 * Who may speak for each awareness (presence) client id of a document (SPEC S8, S25). An id
 * belongs to the PERSON whose socket announced it first, not to that socket: a person between
 * connections keeps their ids, so nobody else's socket can take one over and hide them (or
 * speak as them) while they reconnect. The socket that last announced an id holds it; when that
 * socket closes the id is released, its state removed for everyone, and the person may take it
 * back from any socket for `holdMs` (another person may claim it only after that). Kept per
 * document in the core, not in the room, so that a room unloaded and loaded again meanwhile
 * does not forget.
 */
import type { Connection } from './connection';

interface Owner {
  personId: string;
  /** The socket that last announced the id, while it is open. */
  holder: Connection | undefined;
  /** When the holder closed (meaningful while `holder` is undefined). */
  releasedAt: number;
}

export class PresenceOwners {
  private readonly byDoc = new Map<string, Map<number, Owner>>();

  constructor(
    private readonly holdMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True if `connection` may announce `clientID` (and now holds it); false if it is another person's. */
  claim(docId: string, clientID: number, connection: Connection): boolean {
    let owners = this.byDoc.get(docId);
    if (!owners) {
      owners = new Map();
      this.byDoc.set(docId, owners);
    }
    const personId = connection.identity.personId;
    const owner = owners.get(clientID);
    if (!owner) {
      owners.set(clientID, { personId, holder: connection, releasedAt: 0 });
      return true;
    }
    if (owner.personId !== personId && (owner.holder !== undefined || this.now() - owner.releasedAt < this.holdMs)) return false;
    owner.personId = personId;
    owner.holder = connection;
    return true;
  }

  /** The socket closed: the ids it held are released (their states are to be removed). */
  release(docId: string, connection: Connection): number[] {
    const owners = this.byDoc.get(docId);
    if (!owners) return [];
    const released: number[] = [];
    const now = this.now();
    for (const [clientID, owner] of owners) {
      if (owner.holder !== connection) continue;
      owner.holder = undefined;
      owner.releasedAt = now;
      released.push(clientID);
    }
    return released;
  }

  /** Forgets ids released longer than `holdMs` ago, and documents with none left. */
  prune(): void {
    const now = this.now();
    for (const [docId, owners] of this.byDoc) {
      for (const [clientID, owner] of owners) {
        if (owner.holder === undefined && now - owner.releasedAt >= this.holdMs) owners.delete(clientID);
      }
      if (owners.size === 0) this.byDoc.delete(docId);
    }
  }

  /** The document was erased: nobody's presence there is worth keeping. */
  forget(docId: string): void {
    this.byDoc.delete(docId);
  }
}
