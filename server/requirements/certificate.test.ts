import { describe, expect, it } from 'vitest';
import { baseExtraction } from '../compliance/golden/base';
import type { Extraction } from '../contracts/extraction';
import { mergeEndorsements, newestUpload, pickCertificate, type UploadedDocument } from './certificate';

const certificate = (patch: Partial<Extraction> = {}): Extraction => ({ ...baseExtraction(), ...patch });

function doc(id: string, uploadId: string, at: number, extraction: Extraction | null, readStatus: UploadedDocument['readStatus'] = extraction ? 'read' : 'failed'): UploadedDocument {
  return { id, uploadId, createdAt: new Date(at), readStatus, extraction };
}

describe('pickCertificate', () => {
  it('takes the ACORD 25 of the newest upload, whatever order its files came in', () => {
    const endorsements = certificate({ form: null, endorsementForms: [{ form: 'CG 20 37', edition: '04 13' }] });
    const pick = pickCertificate([
      doc('old', 'u1', 1000, certificate()),
      doc('page', 'u2', 2000, endorsements),
      doc('cert', 'u2', 2000, certificate()),
    ]);
    expect(pick).toMatchObject({ kind: 'document', uploadId: 'u2', documentId: 'cert' });
    if (pick.kind !== 'document') return;
    expect(pick.extraction.endorsementForms).toContainEqual({ form: 'CG 20 37', edition: '04 13' });
  });

  it('falls back to the first readable file when none is an ACORD 25, so the evaluator can flag it', () => {
    const pick = pickCertificate([doc('bad', 'u1', 1, null), doc('letter', 'u1', 1, certificate({ form: 'ACORD 24' }))]);
    expect(pick).toMatchObject({ kind: 'document', documentId: 'letter' });
  });

  it('waits while a file is still being read, and reports uploads nothing of which could be read', () => {
    expect(pickCertificate([doc('a', 'u1', 1, certificate()), doc('b', 'u1', 1, null, 'queued')])).toEqual({ kind: 'reading' });
    expect(pickCertificate([doc('a', 'u1', 1, null), doc('b', 'u1', 1, { form: 'ACORD 25' } as unknown as Extraction)])).toEqual({ kind: 'unreadable', uploadId: 'u1' });
    expect(pickCertificate([])).toEqual({ kind: 'nothing' });
  });
});

describe('mergeEndorsements', () => {
  it('adds each form once, however it is spaced or its edition written', () => {
    const merged = mergeEndorsements(certificate({ endorsementForms: [{ form: 'CG 20 10', edition: '04 13' }] }), [
      certificate({ endorsementForms: [{ form: 'CG2010', edition: '0413' }, { form: 'CG 20 37', edition: null }] }),
      certificate({ endorsementForms: [{ form: 'CG 20 37' }] }),
    ]);
    expect(merged.endorsementForms).toEqual([
      { form: 'CG 20 10', edition: '04 13' },
      { form: 'CG 20 37', edition: null },
    ]);
  });

  it('keeps the newest upload only', () => {
    expect(newestUpload([doc('a', 'u1', 5, null), doc('b', 'u2', 9, null), doc('c', 'u2', 9, null)]).map((d) => d.id)).toEqual(['b', 'c']);
  });
});
