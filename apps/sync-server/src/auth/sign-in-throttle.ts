/**
 * Sign-in throttling that an attacker cannot turn against the owner (ACCESS.md A83). Wrong
 * passwords are counted per (account, client address), never per account alone: someone
 * hammering an account from their address is slowed down more and more (backoff), while the
 * owner signing in from their own address is not slowed at all. Each address also has a token
 * bucket over all its attempts (a spray across many accounts) and a backoff of its own over its
 * failures. A distributed guesser is bounded by the per-address limits and the scrypt cost.
 * In memory, with a bounded number of keys: one server process owns its counters.
 */
import type { Clock } from '../access/context';
import { RateLimiter, type TakeResult } from './rate-limiter';

export interface BackoffOptions {
  /** Failures allowed before any wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
  /** A key with no failure for this long is forgotten. */
  forgetAfterMs: number;
  maxKeys?: number;
}

interface Failures {
  count: number;
  lastAt: number;
  lockedUntil: number;
}

/** Failures per key, with a wait that doubles after the free ones. */
export class Backoff {
  private readonly keys = new Map<string, Failures>();

  constructor(private readonly options: BackoffOptions, private readonly clock: Clock) {}

  check(key: string): TakeResult {
    const entry = this.current(key);
    const waitMs = entry ? entry.lockedUntil - this.clock() : 0;
    return waitMs > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : { ok: true };
  }

  fail(key: string): void {
    const now = this.clock();
    const entry = this.current(key) ?? this.create(key, now);
    entry.count += 1;
    entry.lastAt = now;
    const over = entry.count - this.options.freeFailures;
    if (over >= 0) entry.lockedUntil = now + Math.min(this.options.maxMs, this.options.baseMs * 2 ** Math.min(over, 30));
  }

  reset(key: string): void {
    this.keys.delete(key);
  }

  private current(key: string): Failures | undefined {
    const entry = this.keys.get(key);
    if (entry && this.clock() - entry.lastAt >= this.options.forgetAfterMs && this.clock() >= entry.lockedUntil) {
      this.keys.delete(key);
      return undefined;
    }
    return entry;
  }

  private create(key: string, now: number): Failures {
    const maxKeys = this.options.maxKeys ?? 10_000;
    if (this.keys.size >= maxKeys) {
      for (const [other, entry] of this.keys) if (now - entry.lastAt >= this.options.forgetAfterMs && now >= entry.lockedUntil) this.keys.delete(other);
      // Still full of live keys: the oldest goes rather than memory growing without bound.
      const oldest = this.keys.keys().next();
      if (this.keys.size >= maxKeys && !oldest.done) this.keys.delete(oldest.value);
    }
    const entry = { count: 0, lastAt: now, lockedUntil: 0 };
    this.keys.set(key, entry);
    return entry;
  }
}

export interface SignInThrottleOptions {
  perPair: BackoffOptions;
  addressBucket: { burst: number; perMinute: number };
  perAddress: BackoffOptions;
}

export const defaultSignInThrottle: SignInThrottleOptions = {
  // Five wrong guesses at an account from one address, then 30 s, 1 min, 2 min ... up to 15 min.
  perPair: { freeFailures: 5, baseMs: 30_000, maxMs: 15 * 60_000, forgetAfterMs: 24 * 60 * 60_000 },
  // A school's staff share one address behind its router: generous, but still a ceiling.
  addressBucket: { burst: 50, perMinute: 20 },
  // An address that keeps failing across accounts waits 1 min, 2 min ... up to an hour.
  perAddress: { freeFailures: 100, baseMs: 60_000, maxMs: 60 * 60_000, forgetAfterMs: 60 * 60_000 },
};

export class SignInThrottle {
  private readonly pairs: Backoff;
  private readonly addresses: Backoff;
  private readonly attempts: RateLimiter;

  constructor(options: SignInThrottleOptions, clock: Clock) {
    this.pairs = new Backoff(options.perPair, clock);
    this.addresses = new Backoff(options.perAddress, clock);
    this.attempts = new RateLimiter(options.addressBucket, clock);
  }

  /** Before any hashing: may this address try this account now? Takes one of the address's attempts. */
  admit(account: string, address: string): TakeResult {
    for (const check of [this.pairs.check(pairKey(account, address)), this.addresses.check(address)]) if (!check.ok) return check;
    return this.attempts.take(address);
  }

  failed(account: string, address: string): void {
    this.pairs.fail(pairKey(account, address));
    this.addresses.fail(address);
  }

  /** The right password from this address forgets this pair's failures (not the address's). */
  succeeded(account: string, address: string): void {
    this.pairs.reset(pairKey(account, address));
  }
}

function pairKey(account: string, address: string): string {
  return `${account}\u0000${address}`;
}
