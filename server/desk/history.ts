import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import type { VendorHistory } from '../contracts/desk';
import { NotFoundError } from '../errors';
import { authorize } from '../permissions/authorize';
import { describeEvent } from '../requests/describe';

// A vendor's history across every project: each request's events (requests, emails, uploads,
// verdicts, corrections, overrides, archiving…), newest first, each naming who acted: the
// Procore user, the subcontractor, or what acted automatically ("automatic (commitment SC-012)").

const limit = 2000;

interface EventRow {
  at: Date;
  kind: string;
  request_id: string;
  project_id: string | null;
  project_name: string | null;
  actor_user_id: string | null;
  actor_label: string;
  data: Record<string, unknown> | null;
  commitment_number: string | null;
}

export function actorText(r: Pick<EventRow, 'actor_user_id' | 'actor_label' | 'kind' | 'data' | 'commitment_number'>): string {
  if (r.actor_user_id !== null) return r.actor_label;
  const commitment = r.data?.commitmentId;
  if (r.kind === 'requested' && commitment !== undefined && commitment !== null) return `automatic (commitment ${r.commitment_number ?? String(commitment)})`;
  if (r.actor_label === 'Subcontractor') return 'the subcontractor';
  return `automatic (${r.actor_label.toLowerCase()})`;
}

export async function vendorHistory(s: Services, user: SessionUser, companyId: string, vendorId: string): Promise<VendorHistory> {
  await authorize(s, user, companyId, null, 'requests.view');
  const vendor = (await s.db('vendors').where({ company_id: companyId, id: vendorId }).first('id', 'name')) as { id: string; name: string } | undefined;
  if (!vendor) throw new NotFoundError('No such vendor in this company.');
  const rows = (await s.db.raw(
    `SELECT e.at, e.kind, e.request_id, r.project_id, p.name AS project_name, e.actor_user_id, e.actor_label, e.data, c.number AS commitment_number
       FROM request_events e
       JOIN coi_requests r ON r.company_id = e.company_id AND r.id = e.request_id
       LEFT JOIN projects p ON p.company_id = r.company_id AND p.id = r.project_id
       LEFT JOIN commitments c ON c.company_id = r.company_id AND e.kind = 'requested' AND (e.data->>'commitmentId') ~ '^[0-9]{1,18}$' AND c.id = (e.data->>'commitmentId')::bigint
      WHERE e.company_id = ? AND r.vendor_id = ?
      ORDER BY e.at DESC, e.id DESC
      LIMIT ${limit + 1}`,
    [companyId, vendorId],
  )) as { rows: EventRow[] };
  const entries = rows.rows.slice(0, limit).map((r) => ({
    at: r.at.toISOString(),
    kind: r.kind,
    requestId: r.request_id,
    projectName: r.project_id === null ? null : (r.project_name ?? `Project ${r.project_id}`),
    actor: actorText(r),
    summary: describeEvent(r.kind, r.data),
  }));
  return { vendor: { id: String(vendor.id), name: vendor.name }, entries, truncated: rows.rows.length > limit };
}
