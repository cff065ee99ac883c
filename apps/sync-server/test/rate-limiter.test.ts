import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/auth/rate-limiter';
import { manualClock } from './support/clock';

describe('token bucket', () => {
  it('A3: allows the burst, then refills at the set rate and says when to retry', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ burst: 3, perMinute: 6 }, clock);
    expect([limiter.take('k'), limiter.take('k'), limiter.take('k')].every((r) => r.ok)).toBe(true);
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('other').ok).toBe(true);
    clock.advance(10_000);
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.peek('k').ok).toBe(false);
    limiter.reset('k');
    expect(limiter.peek('k').ok).toBe(true);
  });

  it('A3: a spray of keys does not grow memory without bound', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ burst: 1, perMinute: 1, maxKeys: 100 }, clock);
    for (let i = 0; i < 1000; i++) limiter.take(`k${i}`);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(100);
  });
});
