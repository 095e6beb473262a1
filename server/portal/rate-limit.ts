import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

// A fixed-window limit on portal API calls per client address, kept in PostgreSQL so that
// every app server counts against the same allowance: N servers do not give N times the
// guesses. One statement per call (an upsert); addresses are stored as SHA-256 only.

export interface RateLimitOptions {
  /** Cost allowed per window. */
  limit: number;
  windowMs: number;
  now?: () => Date;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const keyOf = (key: string) => createHash('sha256').update(key).digest();

export class RateLimiter {
  private readonly now: () => Date;

  constructor(
    private readonly db: Knex,
    private readonly options: RateLimitOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Counts `cost` against `key` and says whether the call may go ahead. */
  async take(key: string, cost = 1): Promise<RateDecision> {
    const now = this.now();
    const finishedBefore = new Date(now.getTime() - this.options.windowMs);
    // One statement: a finished window starts over, a full one is not charged further. The
    // decision is made on the count as it stood before this call.
    const { rows } = (await this.db.raw(
      `WITH before AS (SELECT used, window_start FROM portal_rate_limits WHERE key = :key),
       after AS (
         INSERT INTO portal_rate_limits AS l (key, window_start, used) VALUES (:key, :now, :cost)
         ON CONFLICT (key) DO UPDATE SET
           window_start = CASE WHEN l.window_start <= :finishedBefore THEN :now ELSE l.window_start END,
           used = CASE WHEN l.window_start <= :finishedBefore THEN :cost WHEN l.used >= :limit THEN l.used ELSE l.used + :cost END
         RETURNING window_start)
       SELECT after.window_start, before.used AS used_before, before.window_start AS started_before FROM after LEFT JOIN before ON true`,
      { key: keyOf(key), now, cost, finishedBefore, limit: this.options.limit },
    )) as { rows: { window_start: Date; used_before: number | null; started_before: Date | null }[] };
    const row = rows[0]!;
    const fresh = row.started_before === null || row.started_before <= finishedBefore;
    if (fresh || (row.used_before ?? 0) < this.options.limit) return { allowed: true };
    const endsAt = row.window_start.getTime() + this.options.windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
  }

  /** Adds to the count without a decision (a wrong token costs extra after the fact). */
  async charge(key: string, cost: number): Promise<void> {
    await this.db('portal_rate_limits').where({ key: keyOf(key) }).increment('used', cost);
  }

  /** Deletes finished windows (the hourly prune job). */
  async prune(): Promise<number> {
    return this.db('portal_rate_limits').where('window_start', '<', new Date(this.now().getTime() - this.options.windowMs)).delete();
  }
}

/** Portal API: 30 calls a minute per address; a call with a wrong link counts double. */
export const portalRateLimit = { limit: 30, windowMs: 60_000, invalidLinkExtraCost: 1 } as const;
