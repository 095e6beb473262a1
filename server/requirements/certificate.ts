import { extractionSchema, type Extraction } from '../contracts/extraction';

// Which document of an upload is the certificate. Subs often send the ACORD 25 with its
// endorsement pages as separate files; the endorsement forms read from those pages count as
// if printed on the certificate, so they are merged into it.

export interface UploadedDocument {
  id: string;
  uploadId: string;
  createdAt: Date;
  readStatus: 'queued' | 'read' | 'failed';
  extraction: unknown;
}

export type CertificatePick =
  /** Some file of the newest upload is still being read; its read job will evaluate. */
  | { kind: 'reading' }
  /** Nothing was uploaded yet. */
  | { kind: 'nothing' }
  /** Files arrived but none could be read. */
  | { kind: 'unreadable'; uploadId: string }
  /** The certificate (or, when none is an ACORD 25, the first file read, which the evaluator flags). */
  | { kind: 'document'; uploadId: string; documentId: string; extraction: Extraction };

const acord25 = /^ACORD\s*25\b/i;

/** The documents of the newest upload (by the time its first file arrived). */
export function newestUpload(documents: readonly UploadedDocument[]): UploadedDocument[] {
  let newest: { uploadId: string; at: number } | null = null;
  for (const d of documents) {
    const at = d.createdAt.getTime();
    if (!newest || at > newest.at) newest = { uploadId: d.uploadId, at };
  }
  return newest ? documents.filter((d) => d.uploadId === newest.uploadId) : [];
}

function readExtraction(d: UploadedDocument): Extraction | null {
  if (d.readStatus !== 'read') return null;
  const parsed = extractionSchema.safeParse(d.extraction);
  return parsed.success ? parsed.data : null;
}

function endorsementKey(e: { form: string; edition?: string | null }): string {
  return `${e.form.replace(/\s+/g, '').toUpperCase()}|${(e.edition ?? '').replace(/\D/g, '')}`;
}

/** The certificate with the endorsement forms of the upload's other files added (each form once). */
export function mergeEndorsements(certificate: Extraction, others: readonly Extraction[]): Extraction {
  const seen = new Set(certificate.endorsementForms.map(endorsementKey));
  const endorsementForms = [...certificate.endorsementForms];
  for (const e of others.flatMap((o) => o.endorsementForms)) {
    const key = endorsementKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    endorsementForms.push(e);
  }
  return { ...certificate, endorsementForms };
}

export function pickCertificate(documents: readonly UploadedDocument[]): CertificatePick {
  const upload = newestUpload(documents);
  const first = upload[0];
  if (!first) return { kind: 'nothing' };
  if (upload.some((d) => d.readStatus === 'queued')) return { kind: 'reading' };
  const read = upload
    .map((d) => ({ id: d.id, extraction: readExtraction(d) }))
    .filter((d): d is { id: string; extraction: Extraction } => d.extraction !== null);
  const certificate = read.find((d) => d.extraction.form !== null && acord25.test(d.extraction.form)) ?? read[0];
  if (!certificate) return { kind: 'unreadable', uploadId: first.uploadId };
  const others = read.filter((d) => d.id !== certificate.id).map((d) => d.extraction);
  return { kind: 'document', uploadId: first.uploadId, documentId: certificate.id, extraction: mergeEndorsements(certificate.extraction, others) };
}
