/**
 * The embedded SQLite DocStore, run in a worker thread (SPEC S21). better-sqlite3 is
 * synchronous and every commit fsyncs (synchronous=FULL): on the main thread a group commit
 * stalled every socket for the length of the fsync. Here the main thread only posts the batch
 * and is free until the worker answers, which it does after the transaction has committed, so
 * "resolved" still means "on disk". Bytes are packed and transferred both ways (packed-bytes.ts).
 *
 * If the worker dies, the requests waiting on it reject (a failed commit is retried by the
 * commit queue, and nothing is acknowledged meanwhile) and the next request starts a new worker.
 */
import { assertAppendable, type DocStore, type StoredDoc, type UpdateToAppend } from './doc-store';
import { packBytes } from './packed-bytes';
import { StoreWorkerThread } from './store-worker-thread';
import { unpackStoredDoc, type ReplyValues, type StoreRequest } from './worker-protocol';

export class WorkerDocStore implements DocStore {
  private thread: StoreWorkerThread | undefined;
  private closing: Promise<void> | undefined;

  private constructor(private readonly dataDir: string) {}

  /** Starts the worker; resolves once it has opened (creating if needed) the database in `dataDir`. */
  static async open(dataDir: string): Promise<WorkerDocStore> {
    const store = new WorkerDocStore(dataDir);
    await store.liveThread().opened;
    return store;
  }

  async load(docId: string): Promise<StoredDoc> {
    return unpackStoredDoc(await this.send({ op: 'load', docId }));
  }

  async appendUpdates(batch: readonly UpdateToAppend[]): Promise<void> {
    if (batch.length === 0) return;
    // Checked here too, because packing needs every update to be bytes.
    batch.forEach(assertAppendable);
    const updates = packBytes(batch.map((entry) => entry.update));
    const entries = batch.map(({ docId, seq, author }) => ({ docId, seq, author }));
    await this.send({ op: 'appendUpdates', entries, updates }, [updates.buffer]);
  }

  async compact(docId: string, mergedState: Uint8Array, upToSeq: number): Promise<boolean> {
    // Packed (a copy) rather than transferred as is: the caller's buffer stays usable.
    const packed = packBytes([mergedState]);
    return this.send({ op: 'compact', docId, mergedState: packed, upToSeq }, [packed.buffer]);
  }

  async erase(docId: string): Promise<void> {
    await this.send({ op: 'erase', docId });
  }

  listDocIds(): Promise<string[]> {
    return this.send({ op: 'listDocIds' });
  }

  /** Waits for the worker to close the database and exit. Requests made after this reject. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const thread = this.thread;
      this.thread = undefined;
      await thread?.close();
    })();
    return this.closing;
  }

  /** For tests of the recovery path: ends the current worker abruptly, as a crash would. */
  async terminateWorkerForTests(): Promise<void> {
    await this.thread?.terminate();
  }

  private send<R extends StoreRequest>(request: R, transfer?: ArrayBuffer[]): Promise<ReplyValues[R['op']]> {
    if (this.closing) return Promise.reject(new Error('WorkerDocStore is closed'));
    return this.liveThread().request(request, transfer);
  }

  private liveThread(): StoreWorkerThread {
    if (!this.thread?.isAlive) this.thread = new StoreWorkerThread(this.dataDir);
    return this.thread;
  }
}
