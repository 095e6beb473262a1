import type { Services } from '../services';
import { queueEmail } from '../notifications/outbox';
import { systemActor } from '../requests/timeline';
import { localTime } from '../jobs/nightly-sync';
import { digestChanges, type ChangeKind, type DigestChange } from './changes';
import { renderDigest } from './template';
import { readableBy } from './visibility';

// One user's digest for one company-local day: the changes since their last one that they may
// see, queued in the outbox (dedupe digest:<company>:<user>:<date>) or, when there are none,
// nothing. The subscription row is locked and must still show the window that was read, so
// two workers queue one email; the window then moves on.

export const digestHour = 7;
const defaultTimeZone = 'America/New_York';

interface Subscription {
  company_id: string;
  user_id: string;
  last_local_date: string | null;
  last_until: Date;
}

const filters: Record<ChangeKind, string> = {
  compliant: 'status=compliant',
  deficient: 'status=awaiting_new_coi',
  expiring: 'expiresWithin=30',
  not_responding: 'queue=not_responding',
};

export function digestLink(appUrl: string, companyId: string, kind: ChangeKind | null, projectId: string | null): string {
  const project = projectId ? `&project_id=${projectId}` : '';
  return `${appUrl}/app?company_id=${companyId}${project}${kind ? `&tab=register&${filters[kind]}` : ''}`;
}

/** The new email's id; null when nothing changed, the day is done, or another worker did it. */
export async function sendDigest(s: Services, companyId: string, userId: string, at: Date): Promise<string | null> {
  const info = (await s.db('digest_subscriptions as d')
    .join('users as u', 'u.id', 'd.user_id')
    .join('companies as c', 'c.id', 'd.company_id')
    .leftJoin('company_settings as cs', 'cs.company_id', 'd.company_id')
    .where({ 'd.company_id': companyId, 'd.user_id': userId })
    .first(s.db.raw('CAST(d.last_local_date AS text) AS last_local_date'), 'd.last_until', 'u.name', 'u.login', 'c.name as company_name', 'cs.time_zone')) as
    | { last_local_date: string | null; last_until: Date; name: string; login: string; company_name: string; time_zone: string | null }
    | undefined;
  if (!info) return null;
  const timeZone = info.time_zone ?? defaultTimeZone;
  const today = localTime(at, timeZone).date;
  if (info.last_local_date === today) return null;
  const all = await digestChanges(s.db, { companyId, since: info.last_until, until: at, sinceDate: localTime(info.last_until, timeZone).date, today });
  const readable = await readableBy(s, { id: userId, name: info.name, login: info.login }, companyId);
  const changes: DigestChange[] = [];
  for (const c of all) if (await readable(c.projectId)) changes.push(c);
  return s.db.transaction(async (trx) => {
    const row = (await trx('digest_subscriptions').where({ company_id: companyId, user_id: userId }).forUpdate().first()) as Subscription | undefined;
    if (!row || row.last_until.getTime() !== info.last_until.getTime()) return null;
    let emailId: string | null = null;
    if (changes.length > 0) {
      const email = renderDigest({
        companyName: info.company_name,
        userName: info.name,
        date: today,
        changes,
        linkFor: (kind, projectId) => digestLink(s.config.appUrl, companyId, kind, projectId),
      });
      emailId = await queueEmail(
        trx,
        { companyId, requestId: null, kind: 'digest', dedupeKey: `digest:${companyId}:${userId}:${today}`, fromName: 'COI Compliance', to: [info.login], cc: [], ...email },
        systemActor('Daily digest'),
      );
    }
    await trx('digest_subscriptions').where({ company_id: companyId, user_id: userId }).update({ last_local_date: today, last_until: at });
    return emailId;
  });
}
