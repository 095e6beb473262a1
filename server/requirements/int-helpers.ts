import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { extractionSchema, type Extraction } from '../contracts/extraction';
import { baseExtraction } from '../compliance/golden/base';

// Test data for the integration tests that check certificates: a truth-like extraction, stored
// as a document the reader has already read. It is the evaluator's golden base certificate
// (Apex Mechanical, Inc. for Riverside Medical Center; it meets the built-in requirements while
// its policies run), not a file of the reader's corpus, which is rebuilt on its own schedule.

/** The sample certificate as a complete extraction without provenance, with any top-level value replaced. */
export function sampleExtraction(patch: Partial<Extraction> = {}): Extraction {
  return extractionSchema.parse({ ...baseExtraction(), fields: {}, ...patch });
}

/** The same certificate with every policy running from a month ago to eleven months ahead (for checks dated today). */
export function currentPolicies(e: Extraction, now: Date = new Date()): Extraction {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    ...e,
    certificateDate: day(-1),
    policies: e.policies.map((p) => ({ ...p, effectiveDate: day(-30), expirationDate: day(335) })),
  };
}

/** Stores one upload of already-read documents (extraction null = the reader failed on it); returns the document ids. */
export async function storeReadUpload(
  db: Db,
  r: { companyId: string; requestId: string },
  extractions: (Extraction | null)[],
  at: Date = new Date(),
): Promise<string[]> {
  const uploadId = randomUUID();
  const ids: string[] = [];
  for (const [i, extraction] of extractions.entries()) {
    const bytes = Buffer.from(`document ${uploadId} ${i}`);
    const [row] = (await db('documents')
      .insert({
        company_id: r.companyId,
        request_id: r.requestId,
        upload_id: uploadId,
        filename: `file-${i + 1}.pdf`,
        content_type: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest(),
        bytes,
        read_status: extraction ? 'read' : 'failed',
        extraction: extraction ? JSON.stringify(extraction) : null,
        read_error: extraction ? null : 'unsupported_type: not a PDF',
        created_at: at,
      })
      .returning('id')) as { id: string }[];
    ids.push(row!.id);
  }
  return ids;
}
