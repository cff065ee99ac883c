/**
 * What the sync core needs of whoever is at the other end of a connection (SPEC S27): a local
 * WebSocket (ws-peer.ts), another server instance relaying its own clients, or a test socket.
 * Rooms, connections and the core know nothing more than this; nothing in them imports `ws`.
 */

export interface Peer {
  /** Sends one frame (one protocol message). A peer that is no longer open drops it. */
  send(frame: Uint8Array): void;
  /** Closes with an application close code (`@cydweithio/model` CloseCode) and a short reason. */
  close(code: number, reason: string): void;
  /** Bytes accepted by `send` and not yet written out: how far behind a slow reader is. */
  readonly bufferedAmount: number;
  readonly isOpen: boolean;
}

/** What the core hands back for an accepted peer: where the peer's frames and its end go. */
export interface PeerInbox {
  /** One frame from the peer; `isBinary` false for a text frame (refused). */
  receive(frame: Uint8Array, isBinary: boolean): void;
  /** The peer is gone (closed by either side, or cut). Called once. */
  ended(): void;
}
