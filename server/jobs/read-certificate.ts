import { z } from 'zod';
import type { Services } from '../services';
import { readCertificateIsolated } from '../certificates';
import { addEvent, systemActor } from '../requests/timeline';
import { defineJob } from './job';
import { evaluateRequest } from '../requirements/evaluate-request';

// Reads the certificates of one upload, then checks them against the requirements. Each
// document is read in an isolated worker thread; a document the reader cannot handle is marked
// failed and flagged for a person. The evaluation moves the request to Compliant, to Awaiting
// New COI (with a deficiency email), or leaves it Under review for a person.

export const READ_CERTIFICATE = 'read-certificate';

export const readCertificatePayload = z.object({ requestId: z.string().uuid(), uploadId: z.string().uuid() });

const readTimeoutMs = 60_000;
const reader = systemActor('Certificate reader');

export const readCertificate = defineJob({
  name: READ_CERTIFICATE,
  payload: readCertificatePayload,
  options: { retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 },
  async run(s, { requestId, uploadId }) {
    const docs = (await s.db('documents')
      .where({ request_id: requestId, upload_id: uploadId, read_status: 'queued' })
      .orderBy('created_at')
      .select('id', 'company_id', 'filename')) as { id: string; company_id: string; filename: string }[];
    const counts = { read: 0, failed: 0, skipped: 0 };
    for (const doc of docs) counts[await readOne(s, { ...doc, requestId })] += 1;
    // Also when nothing could be read: the evaluation then flags the request for a person.
    const verdict = await evaluateRequest(s, requestId);
    return { ...counts, evaluated: verdict ? 1 : 0 };
  },
});

type Outcome = 'read' | 'failed' | 'skipped';

/** Reads one document and records the result once: a second run finds it no longer queued. */
async function readOne(s: Services, doc: { id: string; company_id: string; filename: string; requestId: string }): Promise<Outcome> {
  const row = (await s.db('documents').where({ id: doc.id }).first('bytes')) as { bytes: Buffer } | undefined;
  if (!row) return 'skipped';
  const companyId = String(doc.company_id);
  try {
    const extraction = await readCertificateIsolated(new Uint8Array(row.bytes), { timeoutMs: readTimeoutMs });
    return await s.db.transaction(async (trx) => {
      const updated = await trx('documents')
        .where({ id: doc.id, read_status: 'queued' })
        .update({ read_status: 'read', extraction: JSON.stringify(extraction), read_error: null });
      if (!updated) return 'skipped';
      await addEvent(trx, { companyId, requestId: doc.requestId, kind: 'read', actor: reader, data: { documentId: doc.id, filename: doc.filename } });
      return 'read';
    });
  } catch (error) {
    const { code, message } = describeFailure(error);
    return s.db.transaction(async (trx) => {
      const updated = await trx('documents')
        .where({ id: doc.id, read_status: 'queued' })
        .update({ read_status: 'failed', read_error: `${code}: ${message}` });
      if (!updated) return 'skipped';
      await addEvent(trx, {
        companyId,
        requestId: doc.requestId,
        kind: 'read_failed',
        actor: reader,
        data: { documentId: doc.id, filename: doc.filename, code, message, note: 'The certificate could not be read automatically; flagged for a person.' },
      });
      return 'failed';
    });
  }
}

function describeFailure(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : 'reader_failed',
    message: typeof e.message === 'string' ? e.message : 'The reader failed on this document.',
  };
}
