import type { Knex } from 'knex';
import type { Db } from '../db';
import type { Verdict } from '../compliance/types';
import type { UploadedDocument } from './certificate';

// SQL behind evaluating requests: the request's uploads, the vendor's facts, verdicts
// and the checks on timeline events. Every query names its company.

type Conn = Db | Knex.Transaction;

// The request itself is read through the requests repository (the only one that touches coi_requests).
export {
  findEvaluatedRequest as findRequest,
  findActiveRequest,
  requestCompany,
  requestsInScope,
  insertCoverageRequest,
  type EvaluatedRequest,
} from '../requests/repository';

export async function uploadedDocuments(db: Conn, companyId: string, requestIds: string[]): Promise<Map<string, UploadedDocument[]>> {
  const rows = (await db('documents')
    .where({ company_id: companyId })
    .whereIn('request_id', requestIds)
    .orderBy('created_at')
    .select('id', 'request_id', 'upload_id', 'created_at', 'read_status', 'extraction')) as {
    id: string;
    request_id: string;
    upload_id: string;
    created_at: Date;
    read_status: UploadedDocument['readStatus'];
    extraction: unknown;
  }[];
  const byRequest = new Map<string, UploadedDocument[]>();
  for (const r of rows) {
    const list = byRequest.get(r.request_id) ?? [];
    list.push({ id: r.id, uploadId: r.upload_id, createdAt: r.created_at, readStatus: r.read_status, extraction: r.extraction });
    byRequest.set(r.request_id, list);
  }
  return byRequest;
}

/**
 * The largest live (non-void) commitment of each vendor, per project and over all projects
 * (key "vendorId:projectId", and "vendorId:*" for the largest anywhere).
 */
export async function commitmentValues(db: Conn, companyId: string, vendorIds: string[]): Promise<Map<string, number>> {
  const rows = (await db('commitments')
    .where({ company_id: companyId })
    .whereIn('vendor_id', vendorIds)
    .whereNot('status', 'Void')
    .whereNotNull('grand_total')
    .groupBy('vendor_id', 'project_id')
    .select('vendor_id', 'project_id', db.raw('MAX(grand_total) AS total'))) as { vendor_id: string; project_id: string; total: string }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const total = Number(r.total);
    out.set(`${r.vendor_id}:${r.project_id}`, total);
    out.set(`${r.vendor_id}:*`, Math.max(total, out.get(`${r.vendor_id}:*`) ?? 0));
  }
  return out;
}

/** Stores a verdict once per request, document and findings; created is false when it was already there. */
export async function insertVerdict(
  trx: Knex.Transaction,
  v: { companyId: string; requestId: string; documentId: string; fingerprint: string; verdict: Verdict },
): Promise<{ id: string; created: boolean }> {
  const [row] = (await trx('verdicts')
    .insert({
      company_id: v.companyId,
      request_id: v.requestId,
      document_id: v.documentId,
      outcome: v.verdict.outcome,
      fingerprint: v.fingerprint,
      body: JSON.stringify(v.verdict),
    })
    .onConflict(['request_id', 'document_id', 'fingerprint'])
    .ignore()
    .returning('id')) as { id: string }[];
  if (row) return { id: row.id, created: true };
  const existing = (await trx('verdicts')
    .where({ company_id: v.companyId, request_id: v.requestId, document_id: v.documentId, fingerprint: v.fingerprint })
    .first('id')) as { id: string };
  return { id: existing.id, created: false };
}

/**
 * Values of a document a compliance manager corrected (or confirmed by entering them again). A
 * whole coverage line added by hand confirms each of its values.
 */
export async function confirmedPointers(db: Conn, companyId: string, documentId: string): Promise<Set<string>> {
  const rows = (await db('extraction_corrections').where({ company_id: companyId, document_id: documentId }).select('pointer', 'value')) as { pointer: string; value: unknown }[];
  const out = new Set<string>();
  const walk = (pointer: string, value: unknown) => {
    out.add(pointer);
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(`${pointer}/${k}`, v);
  };
  for (const r of rows) walk(r.pointer, r.value);
  return out;
}

/** Whether an upload was already flagged as unreadable (so a second evaluation adds nothing). */
export async function uploadFlagged(db: Conn, companyId: string, requestId: string, uploadId: string): Promise<boolean> {
  const row = await db('request_events')
    .where({ company_id: companyId, request_id: requestId, kind: 'evaluated' })
    .whereRaw("data->>'uploadId' = ?", [uploadId])
    .first('id');
  return Boolean(row);
}

/** Projects with their own requirement set whose directory lists this vendor. */
export async function projectsWithOwnRequirements(db: Conn, companyId: string, vendorId: string): Promise<{ id: string; name: string }[]> {
  const rows = (await db('requirement_sets as s')
    .join('project_vendors as pv', function () {
      this.on('pv.company_id', 's.company_id').andOn('pv.project_id', 's.project_id');
    })
    .join('projects as p', function () {
      this.on('p.company_id', 's.company_id').andOn('p.id', 's.project_id');
    })
    .where('s.company_id', companyId)
    .where('pv.vendor_id', vendorId)
    .where('p.active', true)
    .orderBy('p.name')
    .select('p.id', 'p.name')) as { id: string; name: string }[];
  return rows.map((r) => ({ id: String(r.id), name: r.name }));
}
