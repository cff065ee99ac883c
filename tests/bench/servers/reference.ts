/**
 * The reference y-websocket server (@y/websocket-server 0.1.1 on yjs 13), in memory, exactly as
 * its own bin wires it: one `setupWSConnection` per socket, the room from the path.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection, docs } from '@y/websocket-server/utils';
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
