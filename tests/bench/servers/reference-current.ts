/**
 * The reference y-websocket server's current release (@y/websocket-server 0.1.5, installed as
 * `@y/websocket-server-current` with its own yjs 14), in memory, wired as its own bin wires it.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection, docs } from '@y/websocket-server-current/utils';
import { announceReady, portFromEnv } from './child-ipc.js';

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
