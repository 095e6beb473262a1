import type { z } from 'zod';
import type { Services } from '../services';

// A job is one file: name, payload schema, run (design.md 7.6). Runs must be idempotent:
// pg-boss delivers at least once.

export interface Job<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  /** cron (UTC) for jobs that run on a schedule */
  schedule?: string;
  /** pg-boss queue options: retries and backoff */
  options?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number };
  /** Jobs fetched (and run side by side) per poll; a failure retries the whole batch, so runs must be idempotent. */
  batchSize?: number;
  /** Jobs of this kind one worker process runs at once (default 1). */
  concurrency?: (s: Services) => number;
  /** Run a batch's jobs one after another rather than side by side. */
  sequential?: boolean;
  run(s: Services, payload: z.output<S>): Promise<Record<string, number>>;
}

export function defineJob<S extends z.ZodType>(job: Job<S>): Job<S> {
  return job;
}
