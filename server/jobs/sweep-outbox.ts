import { z } from 'zod';
import { defineJob } from './job';
import { sendEmailRetries } from './send-email';

// Safety net, every minute: an email queued in a transaction whose follow-up enqueue never
// happened (a crash between commit and enqueue), or whose job gave up, gets a job again, unless
// one is still alive for it (its singleton key is the email id), so jobs never pile up while
// mail is down. An email left "sending" by a crash mid-send (longer than SMTP may take) is put
// back to "queued" and sent again, with the same Message-ID.

/** Longer than the mailer's connection and socket timeouts together. */
export const sendingStaleAfter = "interval '2 minutes'";

export const sweepOutbox = defineJob({
  name: 'sweep-outbox',
  payload: z.object({}).loose(),
  schedule: '* * * * *',
  async run(s) {
    const reconciled = await s.db('emails')
      .where({ status: 'sending' })
      .where('sending_at', '<', s.db.raw(`now() - ${sendingStaleAfter}`))
      .update({ status: 'queued', sending_at: null });
    const stale = (await s.db('emails as e')
      .where('e.status', 'queued')
      .where('e.created_at', '<', s.db.raw("now() - interval '1 minute'"))
      .whereNotExists((q) =>
        q.select(s.db.raw('1')).from('pgboss.job as j').where('j.name', 'send-email').whereIn('j.state', ['created', 'retry', 'active']).whereRaw('j.singleton_key = e.id::text'),
      )
      .limit(500)
      .pluck('e.id')) as string[];
    await s.enqueueMany('send-email', stale.map((emailId) => ({ emailId })), sendEmailRetries);
    return { requeued: stale.length, reconciled };
  },
});
