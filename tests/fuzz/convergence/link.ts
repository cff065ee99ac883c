/**
 * One direction of one connection: frames wait here until the harness delivers them, so the
 * seed alone decides the order of events. Faults are explicit operations on the queue.
 */
import * as prng from 'lib0/prng';

export class Link {
  private queue: Uint8Array[] = [];
  /** The last frames delivered, for duplicates (a retransmission after the fact). */
  private recent: Uint8Array[] = [];
  /** A partitioned link keeps queueing but delivers nothing until healed. */
  held = false;

  constructor(private readonly deliver: (frame: Uint8Array) => Promise<void>) {}

  get pending(): number {
    return this.queue.length;
  }

  push(frame: Uint8Array): void {
    this.queue.push(frame);
  }

  /** A dead socket loses what was in flight; a new connection starts empty. */
  drop(): void {
    this.queue = [];
    this.recent = [];
  }

  /** Delivers up to `count` frames in order (what TCP guarantees). */
  async flushInOrder(count: number): Promise<number> {
    let delivered = 0;
    while (delivered < count && !this.held && this.queue.length > 0) {
      const frame = this.queue.shift() as Uint8Array;
      delivered++;
      this.remember(frame);
      await this.deliver(frame);
    }
    return delivered;
  }

  /** Delivers one frame taken from anywhere in the queue: reordering beyond what TCP allows. */
  async deliverOutOfOrder(gen: prng.PRNG): Promise<void> {
    if (this.held || this.queue.length === 0) return;
    const index = prng.int32(gen, 0, this.queue.length - 1);
    const [frame] = this.queue.splice(index, 1);
    if (!frame) return;
    this.remember(frame);
    await this.deliver(frame);
  }

  private remember(frame: Uint8Array): void {
    this.recent.push(frame);
    if (this.recent.length > 8) this.recent.shift();
  }

  /** Delivers again one of the last frames already delivered: duplication. */
  async deliverDuplicate(gen: prng.PRNG): Promise<void> {
    if (this.held || this.recent.length === 0) return;
    const frame = this.recent[prng.int32(gen, 0, this.recent.length - 1)];
    if (frame) await this.deliver(frame.slice());
  }
}
