import type { Knex } from 'knex';
import type { Db } from '../db';
import type { RequestOrigin, RequestSummary } from '../contracts/requests';

// SQL for COI requests. Every query names its company.

export interface NewRequest {
  companyId: string;
  vendorId: string;
  projectId: string | null;
  origin: RequestOrigin;
  commitmentId: string | null;
  recipientEmail: string;
  requestedBy: string | null;
}

/**
 * Inserts the requests that have no active twin (same vendor and scope); the partial unique
 * index decides, so concurrent callers cannot both win. Returns the rows actually created.
 */
export async function insertRequests(trx: Knex.Transaction, rows: NewRequest[]): Promise<{ id: string; vendor_id: string }[]> {
  if (rows.length === 0) return [];
  const values = rows.map((r) => ({
    company_id: r.companyId,
    vendor_id: r.vendorId,
    project_id: r.projectId,
    origin: r.origin,
    commitment_id: r.commitmentId,
    status: 'pending',
    recipient_email: r.recipientEmail,
    requested_by: r.requestedBy,
  }));
  const insert = trx('coi_requests').insert(values).toSQL();
  const result = await trx.raw(
    `${insert.sql} ON CONFLICT (company_id, vendor_id, COALESCE(project_id, 0))
       WHERE deleted_at IS NULL AND status NOT IN ('cancelled', 'archived') DO NOTHING
     RETURNING id, vendor_id`,
    insert.bindings,
  );
  return (result.rows as { id: string; vendor_id: string }[]).map((r) => ({ id: r.id, vendor_id: String(r.vendor_id) }));
}

/** Vendors (of this company) with an active request in this scope. */
export async function activeRequestVendors(db: Db | Knex.Transaction, companyId: string, projectId: string | null, vendorIds: string[]): Promise<Set<string>> {
  const rows = (await db('coi_requests')
    .where({ company_id: companyId })
    .whereRaw('COALESCE(project_id, 0) = ?', [projectId ?? 0])
    .whereIn('vendor_id', vendorIds)
    .whereNull('deleted_at')
    .whereNotIn('status', ['cancelled', 'archived'])
    .pluck('vendor_id')) as string[];
  return new Set(rows.map(String));
}

interface RequestRow {
  id: string;
  vendor_id: string;
  vendor_name: string;
  project_id: string | null;
  project_name: string | null;
  origin: RequestOrigin;
  status: RequestSummary['status'];
  recipient_email: string;
  broker_email: string | null;
  created_at: Date;
  deleted_at: Date | null;
}

export function requestQuery(db: Db | Knex.Transaction, companyId: string) {
  return db('coi_requests as r')
    .join('vendors as v', function () {
      this.on('v.company_id', 'r.company_id').andOn('v.id', 'r.vendor_id');
    })
    .leftJoin('projects as p', function () {
      this.on('p.company_id', 'r.company_id').andOn('p.id', 'r.project_id');
    })
    .where('r.company_id', companyId)
    .select('r.id', 'r.vendor_id', 'v.name as vendor_name', 'r.project_id', 'p.name as project_name', 'r.origin', 'r.status', 'r.recipient_email', 'r.broker_email', 'r.created_at', 'r.deleted_at');
}

export function toSummary(r: RequestRow): RequestSummary {
  return {
    id: r.id,
    vendorId: String(r.vendor_id),
    vendorName: r.vendor_name,
    projectId: r.project_id === null ? null : String(r.project_id),
    projectName: r.project_name,
    origin: r.origin,
    status: r.status,
    recipientEmail: r.recipient_email,
    brokerEmail: r.broker_email,
    createdAt: r.created_at.toISOString(),
  };
}

export async function findRequest(db: Db | Knex.Transaction, companyId: string, requestId: string): Promise<(RequestRow & { deleted_at: Date | null }) | null> {
  const row = (await requestQuery(db, companyId).where('r.id', requestId).first()) as RequestRow | undefined;
  return row ?? null;
}
