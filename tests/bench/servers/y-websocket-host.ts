/**
 * A y-websocket server as its own bin wires it (one `setupWSConnection` per socket, the room from
 * the path, in memory), for whichever release of @y/websocket-server the caller imports: the
 * pinned line (reference.ts) and the current one (reference-current.ts) run the same host.
 */
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { announceReady, portFromEnv } from './child-ipc.js';

export function serveYWebsocket(setupWSConnection: (socket: WebSocket, request: IncomingMessage) => void, docs: ReadonlyMap<string, unknown>): void {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  wss.on('connection', (socket, request) => setupWSConnection(socket, request));
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  server.listen(portFromEnv(), '127.0.0.1', () => {
    const address = server.address();
    announceReady(typeof address === 'object' && address ? address.port : 0, () => docs.size);
  });
}
