/**
 * The HTTP upgrade for `/sync/<docId>` (SPEC S1-S2): the document id is validated and the
 * authorizer consulted BEFORE the WebSocket handshake. A refusal is a plain HTTP response on the
 * raw socket, then the socket is destroyed: no WebSocket, no byte of the document.
 */
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { COMMENTS_PARAM, DOC_ID_PATTERN, DURABLE_ACK_PARAM, SYNC_PATH_PREFIX } from '@cydweithio/model';
import type { ConnectionAuthorizer } from './access';
import type { Connection } from './connection';
import type { LivenessSweep } from './liveness';
import type { SyncLogger } from './logger';
import type { SyncCore } from './sync-core';
import { WebSocketPeer, type WebSocketInboxes } from './ws-peer';

export interface UpgradeDeps {
  wss: WebSocketServer;
  authorizer: ConnectionAuthorizer;
  core: SyncCore;
  liveness: LivenessSweep;
  inboxes: WebSocketInboxes<Connection>;
  logger: SyncLogger;
  isShuttingDown: () => boolean;
}

export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.destroy();
}

/** The document id of a sync URL, or undefined when the path is not a valid document socket. */
export function docIdFromPath(pathname: string): string | undefined {
  if (!pathname.startsWith(SYNC_PATH_PREFIX)) return undefined;
  let docId: string;
  try {
    docId = decodeURIComponent(pathname.slice(SYNC_PATH_PREFIX.length));
  } catch {
    return undefined;
  }
  return DOC_ID_PATTERN.test(docId) ? docId : undefined;
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

export function createUpgradeHandler(deps: UpgradeDeps) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Until ws takes the socket over (it adds its own error handling then, see handleUpgrade).
    const onError = (error: Error): void => deps.logger.debug({ err: error }, 'upgrade socket error');
    socket.on('error', onError);
    void handleUpgrade(deps, request, socket, head, onError).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'upgrade failed');
      refuseUpgrade(socket, 500, 'internal error');
    });
  };
}

async function handleUpgrade(deps: UpgradeDeps, request: IncomingMessage, socket: Duplex, head: Buffer, onError: (error: Error) => void): Promise<void> {
  if (deps.isShuttingDown()) return refuseUpgrade(socket, 503, 'shutting down');
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
  const docId = docIdFromPath(url.pathname);
  if (!docId) return refuseUpgrade(socket, 404, 'no such document socket');
  const decision = await deps.authorizer.authorize({ url, headers: headersOf(request) }, docId);
  if (!decision.ok) {
    deps.logger.info({ docId, status: decision.status, reason: decision.reason }, 'sync upgrade refused');
    return refuseUpgrade(socket, decision.status, decision.reason);
  }
  if (socket.destroyed || deps.isShuttingDown()) return refuseUpgrade(socket, 503, 'shutting down');
  const durableAcks = url.searchParams.get(DURABLE_ACK_PARAM) === '1';
  const commentNotices = url.searchParams.get(COMMENTS_PARAM) === '1';
  deps.wss.handleUpgrade(request, socket, head, (ws) => {
    // Kept for every open socket otherwise: a closure per connection for nothing.
    socket.off('error', onError);
    deps.liveness.track(ws);
    deps.inboxes.attach(ws, deps.core.accept(new WebSocketPeer(ws), docId, decision.identity, decision.access, { durableAcks, commentNotices }));
  });
}
