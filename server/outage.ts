import type { Logger } from 'pino';

// A database outage is a state to ride out, not a fault: requests answer 503 with a plain
// sentence while PostgreSQL is away, and nothing in the process may die of it (pg-boss, for
// one, completes jobs without awaiting the promise). Jobs resume on their own when it returns.

export const unavailableMessage = 'The service is briefly unavailable; nothing you sent was lost. Please try again in a minute.';

// Connection failures (Node), and PostgreSQL's "shutting down" / "cannot connect now" / connection-class codes.
const downCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTCONN', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const downMessages = /Connection terminated|connection error|Connection is closed|timeout exceeded when trying to connect|Knex: Timeout acquiring a connection/i;

/** Whether an error means the database cannot be reached right now. */
export function isDatabaseDown(err: unknown): boolean {
  for (let e = err as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && downCodes.has(e.code)) return true;
    if (e.name === 'KnexTimeoutError') return true;
    if (typeof e.message === 'string' && downMessages.test(e.message)) return true;
  }
  return false;
}

/**
 * Keeps a server or worker process alive through a database outage: a promise rejected with no
 * handler (pg-boss's un-awaited complete/fail) is logged, not fatal. Other uncaught exceptions
 * still end the process, as its state is then unknown.
 */
export function guardProcess(log: Logger): void {
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseDown(reason)) log.warn({ message: (reason as Error).message }, 'database unreachable (unhandled rejection); carrying on');
    else log.error({ err: reason }, 'unhandled promise rejection; carrying on');
  });
  process.on('uncaughtException', (err) => {
    if (isDatabaseDown(err)) {
      log.warn({ message: err.message }, 'database unreachable (uncaught); carrying on');
      return;
    }
    log.fatal({ err }, 'uncaught exception; stopping');
    process.exit(1);
  });
}
