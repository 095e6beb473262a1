import type { Knex } from 'knex';
import type { Db } from '../db';
import type { PortalDocument } from '../contracts/portal';

// SQL of the upload portal: the request a link opens, its documents, and storing an upload.

export interface PortalRequest {
  companyId: string;
  vendorId: string;
  gcName: string;
  vendorName: string;
  projectId: string | null;
  projectName: string | null;
  brokerEmail: string | null;
}

export async function findPortalRequest(db: Db | Knex.Transaction, requestId: string): Promise<PortalRequest | null> {
  const row = (await db('coi_requests as r')
    .join('companies as c', 'c.id', 'r.company_id')
    .join('vendors as v', function () {
      this.on('v.company_id', 'r.company_id').andOn('v.id', 'r.vendor_id');
    })
    .leftJoin('projects as p', function () {
      this.on('p.company_id', 'r.company_id').andOn('p.id', 'r.project_id');
    })
    .where('r.id', requestId)
    .first('r.company_id', 'r.vendor_id', 'c.name as gc_name', 'v.name as vendor_name', 'r.project_id', 'p.name as project_name', 'r.broker_email')) as
    | { company_id: string; vendor_id: string; gc_name: string; vendor_name: string; project_id: string | null; project_name: string | null; broker_email: string | null }
    | undefined;
  if (!row) return null;
  return {
    companyId: String(row.company_id),
    vendorId: String(row.vendor_id),
    gcName: row.gc_name,
    vendorName: row.vendor_name,
    projectId: row.project_id === null ? null : String(row.project_id),
    // A project not (yet) mirrored still must not read as "all projects".
    projectName: row.project_id === null ? null : (row.project_name ?? 'your project'),
    brokerEmail: row.broker_email,
  };
}

export async function listDocuments(db: Db | Knex.Transaction, requestId: string): Promise<PortalDocument[]> {
  const rows = (await db('documents')
    .where({ request_id: requestId })
    .orderBy('created_at')
    .select('filename', 'size', 'created_at')) as { filename: string; size: number; created_at: Date }[];
  return rows.map((r) => ({ filename: r.filename, size: r.size, createdAt: r.created_at.toISOString() }));
}

/** Locks the request for an upload; null when it was closed since its link was checked. */
export async function lockOpenRequest(trx: Knex.Transaction, requestId: string): Promise<boolean> {
  const row = await trx('coi_requests')
    .where({ id: requestId })
    .whereNull('deleted_at')
    .whereNotIn('status', ['archived', 'cancelled'])
    .forNoKeyUpdate()
    .first('id');
  return Boolean(row);
}

export interface NewDocument {
  filename: string;
  contentType: string;
  bytes: Buffer;
  sha256: Buffer;
}

/** Stores the documents this request does not have yet; returns the hashes (hex) actually stored. */
export async function insertDocuments(
  trx: Knex.Transaction,
  d: { companyId: string; requestId: string; uploadId: string; files: NewDocument[] },
): Promise<Set<string>> {
  if (d.files.length === 0) return new Set();
  const rows = (await trx('documents')
    .insert(
      d.files.map((f) => ({
        company_id: d.companyId,
        request_id: d.requestId,
        upload_id: d.uploadId,
        filename: f.filename,
        content_type: f.contentType,
        size: f.bytes.length,
        sha256: f.sha256,
        bytes: f.bytes,
      })),
    )
    .onConflict(['request_id', 'sha256'])
    .ignore()
    .returning('sha256')) as { sha256: Buffer }[];
  return new Set(rows.map((r) => r.sha256.toString('hex')));
}

/** The first upload stops reminders; a broker address given on the page is kept for the next ones. */
export async function markUploaded(trx: Knex.Transaction, requestId: string, brokerEmail: string | undefined): Promise<void> {
  await trx('coi_requests')
    .where({ id: requestId })
    .update({
      first_upload_at: trx.raw('COALESCE(first_upload_at, now())'),
      ...(brokerEmail ? { broker_email: brokerEmail } : {}),
      updated_at: trx.fn.now(),
    });
}
