import type { RequestStatus } from '../contracts/requests';
import type { CoverageLine, Extraction, Policy } from '../contracts/extraction';
import type { InsuranceStatus } from '../procore/records';

// What Procore's insurance records should say about one request (design.md section 4), as a pure
// function of the request's state: one record per coverage line of the certificate, or, before a
// certificate is read, one "Certificate of insurance" record in progress.

export interface InsuranceFields {
  insurance_type: string;
  name: string | null;
  policy_number: string | null;
  effective_date: string | null;
  expiration_date: string | null;
  limit: string | null;
  status: InsuranceStatus;
  exempt: boolean;
  notes: string;
  /** Ties the record to this request and line, so one created just before a crash is found again, not duplicated. */
  origin_id: string;
}

export interface DesiredRecord {
  lineKey: string;
  fields: InsuranceFields;
}

export type WriteBackPlan =
  /** The request is gone (deleted, or cancelled before anything arrived): remove what we created. */
  | { kind: 'remove' }
  /** Archived: our records stay, their notes say so. */
  | { kind: 'archive'; notes: string }
  | { kind: 'write'; records: DesiredRecord[]; commitment: { insurance_status: 'compliant' | 'not_compliant'; insurance_notes: string } };

export interface WriteBackState {
  requestId: string;
  status: RequestStatus;
  deleted: boolean;
  /** Why the request is in its status (the last status change's reason), for the notes. */
  reason: string | null;
  /** "expired" when the certificate's policies ran out. */
  procoreReason: string | null;
  /** The certificate the check used, once one is read. */
  certificate: Extraction | null;
}

const statusWords: Record<RequestStatus, string> = {
  pending: 'Pending',
  under_review: 'Under review',
  awaiting_new_coi: 'Awaiting New COI',
  compliant: 'Compliant',
  waived: 'Waived',
  archived: 'Archived',
  cancelled: 'Cancelled',
};

export const lineWords: Record<CoverageLine, string> = {
  general_liability: 'General Liability',
  automobile_liability: 'Automobile Liability',
  umbrella_liability: 'Umbrella Liability',
  excess_liability: 'Excess Liability',
  workers_compensation: "Workers' Compensation and Employers' Liability",
  other: 'Other Coverage',
};

export function procoreStatus(status: RequestStatus, procoreReason: string | null): InsuranceStatus {
  switch (status) {
    case 'pending':
      return 'non_compliant_in_progress';
    case 'under_review':
      return 'undecided';
    case 'awaiting_new_coi':
      return procoreReason === 'expired' ? 'expired' : 'non_compliant';
    case 'compliant':
    case 'waived':
      return 'compliant';
    default:
      return 'non_compliant';
  }
}

/** The limit that decides a line, as Procore writes amounts ("1000000.0"). */
export function decidingLimit(p: Policy): string | null {
  const l = p.limits;
  const byLine: Record<CoverageLine, (number | null | undefined)[]> = {
    general_liability: [l.eachOccurrence, l.generalAggregate],
    automobile_liability: [l.combinedSingleLimit, l.bodilyInjuryPerAccident],
    umbrella_liability: [l.eachOccurrence, l.aggregate],
    excess_liability: [l.eachOccurrence, l.aggregate],
    workers_compensation: [l.employersLiabilityEachAccident],
    other: [l.other?.[0]?.amount],
  };
  const amount = byLine[p.line].find((v) => typeof v === 'number');
  return typeof amount === 'number' ? amount.toFixed(1) : null;
}

export const notesFor = (status: RequestStatus, reason: string | null) => `COI Compliance: ${statusWords[status]}${reason ? `, ${reason}` : ''}`;

export function planWriteBack(st: WriteBackState): WriteBackPlan {
  if (st.deleted || st.status === 'cancelled') return { kind: 'remove' };
  if (st.status === 'archived') return { kind: 'archive', notes: notesFor('archived', st.reason) };
  const status = procoreStatus(st.status, st.procoreReason);
  const exempt = st.status === 'waived';
  const notes = notesFor(st.status, st.reason);
  const origin = (lineKey: string) => `coi-compliance:${st.requestId}:${lineKey}`;
  const policies = (st.certificate?.policies ?? []).filter((p, i, all) => all.findIndex((q) => q.line === p.line) === i);
  const records: DesiredRecord[] = policies.length
    ? policies.map((p) => {
        const insurer = st.certificate?.insurers.find((x) => x.letter === p.insurerLetter)?.name ?? null;
        return {
          lineKey: p.line,
          fields: {
            insurance_type: lineWords[p.line],
            name: insurer,
            policy_number: p.policyNumber,
            effective_date: p.effectiveDate,
            expiration_date: p.expirationDate,
            limit: decidingLimit(p),
            status,
            exempt,
            notes,
            origin_id: origin(p.line),
          },
        };
      })
    : [
        {
          lineKey: 'certificate',
          fields: { insurance_type: 'Certificate of insurance', name: null, policy_number: null, effective_date: null, expiration_date: null, limit: null, status, exempt, notes, origin_id: origin('certificate') },
        },
      ];
  const compliant = st.status === 'compliant' || st.status === 'waived';
  return { kind: 'write', records, commitment: { insurance_status: compliant ? 'compliant' : 'not_compliant', insurance_notes: notes } };
}
