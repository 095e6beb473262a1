import { z } from 'zod';
import { defineJob } from './job';
import type { Services } from '../services';
import { sendEmailRetries } from './send-email';
import { sendTextRetries } from './send-text';

// Safety net, every minute, for both outboxes (emails and texts): an email queued in a transaction whose follow-up enqueue never
// happened (a crash between commit and enqueue), or whose job gave up, gets a job again, unless
// one is still alive for it (its singleton key is the email id), so jobs never pile up while
// mail is down. An email left "sending" by a crash mid-send (longer than SMTP may take) is put
// back to "queued" and sent again, with the same Message-ID.

/** Longer than the mailer's connection and socket timeouts together. */
export const sendingStaleAfter = "interval '2 minutes'";

/** One outbox (emails, texts) and the job that sends its rows. */
interface Outbox {
  table: 'emails' | 'texts';
  job: string;
  key: 'emailId' | 'textId';
  retries: { retryLimit: number; retryDelay: number; retryBackoff: boolean; keyBy: string };
}

const outboxes: Outbox[] = [
  { table: 'emails', job: 'send-email', key: 'emailId', retries: sendEmailRetries },
  { table: 'texts', job: 'send-text', key: 'textId', retries: sendTextRetries },
];

async function sweep(s: Services, o: Outbox): Promise<{ requeued: number; reconciled: number }> {
  const reconciled = await s.db(o.table)
    .where({ status: 'sending' })
    .where('sending_at', '<', s.db.raw(`now() - ${sendingStaleAfter}`))
    .update({ status: 'queued', sending_at: null });
  const stale = (await s.db(`${o.table} as e`)
    .where('e.status', 'queued')
    .where('e.created_at', '<', s.db.raw("now() - interval '1 minute'"))
    .whereNotExists((q) =>
      q
        .select(s.db.raw('1'))
        .from('pgboss.job as j')
        .where('j.name', o.job)
        .whereRaw('j.singleton_key = e.id::text')
        // A job "active" for minutes belongs to a worker that died; pg-boss retries it only when it expires.
        .whereRaw(`(j.state IN ('created', 'retry') OR (j.state = 'active' AND j.started_on > now() - ${sendingStaleAfter}))`),
    )
    .limit(500)
    .pluck('e.id')) as string[];
  await s.enqueueMany(o.job, stale.map((id) => ({ [o.key]: id })), o.retries);
  return { requeued: stale.length, reconciled };
}

export const sweepOutbox = defineJob({
  name: 'sweep-outbox',
  payload: z.object({}).loose(),
  schedule: '* * * * *',
  async run(s) {
    const emails = await sweep(s, outboxes[0]!);
    const texts = await sweep(s, outboxes[1]!);
    return { ...emails, textsRequeued: texts.requeued, textsReconciled: texts.reconciled };
  },
});
