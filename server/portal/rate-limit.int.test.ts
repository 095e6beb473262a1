import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { RateLimiter } from './rate-limit';

// The portal's rate limit lives in PostgreSQL: two app servers (two pools, two limiters) share
// one allowance per address.

let database: TestDatabase;
let second: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  second = createDb(database.url, { max: 2 });
});
afterAll(async () => {
  await second?.destroy();
  await database?.drop();
});

describe('RateLimiter', () => {
  it('allows the limit per window across servers, then refuses with the seconds left, per key', async () => {
    let now = new Date('2026-12-03T10:00:00Z');
    const a = new RateLimiter(database.db, { limit: 3, windowMs: 60_000, now: () => now });
    const b = new RateLimiter(second, { limit: 3, windowMs: 60_000, now: () => now });
    expect((await a.take('10.0.0.1')).allowed).toBe(true);
    expect((await b.take('10.0.0.1')).allowed).toBe(true);
    expect((await a.take('10.0.0.1')).allowed).toBe(true);
    now = new Date(now.getTime() + 15_000);
    expect(await b.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await a.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await b.take('10.0.0.2')).allowed).toBe(true);
    now = new Date(now.getTime() + 45_000);
    expect((await b.take('10.0.0.1')).allowed).toBe(true);
    // Addresses are kept only as hashes.
    const keys = (await database.db('portal_rate_limits').pluck('key')) as Buffer[];
    expect(keys.every((k) => !k.toString('latin1').includes('10.0.0'))).toBe(true);
  });

  it('counts extra charges (a wrong link costs double), and prunes finished windows', async () => {
    let now = new Date('2026-12-03T11:00:00Z');
    const limiter = new RateLimiter(database.db, { limit: 4, windowMs: 60_000, now: () => now });
    await limiter.take('a');
    await limiter.charge('a', 1);
    await limiter.take('a');
    await limiter.charge('a', 1);
    expect((await limiter.take('a')).allowed).toBe(false);
    now = new Date(now.getTime() + 120_000);
    expect(await limiter.prune()).toBeGreaterThan(0);
    expect((await limiter.take('a')).allowed).toBe(true);
  });
});
