import { z } from 'zod';
import { defineJob } from './job';
import { localTime } from './nightly-sync';
import { digestHour, sendDigest } from '../digest/send';
import { sendEmailRetries } from './send-email';

// The daily digest: every quarter hour, each subscription whose company's local time (its
// time zone, default America/New_York) is in the digest hour and that has not had today's
// digest gets it (send.ts decides whether there is anything to say).
export const SEND_DIGESTS = 'send-digests';

export const sendDigests = defineJob({
  name: SEND_DIGESTS,
  /** now: the clock to use (tests jump ahead); the schedule leaves it out. */
  payload: z.object({ now: z.iso.datetime().optional() }),
  schedule: '*/15 * * * *',
  options: { expireInSeconds: 30 * 60 },
  async run(s, { now }) {
    const at = now ? new Date(now) : new Date();
    const subs = (await s.db('digest_subscriptions as d')
      .leftJoin('company_settings as cs', 'cs.company_id', 'd.company_id')
      .select('d.company_id', 'd.user_id', s.db.raw('CAST(d.last_local_date AS text) AS last_local_date'), 'cs.time_zone')) as {
      company_id: string; user_id: string; last_local_date: string | null; time_zone: string | null;
    }[];
    const emailIds: string[] = [];
    let failed = 0;
    for (const sub of subs) {
      const local = localTime(at, sub.time_zone ?? 'America/New_York');
      if (local.hour !== digestHour || sub.last_local_date === local.date) continue;
      try {
        const id = await sendDigest(s, String(sub.company_id), String(sub.user_id), at);
        if (id) emailIds.push(id);
      } catch (err) {
        // One user's Procore refusing (a revoked grant) must not hold up the others' digests.
        failed++;
        s.log.warn({ companyId: sub.company_id, userId: sub.user_id, message: (err as Error).message }, 'digest not sent');
      }
    }
    if (emailIds.length) await s.enqueueMany('send-email', emailIds.map((emailId) => ({ emailId })), sendEmailRetries);
    return { subscriptions: subs.length, queued: emailIds.length, failed };
  },
});
