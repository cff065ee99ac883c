/**
 * A y-websocket protocol client over a real socket, for fault and size tests: it keeps a Y.Doc,
 * answers the server's step 1, records the first step 2 it receives (its size is the catch-up
 * cost), the durable snapshots, the close code, and can send raw frames.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { MessageType } from '@cydweithio/model';
import { readDurableFrame, readSyncFrame, syncStep1FrameFromVector, updateFrame } from './frames.js';

export interface RawClient {
  doc: Y.Doc;
  socket: WebSocket;
  /** Resolves with the payload of the first sync step 2 from the server. */
  firstStep2: Promise<Uint8Array>;
  synced: Promise<void>;
  closed: Promise<number>;
  durable: Y.Snapshot[];
  sendUpdate(update: Uint8Array): void;
  sendRaw(frame: Uint8Array): void;
  /** Resolves when a durable snapshot satisfying `predicate` arrives (or one already has). */
  waitForDurable(predicate: (snapshot: Y.Snapshot) => boolean, timeoutMs?: number): Promise<Y.Snapshot>;
  close(): void;
}

export async function connectRawClient(url: string, options: { stateVector?: Uint8Array; doc?: Y.Doc } = {}): Promise<RawClient> {
  const doc = options.doc ?? new Y.Doc();
  const socket = new WebSocket(url, { perMessageDeflate: false });
  const durable: Y.Snapshot[] = [];
  const durableWaiters = new Set<() => void>();
  let resolveStep2: (payload: Uint8Array) => void = () => undefined;
  const firstStep2 = new Promise<Uint8Array>((resolve) => (resolveStep2 = resolve));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const send = (frame: Uint8Array): void => {
    if (socket.readyState === WebSocket.OPEN) socket.send(frame);
  };
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== socket) send(updateFrame(update));
  });
  socket.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const snapshot = readDurableFrame(frame);
    if (snapshot) {
      durable.push(Y.decodeSnapshot(snapshot));
      durableWaiters.forEach((check) => check());
      return;
    }
    const sync = readSyncFrame(frame);
    if (!sync) return;
    if (sync.step === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, doc, sync.payload);
      send(encoding.toUint8Array(encoder));
      return;
    }
    if (sync.step === syncProtocol.messageYjsSyncStep2) resolveStep2(sync.payload);
    Y.applyUpdate(doc, sync.payload, socket);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  send(syncStep1FrameFromVector(options.stateVector ?? Y.encodeStateVector(doc)));
  // A socket the server closes before its step 2 would otherwise leave a run waiting forever.
  const synced = Promise.race([firstStep2.then(() => undefined), closed.then((code) => { throw new Error(`closed with ${code} before its first step 2`); })]);
  synced.catch(() => undefined); // handled by whoever awaits it; a client closed unawaited is not an error
  return {
    doc,
    socket,
    firstStep2,
    synced,
    closed,
    durable,
    sendUpdate: (update) => send(updateFrame(update)),
    sendRaw: send,
    waitForDurable(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = durable.find(predicate);
          if (!found) return;
          clearTimeout(timer);
          durableWaiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          durableWaiters.delete(check);
          reject(new Error('no durable ack in time'));
        }, timeoutMs);
        durableWaiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
}
