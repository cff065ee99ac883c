/**
 * Just enough of a `ws` WebSocket for the sync core: frames it sends go to a callback, frames
 * the harness delivers arrive as 'message' events, and close is reported to both sides.
 */
import { EventEmitter } from 'node:events';

const OPEN = 1;
const CLOSED = 3;

export class FakeSocket extends EventEmitter {
  readonly OPEN = OPEN;
  readyState = OPEN;
  bufferedAmount = 0;

  constructor(
    private readonly onSend: (frame: Uint8Array) => void,
    private readonly onServerClose: (code: number) => void,
  ) {
    super();
  }

  send(data: Uint8Array, _options?: unknown, callback?: (error?: Error) => void): void {
    // Copy: the server may reuse its encoder's buffer after send returns.
    if (this.readyState === OPEN) this.onSend(new Uint8Array(data));
    callback?.();
  }

  /** The server closes: the client learns it, then the server sees its own 'close' event. */
  close(code = 1000): void {
    if (this.readyState !== OPEN) return;
    this.readyState = CLOSED;
    this.onServerClose(code);
    this.emit('close', code, Buffer.alloc(0));
  }

  terminate(): void {
    this.close(1006);
  }

  /** The client side goes away (disconnect or lost network). */
  clientClose(): void {
    if (this.readyState !== OPEN) return;
    this.readyState = CLOSED;
    this.emit('close', 1006, Buffer.alloc(0));
  }

  deliver(frame: Uint8Array): void {
    if (this.readyState === OPEN) this.emit('message', Buffer.from(frame), true);
  }
}
