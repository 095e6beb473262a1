import type { Knex } from 'knex';
import type { Db } from '../db';
import { silentAfterReminders } from '../desk/overview-repository';

// What changed in a company between two moments, for the daily digest: requests whose last
// status change in the window made (and left) them Compliant or Awaiting New COI, certificates
// that came within 30 days of their earliest policy end, and subs still silent after the
// reminder that makes them "not responding". One statement; every part names its company.

export type ChangeKind = 'compliant' | 'deficient' | 'expiring' | 'not_responding';

export interface DigestChange {
  kind: ChangeKind;
  requestId: string;
  vendorName: string;
  projectId: string | null;
  projectName: string | null;
  /** The reason (deficient), the end date (expiring), or null. */
  detail: string | null;
}

export const expiringWithinDays = 30;

/** `sinceDate` and `today` are company-local dates (YYYY-MM-DD). */
export async function digestChanges(
  db: Db | Knex.Transaction,
  w: { companyId: string; since: Date; until: Date; sinceDate: string; today: string },
): Promise<DigestChange[]> {
  const parties = `JOIN vendors v ON v.company_id = r.company_id AND v.id = r.vendor_id
    LEFT JOIN projects p ON p.company_id = r.company_id AND p.id = r.project_id`;
  const columns = 'r.id AS request_id, v.name AS vendor_name, r.project_id, p.name AS project_name';
  const { rows } = (await db.raw(
    `WITH moved AS (
       SELECT DISTINCT ON (e.request_id) e.request_id, e.data->>'to' AS to_status, e.data->>'reason' AS reason
         FROM request_events e
        WHERE e.company_id = :company AND e.kind = 'status_changed' AND e.at > :since AND e.at <= :until
        ORDER BY e.request_id, e.at DESC, e.id DESC)
     SELECT CASE m.to_status WHEN 'compliant' THEN 'compliant' ELSE 'deficient' END AS kind, ${columns}, m.reason AS detail
       FROM moved m JOIN coi_requests r ON r.company_id = :company AND r.id = m.request_id ${parties}
      WHERE m.to_status IN ('compliant', 'awaiting_new_coi') AND r.status = m.to_status AND r.deleted_at IS NULL
     UNION ALL
     SELECT 'expiring', ${columns}, CAST(d.ends_on AS text)
       FROM coi_requests r
       JOIN LATERAL (SELECT ends_on FROM documents d WHERE d.company_id = r.company_id AND d.request_id = r.id AND d.read_status = 'read'
                      ORDER BY d.created_at DESC LIMIT 1) d ON true
       ${parties}
      WHERE r.company_id = :company AND r.status IN ('compliant', 'waived') AND r.deleted_at IS NULL
        AND d.ends_on >= CAST(:today AS date) AND d.ends_on <= CAST(:today AS date) + ${expiringWithinDays} AND d.ends_on > CAST(:sinceDate AS date) + ${expiringWithinDays}
     UNION ALL
     SELECT 'not_responding', ${columns}, NULL
       FROM request_events e JOIN coi_requests r ON r.company_id = :company AND r.id = e.request_id ${parties}
      WHERE e.company_id = :company AND e.kind = 'reminder_queued' AND e.data->>'afterNotice' IS NULL
        AND CAST(e.data->>'number' AS integer) = ${silentAfterReminders} AND e.at > :since AND e.at <= :until
        AND r.status = 'pending' AND r.first_upload_at IS NULL AND r.deleted_at IS NULL
     ORDER BY kind, project_name NULLS FIRST, vendor_name`,
    { company: w.companyId, since: w.since, until: w.until, sinceDate: w.sinceDate, today: w.today },
  )) as { rows: { kind: ChangeKind; request_id: string; vendor_name: string; project_id: string | null; project_name: string | null; detail: string | null }[] };
  return rows.map((r) => ({
    kind: r.kind,
    requestId: r.request_id,
    vendorName: r.vendor_name,
    projectId: r.project_id === null ? null : String(r.project_id),
    projectName: r.project_name,
    detail: r.detail,
  }));
}
