/**
 * What an instance publishes to Redis Streams (SPEC S71): every XADD made during one turn of the
 * event loop goes out at the end of that turn as one pipeline, without waiting for the previous
 * pipeline's answer. ioredis's automatic pipelining would hold each pipeline until the one before
 * it had been answered and read on this (busy) event loop. Redis runs a connection's commands in
 * the order written, so entries keep the order they were made in.
 */
import type { Redis } from 'ioredis';
import type { SyncLogger } from '../logger';

/** An XADD's key and arguments. */
export type XaddArgs = [key: string, ...args: (string | Buffer)[]];

export class StreamPublisher {
  private queued: XaddArgs[] = [];
  private flushScheduled = false;

  constructor(
    private readonly redis: Redis,
    private readonly logger: SyncLogger,
    /** Entries on this stream are control messages: losing one is a warning, not a debug line. */
    private readonly controlKey: string,
  ) {}

  add(args: XaddArgs): void {
    this.queued.push(args);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, ...rest] of batch) pipeline.xadd(key, ...rest);
    const failed = (error: unknown) => {
      // The database has the edits (or will, before they are acknowledged): peers get them by
      // reconciling. A lost control message is sent again by nobody, so that one is a warning.
      const control = batch.some(([key]) => key === this.controlKey);
      this.logger[control ? 'warn' : 'debug']({ err: error, entries: batch.length }, 'fan-out: entries not published');
    };
    pipeline.exec().then((results) => {
      const error = results?.find(([err]) => err)?.[0];
      if (error) failed(error);
    }, failed);
  }
}
