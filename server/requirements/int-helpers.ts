import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../db';
import { extractionSchema, type Extraction } from '../contracts/extraction';

// Test data for the integration tests of this folder: extractions from the certificate
// corpus's truth files, stored as documents the reader has already read.

/** A corpus truth file as a complete extraction (truth files omit provenance and warnings). */
export function truthExtraction(name: string, patch: Partial<Extraction> = {}): Extraction {
  const truth = JSON.parse(readFileSync(new URL(`../../test/fixtures/certificates/${name}.truth.json`, import.meta.url), 'utf8')) as object;
  return extractionSchema.parse({ fields: {}, warnings: [], ...truth, ...patch });
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
