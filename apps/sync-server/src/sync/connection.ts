/** One socket on one document: who it is, what it may do and its rate budgets. */
import type { WebSocket } from 'ws';
import { CloseCode } from '@cydweithio/model';
import type { ConnectionIdentity, DocAccess } from './access';
import type { SyncLimits } from './limits';
import { TokenBucket } from './token-bucket';
import type { Room } from './room';

const SEND_BINARY = { binary: true } as const;

export class Connection {
  room: Room | undefined;
  /** Frames that arrived while the document was loading, handled in order once it is resident. */
  queued: Uint8Array[] | undefined;
  initialSyncDone = false;
  closed = false;
  readonly messages: TokenBucket;
  readonly bytes: TokenBucket;
  readonly awarenessUpdates: TokenBucket;

  constructor(
    readonly ws: WebSocket,
    readonly docId: string,
    public identity: ConnectionIdentity,
    public access: DocAccess,
    private readonly limits: SyncLimits,
    /** Asked for durable acknowledgements (SPEC S9); stock clients do not and get none. */
    readonly wantsDurableAcks = false,
  ) {
    this.messages = new TokenBucket(limits.maxMessagesPerSecond, 2 * limits.maxMessagesPerSecond);
    this.bytes = new TokenBucket(limits.maxBytesPerSecond, 2 * limits.maxBytesPerSecond);
    this.awarenessUpdates = new TokenBucket(limits.maxAwarenessPerSecond, 2 * limits.maxAwarenessPerSecond);
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      // A reader this slow would make the server hold the whole document for it, again and again.
      this.close(CloseCode.rateLimited, 'too slow to read');
      return;
    }
    // No per-frame callback: a failed write makes ws emit 'error' and close the socket anyway,
    // and a closure per frame per socket is measurable at broadcast rates.
    this.ws.send(frame, SEND_BINARY);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
  }
}
