/** Hocuspocus's current release (4.x, installed as `@hocuspocus/server-current`) with no extensions (in memory), on loopback, quiet. */
import { Server } from '@hocuspocus/server-current';
import { announceReady, portFromEnv } from './child-ipc.js';

const server = new Server({ port: portFromEnv(), address: '127.0.0.1', quiet: true });
await server.listen();
announceReady(server.address.port, () => server.hocuspocus.getDocumentsCount());
