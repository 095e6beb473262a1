import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows the limit per window, then refuses with the seconds left, per key', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    now += 15_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 45_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('counts extra charges (a wrong link costs double)', () => {
    const limiter = new RateLimiter({ limit: 4, windowMs: 60_000, now: () => 0 });
    limiter.take('a');
    limiter.charge('a', 1);
    limiter.take('a');
    limiter.charge('a', 1);
    expect(limiter.take('a').allowed).toBe(false);
  });
});
