import { describe, expect, it } from 'vitest';
import { baseExtraction } from '../compliance/golden/base';
import { extractionSchema } from '../contracts/extraction';
import { planWriteBack, procoreStatus, type WriteBackState } from './writeback-plan';

const certificate = extractionSchema.parse({ ...baseExtraction(), fields: {} });
const state = (patch: Partial<WriteBackState>): WriteBackState => ({
  requestId: 'r1',
  status: 'pending',
  deleted: false,
  reason: null,
  procoreReason: null,
  certificate: null,
  ...patch,
});

describe('planWriteBack', () => {
  it('before a certificate: one "Certificate of insurance" record in progress', () => {
    const plan = planWriteBack(state({ reason: 'certificate requested' }));
    expect(plan).toMatchObject({
      kind: 'write',
      records: [{ lineKey: 'certificate', fields: { insurance_type: 'Certificate of insurance', status: 'non_compliant_in_progress', notes: 'COI Compliance: Pending, certificate requested' } }],
      commitment: { insurance_status: 'not_compliant' },
    });
  });

  it('one record per coverage line with insurer, policy, dates and the deciding limit', () => {
    const plan = planWriteBack(state({ status: 'compliant', reason: 'Certificate meets the requirements', certificate }));
    if (plan.kind !== 'write') throw new Error('expected a write');
    expect(plan.records.map((r) => r.lineKey)).toEqual([...new Set(certificate.policies.map((p) => p.line))]);
    const gl = certificate.policies.find((p) => p.line === 'general_liability')!;
    expect(plan.records.find((r) => r.lineKey === 'general_liability')!.fields).toMatchObject({
      insurance_type: 'General Liability',
      policy_number: gl.policyNumber,
      effective_date: gl.effectiveDate,
      expiration_date: gl.expirationDate,
      limit: `${gl.limits.eachOccurrence}.0`,
      status: 'compliant',
      exempt: false,
      origin_id: 'coi-compliance:r1:general_liability',
    });
    expect(plan.commitment.insurance_status).toBe('compliant');
  });

  it('maps every status as design.md section 4 says', () => {
    expect(procoreStatus('under_review', null)).toBe('undecided');
    expect(procoreStatus('awaiting_new_coi', null)).toBe('non_compliant');
    expect(procoreStatus('awaiting_new_coi', 'expired')).toBe('expired');
    const waived = planWriteBack(state({ status: 'waived', certificate }));
    expect(waived.kind === 'write' && waived.records.every((r) => r.fields.status === 'compliant' && r.fields.exempt)).toBe(true);
  });

  it('archive keeps the records with an Archived note; delete and cancel remove them', () => {
    expect(planWriteBack(state({ status: 'archived', reason: 'Archived' }))).toEqual({ kind: 'archive', notes: 'COI Compliance: Archived, Archived' });
    expect(planWriteBack(state({ status: 'compliant', deleted: true }))).toEqual({ kind: 'remove' });
    expect(planWriteBack(state({ status: 'cancelled' }))).toEqual({ kind: 'remove' });
  });
});
