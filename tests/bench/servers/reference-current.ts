/**
 * The reference y-websocket server's current release (@y/websocket-server 0.1.5, installed as
 * `@y/websocket-server-current` with its own yjs 14), in memory, wired as its own bin wires it.
 */
import { setupWSConnection, docs } from '@y/websocket-server-current/utils';
import { serveYWebsocket } from './y-websocket-host.js';

serveYWebsocket(setupWSConnection, docs);
