import { z } from 'zod';
import type { Services } from '../services';
import { readCertificateIsolated } from '../certificates';
import { unsafeReadCodes } from '../certificates/isolated';
import { UnreadableDocumentError } from '../errors';
import { findRequest } from '../requirements/evaluation-repository';
import { queueUnreadableEmail } from '../requirements/notices';
import { sendEmailRetries } from './send-email';
import { addEvent, systemActor } from '../requests/timeline';
import { defineJob } from './job';
import { evaluateRequest } from '../requirements/evaluate-request';

// Reads the certificates of one upload, then checks them against the requirements. Each
// document is read in a capped child process (certificates/isolated.ts, kept warm in a pool); a document the
// reader cannot handle is marked failed and flagged for a person. One that stopped or overran
// the reader is not read again: the sub is asked for a normal PDF. The evaluation moves the request to Compliant, to Awaiting
// New COI (with a deficiency email), or leaves it Under review for a person.

export const READ_CERTIFICATE = 'read-certificate';

export const readCertificatePayload = z.object({ requestId: z.string().uuid(), uploadId: z.string().uuid() });

/** CPU time one document's reading may use (its process is killed past it): a scan takes about 16 s (two OCR threads). */
const readCpuMs = 60_000;
/** Wall-clock limit of one document's reading, behind the CPU limit: a busy machine gets room, a reader that hangs does not. */
export const readTimeoutMs = 180_000;
const reader = systemActor('Certificate reader');

export const readCertificate = defineJob({
  name: READ_CERTIFICATE,
  payload: readCertificatePayload,
  options: { retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 },
  // Uploads are read side by side, each document in a capped reader process (READERS_PER_WORKER of them, kept warm).
  concurrency: (s) => s.config.readersPerWorker,
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

/** Starts of one document's reading allowed in all: one more after a start that never finished (its process died). */
const maxStarts = 2;

/** Reads one document and records the result once: a second run finds it no longer queued. */
async function readOne(s: Services, doc: { id: string; company_id: string; filename: string; requestId: string }): Promise<Outcome> {
  // The start is counted (and committed) before the reader runs.
  const [row] = (await s.db('documents')
    .where({ id: doc.id, read_status: 'queued' })
    .update({ read_attempts: s.db.raw('read_attempts + 1') })
    .returning(['bytes', 'read_attempts'])) as { bytes: Buffer; read_attempts: number }[];
  if (!row) return 'skipped';
  const companyId = String(doc.company_id);
  try {
    if (row.read_attempts > maxStarts) throw new UnreadableDocumentError('reader_crashed', 'The reader stopped before finishing this document, more than once.');
    const extraction = await readCertificateIsolated(new Uint8Array(row.bytes), { timeoutMs: readTimeoutMs, cpuMs: readCpuMs, readers: s.config.readersPerWorker });
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
    const unsafe = unsafeReadCodes.has(code);
    const request = unsafe ? await findRequest(s.db, companyId, doc.requestId) : null;
    const outcome = await s.db.transaction(async (trx) => {
      const updated = await trx('documents')
        .where({ id: doc.id, read_status: 'queued' })
        .update({ read_status: 'failed', read_error: `${code}: ${message}` });
      if (!updated) return { outcome: 'skipped' as const, emailId: null };
      const emailId = request ? await queueUnreadableEmail(s, trx, request, { id: doc.id, filename: doc.filename }) : null;
      const note = unsafe
        ? `The certificate could not be read safely; flagged for a person.${emailId ? ' The sub was asked for a normal PDF.' : ''}`
        : 'The certificate could not be read automatically; flagged for a person.';
      await addEvent(trx, {
        companyId,
        requestId: doc.requestId,
        kind: 'read_failed',
        actor: reader,
        data: { documentId: doc.id, filename: doc.filename, code, message, note },
      });
      return { outcome: 'failed' as const, emailId };
    });
    if (outcome.emailId) await s.enqueueMany('send-email', [{ emailId: outcome.emailId }], sendEmailRetries);
    return outcome.outcome;
  }
}

function describeFailure(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : 'reader_failed',
    message: typeof e.message === 'string' ? e.message : 'The reader failed on this document.',
  };
}
