import type { Db } from '../db';
import type { CoiStatus } from '../contracts/directory';
import type { Overview, QueueItem } from '../contracts/desk';
import { certificateEnds, scopedRows, type DeskScope } from './scope';

// One SQL statement per overview card. Every statement names its company.

const queueLimit = 10;
/** Pending past the third reminder: the sub is not answering. */
export const silentAfterReminders = 3;

async function rows<T>(db: Db, sql: string, bindings: unknown[]): Promise<T[]> {
  return ((await db.raw(sql, bindings as never[])) as { rows: T[] }).rows;
}

export async function statusCounts(db: Db, scope: DeskScope): Promise<Overview['statusCounts']> {
  const w = scopedRows(scope);
  const r = await rows<{ status: CoiStatus; n: string }>(db, `${w.sql} SELECT status, COUNT(*) AS n FROM scoped GROUP BY status`, w.bindings);
  return r.map((x) => ({ status: x.status, count: Number(x.n) }));
}

export async function statusByProject(db: Db, scope: DeskScope): Promise<Overview['byProject']> {
  const w = scopedRows(scope);
  const r = await rows<{ project_id: string; name: string; status: CoiStatus; n: string }>(
    db,
    `${w.sql} SELECT s.project_id, p.name, s.status, COUNT(*) AS n
       FROM scoped s JOIN projects p ON p.company_id = ? AND p.id = s.project_id
      GROUP BY s.project_id, p.name, s.status
      ORDER BY p.name, s.project_id`,
    [...w.bindings, scope.companyId],
  );
  const out = new Map<string, Overview['byProject'][number]>();
  for (const x of r) {
    const id = String(x.project_id);
    const entry = out.get(id) ?? { projectId: id, projectName: x.name, counts: [] };
    entry.counts.push({ status: x.status, count: Number(x.n) });
    out.set(id, entry);
  }
  return [...out.values()];
}

/** Distinct certificates (requests), not rows: a global certificate covering many projects is one certificate. */
export async function expiring(db: Db, scope: DeskScope, today: string): Promise<Overview['expiring']> {
  const w = scopedRows(scope);
  const [r] = await rows<{ d30: string; d60: string; d90: string }>(
    db,
    `${w.sql}, live AS (SELECT DISTINCT request_id FROM scoped WHERE status IN ('compliant', 'waived')),
     ends AS (${certificateEnds})
     SELECT COUNT(*) FILTER (WHERE ends_on <= ?::date + 30) AS d30,
            COUNT(*) FILTER (WHERE ends_on <= ?::date + 60) AS d60,
            COUNT(*) FILTER (WHERE ends_on <= ?::date + 90) AS d90
       FROM ends WHERE ends_on >= ?::date`,
    [...w.bindings, scope.companyId, today, today, today, today],
  );
  return { within30: Number(r?.d30 ?? 0), within60: Number(r?.d60 ?? 0), within90: Number(r?.d90 ?? 0) };
}

interface QueueRow {
  request_id: string;
  vendor_id: string;
  vendor_name: string;
  project_id: string | null;
  project_name: string | null;
  since: Date;
  reminders_sent: number;
  total: string;
  note?: string | null;
}

function toItem(r: QueueRow): QueueItem {
  return {
    requestId: r.request_id,
    vendorId: String(r.vendor_id),
    vendorName: r.vendor_name,
    projectId: r.project_id === null ? null : String(r.project_id),
    projectName: r.project_name,
    since: r.since.toISOString(),
    remindersSent: r.reminders_sent,
    ...(r.note ? { note: r.note } : {}),
  };
}

/**
 * Requests (not rows) in scope, with their vendor and project, that match `where`, oldest `since`
 * first, with the total count on every row (one statement). limit null: all of them.
 */
async function requestList(db: Db, scope: DeskScope, where: string, since: string, limit: number | null, note = 'NULL'): Promise<{ count: number; items: QueueItem[] }> {
  const w = scopedRows(scope);
  const r = await rows<QueueRow>(
    db,
    `${w.sql}, picked AS (SELECT DISTINCT request_id FROM scoped WHERE request_id IS NOT NULL)
     SELECT r.id AS request_id, r.vendor_id, v.name AS vendor_name, r.project_id, p.name AS project_name,
            ${since} AS since, r.reminders_sent, ${note} AS note, COUNT(*) OVER () AS total
       FROM picked JOIN coi_requests r ON r.company_id = ? AND r.id = picked.request_id
       JOIN vendors v ON v.company_id = r.company_id AND v.id = r.vendor_id
       LEFT JOIN projects p ON p.company_id = r.company_id AND p.id = r.project_id
      WHERE ${where}
      ORDER BY since, r.id
      ${limit === null ? '' : `LIMIT ${limit}`}`,
    [...w.bindings, scope.companyId],
  );
  return { count: Number(r[0]?.total ?? 0), items: r.map(toItem) };
}

/** Under review with every file read: waiting for a person, oldest upload first. */
const waitingForPerson = `r.status = 'under_review'
  AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.company_id = r.company_id AND d.request_id = r.id AND d.read_status = 'queued')`;
const newestUpload = `COALESCE((SELECT MAX(d.created_at) FROM documents d WHERE d.company_id = r.company_id AND d.request_id = r.id), r.updated_at)`;

export function reviewQueue(db: Db, scope: DeskScope, limit: number | null = queueLimit) {
  return requestList(db, scope, waitingForPerson, newestUpload, limit);
}

export function notResponding(db: Db, scope: DeskScope, limit: number | null = queueLimit) {
  return requestList(db, scope, `r.status = 'pending' AND r.first_upload_at IS NULL AND r.reminders_sent >= ${silentAfterReminders}`, 'r.created_at', limit);
}

/** Procore not yet told a request's state because writing failed or the company has no working grant. */
export const writeBackProblem = `EXISTS (SELECT 1 FROM procore_writebacks wb WHERE wb.request_id = r.id AND wb.done < wb.wanted AND (wb.failures > 0 OR wb.waiting_for_grant))`;

export function writeBackProblems(db: Db, scope: DeskScope, limit: number | null = queueLimit) {
  return requestList(
    db,
    scope,
    writeBackProblem,
    '(SELECT wb.updated_at FROM procore_writebacks wb WHERE wb.request_id = r.id)',
    limit,
    `(SELECT CASE WHEN wb.waiting_for_grant THEN 'Waiting for a Procore connection that works for background writes' ELSE COALESCE(wb.last_error, 'Writing to Procore failed') END FROM procore_writebacks wb WHERE wb.request_id = r.id)`,
  );
}
