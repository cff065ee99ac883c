/**
 * Two ends of a connection for driving the sync core without a network (SPEC S27): `server` is
 * the Peer the core accepts, the client end sends frames to the core's inbox. Nothing moves
 * until `flush()`, in either direction, so a test can prove that nothing arrived without
 * sleeping, and a harness decides the order of everything.
 */
import type { Peer, PeerInbox } from '@cydweithio/sync-server/sync/peer';

interface Queued {
  frame: Uint8Array;
  isBinary: boolean;
}

export class TestSocketPair {
  /** What the client end has received, in order (after a flush). */
  readonly received: Uint8Array[] = [];
  /** The close code the server sent, once delivered by a flush. */
  closeCode: number | undefined;
  /** The server's end, for `core.accept`. */
  readonly server: Peer;
  private inbox: PeerInbox | undefined;
  private toClient: Uint8Array[] = [];
  private toServer: Queued[] = [];
  private serverClose: number | undefined;
  private clientGone = false;
  private ended = false;

  /** `keep`: whether `received` keeps what arrives (a benchmark's thousands of pairs need not). */
  constructor(
    private readonly onClientFrame: (frame: Uint8Array) => void = () => undefined,
    private readonly keep = true,
  ) {
    this.server = new ServerEnd(this);
  }

  /** The server sends: the frame waits for a flush. */
  queueToClient(frame: Uint8Array): void {
    if (this.open) this.toClient.push(frame.slice());
  }

  /** The server closes: the client and the core learn it at the next flush. */
  closeFromServer(code: number): void {
    if (this.open) this.serverClose = code;
  }

  get queuedToClientBytes(): number {
    return this.toClient.reduce((sum, frame) => sum + frame.byteLength, 0);
  }

  get open(): boolean {
    return this.serverClose === undefined && !this.clientGone;
  }

  /** Where the peer's frames go: what `core.accept` returned. */
  attach(inbox: PeerInbox): void {
    this.inbox = inbox;
  }

  /** The client sends a frame; it reaches the core at the next flush. */
  send(frame: Uint8Array, isBinary = true): void {
    if (this.open) this.toServer.push({ frame, isBinary });
  }

  /** The client goes away (a disconnect, or a lost network); the core hears it at the next flush. */
  disconnect(): void {
    this.clientGone = true;
    this.toServer = [];
  }

  /** Delivers everything queued both ways until nothing moves, then a close. Returns how many frames moved. */
  flush(): number {
    let moved = 0;
    for (;;) {
      const toServer = this.toServer.splice(0);
      const toClient = this.toClient.splice(0);
      if (toServer.length === 0 && toClient.length === 0) break;
      for (const { frame, isBinary } of toServer) this.inbox?.receive(frame, isBinary);
      for (const frame of toClient) {
        if (this.keep) this.received.push(frame);
        this.onClientFrame(frame);
      }
      moved += toServer.length + toClient.length;
    }
    if (!this.open && !this.ended) {
      this.ended = true;
      this.closeCode = this.serverClose;
      this.inbox?.ended();
    }
    return moved;
  }
}

/** The server's end of a pair: what the core sees of it. */
class ServerEnd implements Peer {
  constructor(private readonly pair: TestSocketPair) {}

  send(frame: Uint8Array): void {
    this.pair.queueToClient(frame);
  }

  close(code: number): void {
    this.pair.closeFromServer(code);
  }

  get bufferedAmount(): number {
    return this.pair.queuedToClientBytes;
  }

  get isOpen(): boolean {
    return this.pair.open;
  }
}
