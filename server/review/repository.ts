import type { Knex } from 'knex';
import type { Db } from '../db';
import type { Verdict } from '../compliance/types';
import type { Actor } from '../requests/timeline';

// SQL behind the review screen: the certificate document, its latest verdict, corrections and
// review events. Every query names its company.

type Conn = Db | Knex.Transaction;

export interface ReviewDocument {
  id: string;
  filename: string;
  contentType: string;
  extraction: unknown;
}

export async function findDocument(db: Conn, companyId: string, documentId: string): Promise<ReviewDocument | null> {
  const row = (await db('documents').where({ company_id: companyId, id: documentId }).first('id', 'filename', 'content_type', 'extraction')) as
    | { id: string; filename: string; content_type: string; extraction: unknown }
    | undefined;
  return row ? { id: row.id, filename: row.filename, contentType: row.content_type, extraction: row.extraction } : null;
}

export async function documentBytes(db: Conn, companyId: string, documentId: string): Promise<{ bytes: Buffer; contentType: string; filename: string } | null> {
  const row = (await db('documents').where({ company_id: companyId, id: documentId }).first('bytes', 'content_type', 'filename')) as
    | { bytes: Buffer; content_type: string; filename: string }
    | undefined;
  return row ? { bytes: row.bytes, contentType: row.content_type, filename: row.filename } : null;
}

export async function latestVerdict(db: Conn, companyId: string, requestId: string, documentId: string): Promise<Verdict | null> {
  const row = (await db('verdicts')
    .where({ company_id: companyId, request_id: requestId, document_id: documentId })
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .first('body')) as { body: Verdict } | undefined;
  return row?.body ?? null;
}

export interface StoredCorrection {
  pointer: string;
  value: string | number | boolean | null;
  reason: string;
  by: string;
  at: Date;
}

export async function corrections(db: Conn, companyId: string, documentId: string): Promise<StoredCorrection[]> {
  const rows = (await db('extraction_corrections')
    .where({ company_id: companyId, document_id: documentId })
    .orderBy('id')
    .select('pointer', 'value', 'reason', 'actor_label', 'at')) as { pointer: string; value: StoredCorrection['value']; reason: string; actor_label: string; at: Date }[];
  return rows.map((r) => ({ pointer: r.pointer, value: r.value, reason: r.reason, by: r.actor_label, at: r.at }));
}

/** A stored verdict with the document it was reached on. */
export async function findVerdict(db: Conn, companyId: string, verdictId: string): Promise<{ documentId: string; verdict: Verdict } | null> {
  const row = (await db('verdicts').where({ company_id: companyId, id: verdictId }).first('document_id', 'body')) as { document_id: string; body: Verdict } | undefined;
  return row ? { documentId: row.document_id, verdict: row.body } : null;
}

/** The newest deficiency email or note of a request that the outbox has not given up on. */
export async function lastDeficiencyEmail(db: Conn, companyId: string, requestId: string): Promise<{ id: string; dedupeKey: string } | null> {
  const row = (await db('emails')
    .where({ company_id: companyId, request_id: requestId, kind: 'deficiency' })
    .whereNot('status', 'failed')
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .first('id', 'dedupe_key')) as { id: string; dedupe_key: string } | undefined;
  return row ? { id: row.id, dedupeKey: row.dedupe_key } : null;
}

/** What a note told the sub, as recorded on its timeline event (notes before this record had none). */
export async function noteTold(db: Conn, companyId: string, requestId: string, emailId: string): Promise<{ documentId: string | null; deficiencies: string[] | null }> {
  const row = (await db('request_events')
    .where({ company_id: companyId, request_id: requestId, kind: 'note_sent' })
    .whereRaw("data->>'emailId' = ?", [emailId])
    .first('data')) as { data: { documentId?: unknown; deficiencies?: unknown } } | undefined;
  const d = row?.data;
  const list = Array.isArray(d?.deficiencies) && d.deficiencies.every((x) => typeof x === 'string') ? (d.deficiencies as string[]) : null;
  return { documentId: typeof d?.documentId === 'string' ? d.documentId : null, deficiencies: list };
}

/** Locks the document for a correction and returns its current extraction. */
export async function lockExtraction(trx: Knex.Transaction, companyId: string, documentId: string): Promise<unknown> {
  const row = (await trx('documents').where({ company_id: companyId, id: documentId }).forUpdate().first('extraction')) as { extraction: unknown } | undefined;
  return row?.extraction;
}

/** Stores the corrected extraction (the reader's own is kept the first time) and the correction itself. */
export async function saveCorrection(
  trx: Knex.Transaction,
  c: { companyId: string; documentId: string; extraction: unknown; pointer: string; previous: unknown; value: unknown; reason: string; actor: Actor },
): Promise<void> {
  await trx('documents')
    .where({ company_id: c.companyId, id: c.documentId })
    .update({ original_extraction: trx.raw('COALESCE(original_extraction, extraction)'), extraction: JSON.stringify(c.extraction) });
  await trx('extraction_corrections').insert({
    company_id: c.companyId,
    document_id: c.documentId,
    pointer: c.pointer,
    previous: JSON.stringify(c.previous ?? null),
    value: JSON.stringify(c.value),
    reason: c.reason,
    actor_user_id: c.actor.userId,
    actor_label: c.actor.label,
  });
}

