import PgBoss from 'pg-boss';
import type { Services } from './services';
import type { Job } from './jobs/job';
import { isDatabaseDown } from './outage';
import { pruneSessions } from './jobs/prune-sessions';
import { sendEmail } from './jobs/send-email';
import { sweepOutbox } from './jobs/sweep-outbox';
import { sweepReads } from './jobs/sweep-reads';
import { procoreEvent } from './jobs/procore-event';
import { readCertificate } from './jobs/read-certificate';
import { sendReminders } from './jobs/send-reminders';
import { procoreWriteback } from './jobs/procore-writeback';
import { sweepWritebacks } from './jobs/sweep-writebacks';
import { nightlySyncJob } from './jobs/nightly-sync';
import { sendDigests } from './jobs/send-digests';
import { sendText } from './jobs/send-text';
import { listenForWriteBacks } from './sync/writeback-listener';

// pg-boss in the same PostgreSQL. Every app server can enqueue; workers (in-process with
// npm start, or npm run worker) run the jobs below.

export const jobs: Job[] = [pruneSessions, sendEmail, sweepOutbox, sweepReads, procoreEvent, readCertificate, sendReminders, procoreWriteback, sweepWritebacks, nightlySyncJob, sendDigests, sendText];

export interface Queue {
  boss: PgBoss;
  send(name: string, payload: object, options?: { singletonKey?: string; startAfter?: number }): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startQueue(databaseUrl: string, s: Services | null, runWorkers: boolean): Promise<Queue> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', application_name: 'coi-jobs' });
  let shuttingDown = false;
  boss.on('error', (err) => {
    // 57P01: PostgreSQL is shutting down (Ctrl-C reaches the embedded server too); not a fault.
    // Other outages are ridden out: pg-boss keeps polling and picks up where it was.
    if (isDatabaseDown(err) && (err as { code?: string }).code !== '57P01') s?.log.warn({ code: (err as { code?: string }).code, message: err.message }, 'job queue: database unreachable');
    else if ((err as { code?: string }).code !== '57P01') s?.log.error({ err }, 'job queue error');
    else if (!shuttingDown) s?.log.info('job queue: database is shutting down');
    shuttingDown ||= (err as { code?: string }).code === '57P01';
  });
  await boss.start();
  for (const job of jobs) await boss.createQueue(job.name, { name: job.name, ...job.options });
  if (s) s.queue = boss;
  let listener: { stop(): Promise<void> } | null = null;
  if (runWorkers && s) {
    listener = await listenForWriteBacks(databaseUrl, s);
    for (const job of jobs) {
      const workOptions = { batchSize: job.batchSize ?? 1, pollingIntervalSeconds: 0.5 };
      const handler: Parameters<typeof boss.work>[2] = async (batch) => {
        const runOne = async (item: (typeof batch)[number]) => {
          const counts = await job.run(s, job.payload.parse(item.data));
          s.log.info({ job: job.name, id: item.id, ...counts }, 'job done');
        };
        if (!job.sequential) {
          await Promise.all(batch.map(runOne));
          return;
        }
        // Each job is tried; a failure (after all) fails the batch, and pg-boss retries it.
        let failure: unknown;
        for (const item of batch) await runOne(item).catch((err: unknown) => (failure ??= err));
        if (failure) throw failure;
      };
      // Each work() call is one poller running one batch at a time: N of them run N at once.
      for (let i = 0; i < (job.concurrency?.(s) ?? 1); i++) await boss.work(job.name, workOptions, handler);
      if (job.schedule) await boss.schedule(job.name, job.schedule, {});
    }
  }
  return {
    boss,
    send: (name, payload, options = {}) => boss.send(name, payload, options),
    async stop() {
      await listener?.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
