/**
 * A token bucket per key (an email, an IP). Sign-in uses two: a burst of guesses against one
 * account or from one address is refused with Retry-After, while a person who mistypes once
 * or twice is never slowed. In memory: one server process owns its buckets.
 */
import type { Clock } from '../access/context';

export interface RateLimitOptions {
  /** Attempts allowed at once. */
  burst: number;
  /** Attempts regained per minute. */
  perMinute: number;
  /** Keys kept before idle buckets are swept (bounds memory under a spray of keys). */
  maxKeys?: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: RateLimitOptions, private readonly clock: Clock) {}

  /** Takes one token for the key, or says how long until one is available. */
  take(key: string): TakeResult {
    const bucket = this.refill(key, this.clock());
    if (bucket.tokens < 1) return this.refusal(bucket);
    bucket.tokens -= 1;
    return { ok: true };
  }

  /** Whether a take would succeed, without spending a token. */
  peek(key: string): TakeResult {
    const bucket = this.refill(key, this.clock());
    return bucket.tokens >= 1 ? { ok: true } : this.refusal(bucket);
  }

  /** A successful sign-in forgets the account's failures. */
  reset(key: string): void {
    this.buckets.delete(key);
  }

  private refusal(bucket: Bucket): TakeResult {
    const msUntilOneToken = ((1 - bucket.tokens) * 60_000) / this.options.perMinute;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(msUntilOneToken / 1000)) };
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      this.sweepIfFull(now);
      bucket = { tokens: this.options.burst, updatedAt: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const regained = ((now - bucket.updatedAt) / 60_000) * this.options.perMinute;
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + regained);
    bucket.updatedAt = now;
    return bucket;
  }

  private sweepIfFull(now: number): void {
    if (this.buckets.size < (this.options.maxKeys ?? 10_000)) return;
    const fullAfterMs = (this.options.burst / this.options.perMinute) * 60_000;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updatedAt >= fullAfterMs) this.buckets.delete(key);
    }
    // Still full of active keys: drop the oldest rather than grow without bound.
    if (this.buckets.size >= (this.options.maxKeys ?? 10_000)) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
  }
}
