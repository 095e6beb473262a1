import type { Knex } from 'knex';
import type { Db } from '../db';
import type { PortalDocument } from '../contracts/portal';

// SQL of the upload portal: the request a link opens, its documents, and storing an upload.

// The request itself is read and locked through the requests repository.
export { findPortalRequest, lockOpenRequest, markUploaded, type PortalRequest } from '../requests/repository';

export async function listDocuments(db: Db | Knex.Transaction, requestId: string): Promise<PortalDocument[]> {
  const rows = (await db('documents')
    .where({ request_id: requestId })
    .orderBy('created_at')
    .select('filename', 'size', 'created_at')) as { filename: string; size: number; created_at: Date }[];
  return rows.map((r) => ({ filename: r.filename, size: r.size, createdAt: r.created_at.toISOString() }));
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
