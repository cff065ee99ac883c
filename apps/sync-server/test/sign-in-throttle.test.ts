import { describe, expect, it } from 'vitest';
import { Backoff, SignInThrottle, defaultSignInThrottle } from '../src/auth/sign-in-throttle';
import { manualClock } from './support/clock';

describe('sign-in throttle', () => {
  it('A83: the wait doubles after the free failures, up to its ceiling, and a right password resets the pair', () => {
    const clock = manualClock();
    const throttle = new SignInThrottle(defaultSignInThrottle, clock);
    for (let i = 0; i < 5; i++) {
      expect(throttle.admit('nia@example.cymru', '198.51.100.7').ok).toBe(true);
      throttle.failed('nia@example.cymru', '198.51.100.7');
    }
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const refused = throttle.admit('nia@example.cymru', '198.51.100.7');
      expect(refused.ok).toBe(false);
      if (refused.ok) break;
      waits.push(refused.retryAfterSeconds);
      clock.advance(refused.retryAfterSeconds * 1000);
      expect(throttle.admit('nia@example.cymru', '198.51.100.7').ok).toBe(true);
      throttle.failed('nia@example.cymru', '198.51.100.7');
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    // Meanwhile the owner, from another address, is admitted every time.
    expect(throttle.admit('nia@example.cymru', '203.0.113.20').ok).toBe(true);
    clock.advance(900_000);
    throttle.succeeded('nia@example.cymru', '198.51.100.7');
    for (let i = 0; i < 5; i++) throttle.failed('nia@example.cymru', '198.51.100.7');
    expect(throttle.admit('nia@example.cymru', '198.51.100.7')).toEqual({ ok: false, retryAfterSeconds: 30 });
  });

  it('A83: an address failing across many accounts waits too, and its counters stay bounded', () => {
    const clock = manualClock();
    const throttle = new SignInThrottle({ ...defaultSignInThrottle, addressBucket: { burst: 1000, perMinute: 1000 } }, clock);
    for (let i = 0; i < 100; i++) {
      expect(throttle.admit(`person-${i}@example.cymru`, '198.51.100.8').ok).toBe(true);
      throttle.failed(`person-${i}@example.cymru`, '198.51.100.8');
    }
    expect(throttle.admit('someone-new@example.cymru', '198.51.100.8')).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(throttle.admit('someone-new@example.cymru', '198.51.100.9').ok).toBe(true);
    const backoff = new Backoff({ freeFailures: 1, baseMs: 1000, maxMs: 1000, forgetAfterMs: 60_000, maxKeys: 50 }, clock);
    for (let i = 0; i < 1000; i++) backoff.fail(`k${i}`);
    expect((backoff as unknown as { keys: Map<string, unknown> }).keys.size).toBeLessThanOrEqual(50);
  });
});
