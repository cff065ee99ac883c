/**
 * Hocuspocus 3.4 with its Redis extension (@hocuspocus/extension-redis 3.4.4): its own way to run
 * several instances. Every instance holding a document relays its updates and awareness over
 * Redis pub/sub; nothing is stored (no database extension), as in the single-instance peer.
 * Env: PORT, REDIS_URL (default the machine's), REDIS_PREFIX.
 */
import { Server } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { announceReady, portFromEnv } from './child-ipc.js';

const redisUrl = new URL(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const server = new Server({
  port: portFromEnv(),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new Redis({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379), prefix: process.env['REDIS_PREFIX'] ?? 'hocuspocus' })],
});
await server.listen();
announceReady(server.address.port, () => server.hocuspocus.getDocumentsCount());
