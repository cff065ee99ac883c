/**
 * One storage worker thread and the requests waiting on it. It lives until it exits; when that
 * was not asked for, every waiting request is rejected (WorkerDocStore then starts a new one for
 * the next request). Requests may be sent before the worker has opened the database: the
 * thread's port queues them, and it starts reading only once the database is open.
 */
import { Worker } from 'node:worker_threads';
import type { ReplyValues, RequestMessage, StoreOp, StoreRequest, StoreWorkerData, WorkerMessage } from './worker-protocol';

/** The worker ended before answering: the request may or may not have been carried out. */
export class StoreWorkerExitedError extends Error {
  override name = 'StoreWorkerExitedError';
}

interface Waiting {
  resolve: (value: ReplyValues[StoreOp]) => void;
  reject: (error: Error) => void;
}

function startWorker(dataDir: string): Worker {
  // The bootstrap loads the real entry, registering tsx first when it is TypeScript (see there).
  const workerData: StoreWorkerData = { entry: new URL('./sqlite-store-worker.ts', import.meta.url).href, dataDir };
  return new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData });
}

export class StoreWorkerThread {
  /** Resolves once the worker has opened the database (migrations run there). */
  readonly opened: Promise<void>;
  /** Resolves when the thread has exited, for whatever reason. */
  readonly exited: Promise<void>;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private hasExited = false;
  private failure: string | undefined;

  constructor(dataDir: string) {
    this.worker = startWorker(dataDir);
    let opened!: () => void;
    let openFailed!: (error: Error) => void;
    this.opened = new Promise<void>((resolve, reject) => {
      opened = resolve;
      openFailed = reject;
    });
    // Only WorkerDocStore.open awaits this; a restarted worker's failure reaches its requests instead.
    this.opened.catch(() => undefined);
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'opened') opened();
      else if (message.kind === 'openFailed') {
        this.failure = `storage worker could not open the database in ${dataDir}: ${message.message}`;
        openFailed(new Error(this.failure));
      } else this.settle(message);
    });
    // Without a listener, an uncaught error in the worker would be rethrown on the main thread.
    this.worker.on('error', (error) => {
      this.failure ??= `storage worker crashed: ${error.message}`;
    });
    this.exited = new Promise<void>((resolve) => {
      this.worker.once('exit', (code) => {
        this.hasExited = true;
        const error = new StoreWorkerExitedError(this.failure ?? `storage worker exited unexpectedly (exit code ${code})`);
        openFailed(error);
        for (const { reject } of this.waiting.values()) reject(error);
        this.waiting.clear();
        resolve();
      });
    });
  }

  get isAlive(): boolean {
    return !this.hasExited;
  }

  request<R extends StoreRequest>(request: R, transfer: ArrayBuffer[] = []): Promise<ReplyValues[R['op']]> {
    if (this.hasExited) return Promise.reject(new StoreWorkerExitedError(this.failure ?? 'storage worker has exited'));
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<ReplyValues[R['op']]>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as Waiting['resolve'], reject });
      this.worker.postMessage({ ...request, id } satisfies RequestMessage, transfer);
    });
  }

  /** Asks the worker to close the database, then waits for the thread to end. */
  async close(): Promise<void> {
    const closed = this.request({ op: 'close' });
    await this.exited;
    // A worker that died before answering holds nothing open any more; a close error it reported is real.
    await closed.catch((error: unknown) => {
      if (!(error instanceof StoreWorkerExitedError)) throw error;
    });
  }

  /** Ends the thread abruptly, as a crash would. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
    await this.exited;
  }

  private settle(reply: Extract<WorkerMessage, { kind: 'reply' }>): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(reply.message));
  }
}
