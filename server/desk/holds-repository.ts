import type { Db } from '../db';
import type { CoiStatus } from '../contracts/directory';
import type { PayHold } from '../contracts/desk';
import { coiStatusLabels } from '../contracts/directory';
import { scopedRows } from './scope';

// Pay-app holds: a project's live commitments (not void) whose vendor is not compliant today,
// with the status the directory shows for that vendor (the project's request, else the global
// one), why, and since when. One statement.

interface HoldRow {
  id: string;
  number: string | null;
  title: string | null;
  kind: 'work_order' | 'purchase_order';
  grand_total: string | null;
  vendor_id: string;
  vendor_name: string;
  status: CoiStatus;
  request_id: string | null;
  since: Date | null;
  verdict: { deficiencies?: { message: string }[]; reviewReasons?: { message: string }[] } | null;
}

function reasonOf(r: HoldRow): string {
  const first = r.verdict?.deficiencies?.[0]?.message;
  const label = coiStatusLabels[r.status];
  if (r.status === 'not_requested') return 'No certificate has been requested';
  if (r.status === 'pending') return 'Requested; no certificate received yet';
  if (r.status === 'archived') return 'The request was archived';
  return first ? `${label}: ${first}` : label;
}

export async function payHolds(db: Db, companyId: string, projectId: string): Promise<PayHold[]> {
  // The scoped CTEs give own and glob (every request of the company); the pairs part is not used.
  const w = scopedRows({ companyId, projectId });
  const result = (await db.raw(
    `${w.sql},
     holds AS (
       SELECT c.id, c.number, c.title, c.kind, c.grand_total, c.vendor_id, c.procore_created_at,
              CASE WHEN own.status IS NOT NULL AND own.status <> 'archived' THEN own.id
                   WHEN glob.status IS NOT NULL AND glob.status <> 'archived' THEN glob.id
                   ELSE COALESCE(own.id, glob.id) END AS request_id,
              CASE WHEN own.status IS NOT NULL AND own.status <> 'archived' THEN own.status
                   WHEN glob.status IS NOT NULL AND glob.status <> 'archived' THEN glob.status
                   ELSE COALESCE(own.status, glob.status, 'not_requested') END AS status
         FROM commitments c
         LEFT JOIN own ON own.vendor_id = c.vendor_id AND own.project_id = c.project_id
         LEFT JOIN glob ON glob.vendor_id = c.vendor_id
        WHERE c.company_id = ? AND c.project_id = ? AND c.vendor_id IS NOT NULL AND c.status <> 'Void'
     )
     SELECT h.id, h.number, h.title, h.kind, h.grand_total, h.vendor_id, v.name AS vendor_name, h.status, h.request_id,
            COALESCE((SELECT MAX(e.at) FROM request_events e WHERE e.company_id = ? AND e.request_id = h.request_id AND e.kind = 'status_changed'),
                     r.created_at, h.procore_created_at) AS since,
            (SELECT vd.body FROM verdicts vd WHERE vd.company_id = r.company_id AND vd.request_id = r.id ORDER BY vd.created_at DESC LIMIT 1) AS verdict
       FROM holds h
       JOIN vendors v ON v.company_id = ? AND v.id = h.vendor_id
       LEFT JOIN coi_requests r ON r.company_id = ? AND r.id = h.request_id
      WHERE h.status NOT IN ('compliant', 'waived')
      ORDER BY since NULLS FIRST, v.name, h.id`,
    [...w.bindings, companyId, projectId, companyId, companyId, companyId] as never[],
  )) as { rows: HoldRow[] };
  return result.rows.map((r) => ({
    commitmentId: String(r.id),
    number: r.number,
    title: r.title,
    kind: r.kind,
    grandTotal: r.grand_total === null ? null : Number(r.grand_total),
    vendorId: String(r.vendor_id),
    vendorName: r.vendor_name,
    status: r.status,
    requestId: r.request_id,
    reason: reasonOf(r),
    since: r.since ? r.since.toISOString() : null,
  }));
}
