import { z } from 'zod';
import { defineJob } from './job';
import { nightlySync } from '../sync/nightly';
import { lastRunStart } from '../sync/sync-runs';

// The nightly sync: every quarter hour the schedule looks for companies (with a service grant)
// whose local time is 02:00–02:59 and that have not started a run tonight, and enqueues one
// run each; a run (payload companyId) resumes an unfinished one. Also `npm run sync`.
export const NIGHTLY_SYNC = 'nightly-sync';

/** The local date and hour at `at` in a time zone. */
export function localTime(at: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

export function dueTonight(now: Date, timeZone: string, lastStart: Date | null): boolean {
  const local = localTime(now, timeZone);
  if (local.hour !== 2) return false;
  return !lastStart || localTime(lastStart, timeZone).date !== local.date;
}

export const nightlySyncJob = defineJob({
  name: NIGHTLY_SYNC,
  payload: z.object({ companyId: z.string().regex(/^\d+$/).optional(), now: z.iso.datetime().optional() }).loose(),
  schedule: '*/15 * * * *',
  options: { retryLimit: 6, retryDelay: 300, retryBackoff: true, expireInSeconds: 3 * 3600 },
  async run(s, { companyId, now }): Promise<Record<string, number>> {
    if (companyId) {
      const { counts } = await nightlySync(s, companyId);
      return { ...counts };
    }
    const at = now ? new Date(now) : new Date();
    const companies = (await s.db('company_grants as g')
      .leftJoin('company_settings as cs', 'cs.company_id', 'g.company_id')
      .select('g.company_id', 'cs.time_zone')) as { company_id: string; time_zone: string | null }[];
    let enqueued = 0;
    for (const c of companies) {
      const id = String(c.company_id);
      if (!dueTonight(at, c.time_zone ?? 'America/New_York', await lastRunStart(s.db, id))) continue;
      await s.enqueue(NIGHTLY_SYNC, { companyId: id }, { singletonKey: `nightly:${id}` });
      enqueued++;
    }
    return { companies: companies.length, enqueued };
  },
});
