import { z } from 'zod';
import { defineJob } from './job';
import { sendEmailRetries } from './send-email';

// Safety net: an email queued in a transaction whose follow-up enqueue never happened (a crash
// between commit and enqueue) is picked up here within a minute.
export const sweepOutbox = defineJob({
  name: 'sweep-outbox',
  payload: z.object({}).loose(),
  schedule: '* * * * *',
  async run(s) {
    const stale = (await s.db('emails')
      .where({ status: 'queued' })
      .where('created_at', '<', s.db.raw("now() - interval '1 minute'"))
      .limit(500)
      .pluck('id')) as string[];
    await s.enqueueMany('send-email', stale.map((emailId) => ({ emailId })), sendEmailRetries);
    return { requeued: stale.length };
  },
});
