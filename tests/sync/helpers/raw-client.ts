/** A raw `ws` client speaking y-protocols by hand: to see exact frames, and to send bad ones. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MessageType } from '@cydweithio/model';
import { waitFor } from './wait';

export interface ReceivedFrame {
  type: number;
  /** For sync frames: 0 step 1, 1 step 2, 2 update. */
  syncType?: number;
  payload: Uint8Array;
  raw: Uint8Array;
}

export class RawClient {
  readonly frames: ReceivedFrame[] = [];
  closeCode: number | undefined;
  closeReason = '';
  readonly ws: WebSocket;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(url, { headers });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('message', (data: Buffer) => this.frames.push(parseFrame(new Uint8Array(data))));
    this.ws.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = reason.toString();
    });
    this.ws.on('error', () => undefined);
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ws.readyState === WebSocket.OPEN) return resolve();
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  send(frame: Uint8Array | string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  sendSyncStep1(doc: Y.Doc): void {
    this.send(syncFrame(0, Y.encodeStateVector(doc)));
  }

  sendSyncStep2(update: Uint8Array): void {
    this.send(syncFrame(1, update));
  }

  sendUpdate(update: Uint8Array): void {
    this.send(syncFrame(2, update));
  }

  sendAwareness(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  of(type: number, syncType?: number): ReceivedFrame[] {
    return this.frames.filter((f) => f.type === type && (syncType === undefined || f.syncType === syncType));
  }

  async closed(): Promise<number> {
    await waitFor(() => this.closeCode !== undefined, 'socket closed');
    return this.closeCode ?? 0;
  }

  close(): void {
    this.ws.close();
  }
}

export function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function parseFrame(raw: Uint8Array): ReceivedFrame {
  const decoder = decoding.createDecoder(raw);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.sync) {
    const syncType = decoding.readVarUint(decoder);
    return { type, syncType, payload: decoding.readVarUint8Array(decoder), raw };
  }
  if (type === MessageType.queryAwareness) return { type, payload: new Uint8Array(), raw };
  if (type === MessageType.auth) return { type, payload: decoding.readTailAsUint8Array(decoder), raw };
  return { type, payload: decoding.readVarUint8Array(decoder), raw };
}
