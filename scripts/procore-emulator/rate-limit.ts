import type { NextFunction, Request, Response } from 'express';
import { restContext, sendError } from './http';

// Two fixed windows per access token: an hourly one and a short spike window. The headers
// describe whichever window has fewer requests left, as Procore does.

export interface RateLimitOptions {
  hourly: number;
  spike: number;
  spikeWindowSeconds: number;
}

interface Window {
  startedAt: number;
  count: number;
}

interface TokenWindows {
  hour: Window;
  spike: Window;
}

function roll(window: Window, now: number, lengthMs: number): void {
  if (now - window.startedAt >= lengthMs) {
    window.startedAt = now;
    window.count = 0;
  }
}

export function createRateLimiter(options: RateLimitOptions) {
  const windows = new Map<string, TokenWindows>();
  const spikeMs = options.spikeWindowSeconds * 1000;

  return function rateLimit(_req: Request, res: Response, next: NextFunction): void {
    const key = restContext(res).token.access_token;
    const now = Date.now();
    const w = windows.get(key) ?? { hour: { startedAt: now, count: 0 }, spike: { startedAt: now, count: 0 } };
    windows.set(key, w);
    roll(w.hour, now, 3_600_000);
    roll(w.spike, now, spikeMs);
    const candidates = [
      { limit: options.hourly, used: w.hour.count, resetMs: w.hour.startedAt + 3_600_000 },
      { limit: options.spike, used: w.spike.count, resetMs: w.spike.startedAt + spikeMs },
    ];
    const exhausted = candidates.find((c) => c.used >= c.limit);
    if (exhausted) {
      setHeaders(res, exhausted.limit, 0, exhausted.resetMs);
      res.set('Retry-After', String(Math.max(1, Math.ceil((exhausted.resetMs - now) / 1000))));
      sendError(res, 429, 'Rate limit exceeded. Wait until X-Rate-Limit-Reset before retrying.');
      return;
    }
    w.hour.count += 1;
    w.spike.count += 1;
    const nearest = candidates
      .map((c) => ({ ...c, remaining: c.limit - c.used - 1 }))
      .reduce((a, b) => (b.remaining < a.remaining ? b : a));
    setHeaders(res, nearest.limit, nearest.remaining, nearest.resetMs);
    next();
  };
}

function setHeaders(res: Response, limit: number, remaining: number, resetMs: number): void {
  res.set('X-Rate-Limit-Limit', String(limit));
  res.set('X-Rate-Limit-Remaining', String(Math.max(0, remaining)));
  res.set('X-Rate-Limit-Reset', String(Math.ceil(resetMs / 1000)));
}
