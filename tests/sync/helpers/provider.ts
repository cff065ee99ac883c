/**
 * The stock y-websocket client in Node (WebSocketPolyfill: ws). By default it asks for durable
 * acks (`?durable=1`) and judges "saved" as the product's client does: the last ack covers the
 * document as it stood after the client's own last change (SPEC S9, S11).
 */
import type * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { DURABLE_ACK_PARAM, MessageType } from '@cydweithio/model';
import { readDurablePayload, snapshotContains } from '@cydweithio/model/wire/durable';
import { waitFor } from './wait';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  durable: Y.Snapshot[];
  saved(): boolean;
  destroy(): void;
}

export function connectClient(syncUrl: string, docId: string, params: Record<string, string> = {}, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(syncUrl, docId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // `durable: ''` in params leaves the query out: a stock client that never asked for acks.
    params: Object.fromEntries(Object.entries({ name: 'tester', [DURABLE_ACK_PARAM]: '1', ...params }).filter(([, value]) => value !== '')),
    disableBc: true,
    maxBackoffTime: 200,
  });
  const durable: Y.Snapshot[] = [];
  provider.messageHandlers[MessageType.durable] = (_encoder: unknown, decoder: decoding.Decoder) => {
    durable.push(readDurablePayload(decoder));
  };
  // The document after this client's own last change (what arrives from the server does not move it).
  let ownState = Y.snapshot(doc);
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) ownState = Y.snapshot(doc);
  });
  return {
    doc,
    provider,
    durable,
    saved: () => {
      const last = durable.at(-1);
      return last !== undefined && snapshotContains(last, ownState);
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(client: TestClient): Promise<void> {
  await waitFor(() => client.provider.synced, 'provider synced');
}

export function textOf(client: { doc: Y.Doc }, name = 't'): string {
  return client.doc.getText(name).toString();
}
