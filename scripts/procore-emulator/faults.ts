import type { NextFunction, Request, Response } from 'express';
import { sendError } from './http';

// Injected failures (POST /__emulator/faults): the next `count` requests whose path starts with
// `path_prefix` fail with `status`, so clients can prove their retry handling.

export interface Fault {
  path_prefix: string;
  status: number;
  remaining: number;
  retry_after: number | null;
}

export function createFaults() {
  const faults: Fault[] = [];
  function middleware(req: Request, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?')[0] ?? '';
    const fault = faults.find((f) => f.remaining > 0 && path.startsWith(f.path_prefix));
    if (!fault) {
      next();
      return;
    }
    fault.remaining -= 1;
    if (fault.retry_after !== null) res.set('Retry-After', String(fault.retry_after));
    sendError(res, fault.status, fault.status === 503 ? 'Service Unavailable' : 'Internal Server Error');
  }
  return {
    middleware,
    add(fault: Omit<Fault, 'remaining'> & { count: number }): Fault {
      const entry: Fault = { path_prefix: fault.path_prefix, status: fault.status, remaining: fault.count, retry_after: fault.retry_after };
      faults.push(entry);
      return entry;
    },
    list: (): Fault[] => faults.filter((f) => f.remaining > 0),
    clear: (): void => {
      faults.length = 0;
    },
  };
}
export type Faults = ReturnType<typeof createFaults>;
