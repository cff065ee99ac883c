/**
 * The physical floor: a WebSocket relay that forwards every frame to the other sockets of the
 * same path and does nothing else (no Yjs, no storage, no state). No real server can beat it.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import { announceReady, portFromEnv } from './child-ipc.js';

const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: portFromEnv(), perMessageDeflate: false });

wss.on('connection', (socket, request) => {
  const path = request.url ?? '/';
  const room = rooms.get(path) ?? new Set<WebSocket>();
  rooms.set(path, room);
  room.add(socket);
  socket.on('message', (data: Buffer, isBinary) => {
    for (const peer of room) if (peer !== socket && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
  });
  socket.on('close', () => {
    room.delete(socket);
    if (room.size === 0) rooms.delete(path);
  });
});

wss.on('listening', () => {
  const address = wss.address();
  announceReady(typeof address === 'object' && address ? address.port : 0, () => rooms.size);
});
