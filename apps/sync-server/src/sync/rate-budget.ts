/**
 * A connection's rate limits (SPEC S8, S17) as three token buckets in one object: messages and
 * bytes per second (exceeding either closes the socket) and presence updates per second
 * (excess is dropped). Each refills at its rate and holds at most twice that (the burst). One
 * object with plain numbers rather than three bucket objects: an idle connection's memory is
 * mostly what it holds.
 */
import type { SyncLimits } from './limits';

export class RateBudget {
  private messages: number;
  private bytes: number;
  private presence: number;
  private refilledAt = performance.now();

  constructor(private readonly limits: SyncLimits) {
    this.messages = 2 * limits.maxMessagesPerSecond;
    this.bytes = 2 * limits.maxBytesPerSecond;
    this.presence = 2 * limits.maxAwarenessPerSecond;
  }

  /** Takes one message of `byteLength` bytes; false (taking nothing) if either budget is short. */
  takeFrame(byteLength: number): boolean {
    this.refill();
    if (this.messages < 1 || this.bytes < byteLength) return false;
    this.messages -= 1;
    this.bytes -= byteLength;
    return true;
  }

  /** Takes one presence update; false if the presence budget is spent. */
  takePresence(): boolean {
    this.refill();
    if (this.presence < 1) return false;
    this.presence -= 1;
    return true;
  }

  private refill(): void {
    const now = performance.now();
    const seconds = (now - this.refilledAt) / 1000;
    this.refilledAt = now;
    const { maxMessagesPerSecond, maxBytesPerSecond, maxAwarenessPerSecond } = this.limits;
    this.messages = Math.min(2 * maxMessagesPerSecond, this.messages + seconds * maxMessagesPerSecond);
    this.bytes = Math.min(2 * maxBytesPerSecond, this.bytes + seconds * maxBytesPerSecond);
    this.presence = Math.min(2 * maxAwarenessPerSecond, this.presence + seconds * maxAwarenessPerSecond);
  }
}
