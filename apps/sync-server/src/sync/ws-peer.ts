/**
 * A local WebSocket (`ws`) as a Peer (SPEC S27), and the wiring of its events to the inbox the
 * core gives back. One set of listeners serves every socket (ws calls them with the socket as
 * `this`), rather than three closures per connection: an idle connection's memory is mostly
 * what it holds.
 */
import type { WebSocket } from 'ws';
import type { Peer, PeerInbox } from './peer';

const OPEN = 1;
const SEND_BINARY = { binary: true } as const;

export class WebSocketPeer implements Peer {
  constructor(readonly ws: WebSocket) {}

  send(frame: Uint8Array): void {
    // No per-frame callback: a failed write makes ws emit 'error' and close the socket anyway,
    // and a closure per frame per socket is measurable at broadcast rates.
    if (this.ws.readyState === OPEN) this.ws.send(frame, SEND_BINARY);
  }

  close(code: number, reason: string): void {
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  get isOpen(): boolean {
    return this.ws.readyState === OPEN;
  }
}

/** ws reports protocol violations (e.g. a frame over maxPayload) as errors, then closes the socket. */
export type SocketErrorListener<I extends PeerInbox> = (inbox: I, error: Error & { code?: string }) => void;

/**
 * Hands each socket's frames and end to its inbox. One per server: its three listeners are
 * made once and shared by all of that server's sockets.
 */
export class WebSocketInboxes<I extends PeerInbox = PeerInbox> {
  private readonly inboxes = new WeakMap<WebSocket, I>();
  private readonly onMessage: (this: WebSocket, data: Buffer, isBinary: boolean) => void;
  private readonly onClose: (this: WebSocket) => void;
  private readonly onError: (this: WebSocket, error: Error & { code?: string }) => void;

  constructor(onSocketError: SocketErrorListener<I>) {
    const inboxes = this.inboxes;
    this.onMessage = function (this: WebSocket, data: Buffer, isBinary: boolean) {
      inboxes.get(this)?.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), isBinary);
    };
    this.onClose = function (this: WebSocket) {
      const inbox = inboxes.get(this);
      inboxes.delete(this);
      inbox?.ended();
    };
    this.onError = function (this: WebSocket, error: Error & { code?: string }) {
      const inbox = inboxes.get(this);
      if (inbox) onSocketError(inbox, error);
    };
  }

  attach(ws: WebSocket, inbox: I): void {
    this.inboxes.set(ws, inbox);
    ws.on('message', this.onMessage);
    ws.on('close', this.onClose);
    ws.on('error', this.onError);
  }
}
