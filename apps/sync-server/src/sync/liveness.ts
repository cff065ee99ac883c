/**
 * The liveness sweep (SPEC S24): every `intervalMs` each open socket is pinged, and a socket
 * that has not answered the previous sweep's ping by now is terminated. A connection that stops
 * answering (a half-open TCP connection, a sleeping laptop) is gone within two intervals, so its
 * room can unload and the per-document cap counts only live connections. Browsers and the `ws`
 * client answer pings on their own; a pong is all that counts as an answer.
 */
import type { WebSocket, WebSocketServer } from 'ws';

export class LivenessSweep {
  /** Sockets pinged by the last sweep that have not answered yet. */
  private awaiting = new Set<WebSocket>();
  private readonly timer: NodeJS.Timeout;
  /** One listener for every socket (ws calls it with the socket as `this`), not a closure each. */
  private readonly answered: (this: WebSocket) => void;

  constructor(
    private readonly wss: WebSocketServer,
    intervalMs: number,
    private readonly onTerminated: (count: number) => void = () => undefined,
  ) {
    const awaitingOf = (): Set<WebSocket> => this.awaiting;
    this.answered = function (this: WebSocket) {
      awaitingOf().delete(this);
    };
    this.timer = setInterval(() => this.sweep(), intervalMs);
    this.timer.unref();
  }

  /** Called for every socket once it is upgraded. */
  track(ws: WebSocket): void {
    ws.on('pong', this.answered);
  }

  sweep(): void {
    let terminated = 0;
    for (const ws of this.awaiting) {
      if (ws.readyState === ws.CLOSED) continue;
      ws.terminate();
      terminated += 1;
    }
    this.awaiting = new Set();
    for (const ws of this.wss.clients) {
      if (ws.readyState !== ws.OPEN) continue;
      this.awaiting.add(ws);
      ws.ping();
    }
    if (terminated > 0) this.onTerminated(terminated);
  }

  stop(): void {
    clearInterval(this.timer);
    this.awaiting.clear();
  }
}
