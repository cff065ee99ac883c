/** Shared by every bucket: a default closure per instance would cost each socket ~60 bytes. */
const monotonicMs = (): number => performance.now();

/** A token bucket: `ratePerSecond` refill, holding at most `burst` tokens. */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = monotonicMs,
  ) {
    this.tokens = burst;
    this.refilledAt = now();
  }

  /** Takes `count` tokens if there are enough; false (and takes nothing) otherwise. */
  take(count = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond);
    this.refilledAt = now;
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }
}
