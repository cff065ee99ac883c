/** The stock y-websocket client in Node (WebSocketPolyfill: ws), with our durable message observed. */
import type * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { MessageType } from '@cydweithio/model';
import { isSavedBy, readDurablePayload } from '@cydweithio/model/wire/durable';
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
    params: { name: 'tester', ...params },
    disableBc: true,
    maxBackoffTime: 200,
  });
  const durable: Y.Snapshot[] = [];
  // A client opts in to the durable acknowledgement by handling message type 4.
  provider.messageHandlers[MessageType.durable] = (_encoder: unknown, decoder: decoding.Decoder) => {
    durable.push(readDurablePayload(decoder));
  };
  return {
    doc,
    provider,
    durable,
    saved: () => {
      const last = durable.at(-1);
      return last !== undefined && isSavedBy(doc, last);
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
