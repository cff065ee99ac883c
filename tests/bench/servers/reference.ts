/**
 * The reference y-websocket server (@y/websocket-server 0.1.1 on yjs 13), in memory, exactly as
 * its own bin wires it: one `setupWSConnection` per socket, the room from the path.
 */
import { setupWSConnection, docs } from '@y/websocket-server/utils';
import { serveYWebsocket } from './y-websocket-host.js';

serveYWebsocket(setupWSConnection, docs);
