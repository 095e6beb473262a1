// A fixed-window limit on portal API calls per client address, kept in memory: one app server
// is enough to slow down anyone guessing links. Behind several servers each keeps its own
// count, which still bounds guessing per server.

export interface RateLimitOptions {
  /** Cost allowed per window. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Counts `cost` against `key` and says whether the call may go ahead. */
  take(key: string, cost = 1): RateDecision {
    const now = this.now();
    this.forgetExpired(now);
    let w = this.windows.get(key);
    if (!w || now - w.startedAt >= this.options.windowMs) {
      w = { startedAt: now, used: 0 };
      this.windows.set(key, w);
    }
    if (w.used >= this.options.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.startedAt + this.options.windowMs - now) / 1000)) };
    }
    w.used += cost;
    return { allowed: true };
  }

  /** Adds to the count without a decision (a wrong token costs extra after the fact). */
  charge(key: string, cost: number): void {
    const w = this.windows.get(key);
    if (w) w.used += cost;
  }

  /** Drops finished windows once a window, so the map does not grow with every address seen. */
  private forgetExpired(now: number): void {
    if (now - this.lastSweep < this.options.windowMs) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (now - w.startedAt >= this.options.windowMs) this.windows.delete(key);
  }
}

/** Portal API: 30 calls a minute per address; a call with a wrong link counts double. */
export const portalRateLimit = { limit: 30, windowMs: 60_000, invalidLinkExtraCost: 1 } as const;
