/**
 * The SQLite thread behind WorkerDocStore (SPEC S21): an ordinary SqliteDocStore answering
 * requests from the main thread. better-sqlite3 blocks while a commit fsyncs; here that blocks
 * only this thread, never the sockets. Requests are answered strictly in arrival order, so a
 * reply to appendUpdates means that transaction, and every one before it, is on disk.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { SqliteDocStore } from './sqlite-doc-store';
import { unpackBytes } from './packed-bytes';
import { packStoredDoc, type ReplyValues, type RequestMessage, type StoreOp, type StoreWorkerData, type WorkerMessage } from './worker-protocol';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function answer(store: SqliteDocStore, request: RequestMessage): Promise<{ value: ReplyValues[StoreOp]; transfer: ArrayBuffer[] }> {
  switch (request.op) {
    case 'load': {
      const packed = packStoredDoc(await store.load(request.docId));
      return { value: packed, transfer: [packed.bytes.buffer] };
    }
    case 'appendUpdates': {
      const updates = unpackBytes(request.updates);
      await store.appendUpdates(request.entries.map((entry, index) => ({ ...entry, update: updates[index] ?? new Uint8Array(0) })));
      return { value: undefined, transfer: [] };
    }
    case 'compact': {
      const [mergedState = new Uint8Array(0)] = unpackBytes(request.mergedState);
      return { value: await store.compact(request.docId, mergedState, request.upToSeq), transfer: [] };
    }
    case 'erase':
      await store.erase(request.docId);
      return { value: undefined, transfer: [] };
    case 'listDocIds':
      return { value: await store.listDocIds(), transfer: [] };
    case 'close':
      await store.close();
      return { value: undefined, transfer: [] };
  }
}

function serve(port: MessagePort, store: SqliteDocStore): void {
  // Chained, so a request never starts before the previous one has finished, even if a store
  // method ever awaits something real.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (request: RequestMessage) => {
    previous = previous.then(async () => {
      let reply: WorkerMessage;
      let transfer: ArrayBuffer[] = [];
      try {
        const answered = await answer(store, request);
        reply = { kind: 'reply', id: request.id, ok: true, value: answered.value };
        transfer = answered.transfer;
      } catch (error) {
        reply = { kind: 'reply', id: request.id, ok: false, message: errorMessage(error) };
      }
      port.postMessage(reply, transfer);
      // Closing the port lets the thread's event loop drain, so the worker exits on its own.
      if (request.op === 'close') port.close();
    });
  });
}

function start(port: MessagePort, { dataDir }: StoreWorkerData): void {
  let store: SqliteDocStore;
  try {
    store = SqliteDocStore.open(dataDir);
  } catch (error) {
    port.postMessage({ kind: 'openFailed', message: errorMessage(error) } satisfies WorkerMessage);
    port.close();
    return;
  }
  serve(port, store);
  port.postMessage({ kind: 'opened' } satisfies WorkerMessage);
}

if (!parentPort) throw new Error('sqlite-store-worker runs in a worker thread (see WorkerDocStore)');
start(parentPort, workerData as StoreWorkerData);
