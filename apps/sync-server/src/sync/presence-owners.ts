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
    const owner = this.ownerFor(docId, clientID, connection.identity.personId);
    if (!owner) return false;
    owner.holder = connection;
    return true;
  }

  /**
   * Another instance relays `personId`'s state for `clientID` (SPEC S62): the same rule as a local
   * socket's claim. Held here as by a person between connections (no local socket), renewed with
   * every relayed state, so nobody else's socket on this instance can take the id meanwhile.
   */
  claimRemote(docId: string, clientID: number, personId: string): boolean {
    const owner = this.ownerFor(docId, clientID, personId);
    if (!owner) return false;
    if (owner.holder === undefined) owner.releasedAt = this.now();
    return true;
  }

  /** The id's owner record, now `personId`'s; undefined when it is another person's. */
  private ownerFor(docId: string, clientID: number, personId: string): Owner | undefined {
    let owners = this.byDoc.get(docId);
    if (!owners) {
      owners = new Map();
      this.byDoc.set(docId, owners);
    }
    const owner = owners.get(clientID);
    if (!owner) {
      const fresh: Owner = { personId, holder: undefined, releasedAt: this.now() };
      owners.set(clientID, fresh);
      return fresh;
    }
    if (owner.personId !== personId && (owner.holder !== undefined || this.now() - owner.releasedAt < this.holdMs)) return undefined;
    owner.personId = personId;
    return owner;
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
