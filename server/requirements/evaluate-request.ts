import type { Knex } from 'knex';
import type { Services } from '../services';
import { summariseVerdict } from '../compliance/evaluate';
import type { Verdict } from '../compliance/types';
import { sendEmailRetries } from '../jobs/send-email';
import { addEvent } from '../requests/timeline';
import { moveRequest } from '../requests/lifecycle';
import { wantWriteBack } from '../sync/writeback-intents';
import { lockRequestStatus } from '../requests/repository';
import { pickCertificate } from './certificate';
import { checkCertificate } from './check';
import { projectCoverage } from './coverage';
import { findRequest, insertVerdict, requestCompany, uploadFlagged, uploadedDocuments, type EvaluatedRequest } from './evaluation-repository';
import { isoToday, reviewMessage, verdictFingerprint } from './findings';
import { complianceActor, queueDeficiencyEmail } from './notices';

// The status flow after a certificate is read (called by the read-certificate job once every
// file of an upload is read): evaluate the newest upload's certificate against the
// requirements in force, store the verdict, and move the request:
//   compliant    → Compliant
//   deficient    → Awaiting New COI, and the sub is emailed exactly what to fix
//   needs_review → stays Under review, flagged for a person
// The evaluator calls a certificate deficient only when every deciding value is firm and the
// reading as a whole is sound, so an email here never rests on a doubtful reading.
// Safe to call again for the same read: a verdict with the same findings changes nothing.
// recheckRequest is the same check after a person corrected a value: silent towards the sub.

export type CurrentVerdict =
  | { kind: 'verdict'; documentId: string; verdict: Verdict }
  /** Nothing to evaluate yet (no upload, still reading). */
  | { kind: 'none' }
  | { kind: 'unreadable'; uploadId: string };

/** The verdict on the newest upload's certificate as things stand (nothing is stored). */
export async function currentVerdict(s: Services, request: EvaluatedRequest, today: string, options: { reviewFinished?: boolean } = {}): Promise<CurrentVerdict> {
  const documents = (await uploadedDocuments(s.db, request.companyId, [request.id])).get(request.id) ?? [];
  const pick = pickCertificate(documents);
  if (pick.kind === 'nothing' || pick.kind === 'reading') return { kind: 'none' };
  if (pick.kind === 'unreadable') return pick;
  const verdict = await checkCertificate(s.db, request, pick, today, options);
  return { kind: 'verdict', documentId: pick.documentId, verdict };
}

async function requestById(s: Services, requestId: string): Promise<EvaluatedRequest | null> {
  const companyId = await requestCompany(s.db, requestId);
  return companyId ? findRequest(s.db, companyId, requestId) : null;
}

/** The verdict reached, or null when there is nothing to evaluate yet (no upload, still reading, nothing readable). */
export async function evaluateRequest(s: Services, requestId: string, today: string = isoToday()): Promise<Verdict | null> {
  const request = await requestById(s, requestId);
  if (!request) return null;
  const current = await currentVerdict(s, request, today);
  if (current.kind === 'none') return null;
  if (current.kind === 'unreadable') {
    await flagUnreadable(s, request, current.uploadId);
    return null;
  }
  const { documentId, verdict } = current;
  const emailId = await s.db.transaction((trx) => applyVerdict(s, trx, request, documentId, verdict));
  if (emailId) await s.enqueueMany('send-email', [{ emailId }], sendEmailRetries);
  if (verdict.outcome === 'compliant' && request.projectId === null) {
    const coverage = await projectCoverage(s, request.companyId, request.vendorId, today);
    const gaps = coverage.filter((c) => !c.covered).length;
    if (coverage.length) s.log.info({ requestId, projects: coverage.length, gaps }, 'global certificate checked against project requirements');
  }
  s.log.info({ requestId, outcome: verdict.outcome, deficiencies: verdict.deficiencies.length }, 'certificate evaluated');
  return verdict;
}

function evaluatedEvent(r: EvaluatedRequest, v: { id: string; documentId: string; verdict: Verdict }, prefix = '') {
  const review = v.verdict.outcome === 'needs_review';
  return {
    companyId: r.companyId,
    requestId: r.id,
    kind: 'evaluated' as const,
    actor: complianceActor,
    data: {
      verdictId: v.id,
      documentId: v.documentId,
      outcome: v.verdict.outcome,
      requirementSet: v.verdict.requirementSet,
      tier: v.verdict.tier,
      summary: summariseVerdict(v.verdict),
      message: prefix + (review ? reviewMessage(v.verdict) : summariseVerdict(v.verdict)),
      ...(review ? { reasons: v.verdict.reviewReasons.map((x) => x.message) } : {}),
    },
  };
}

/** Stores the verdict and applies its effects in one transaction; the id of a deficiency email to send, if one was queued. */
async function applyVerdict(s: Services, trx: Knex.Transaction, r: EvaluatedRequest, documentId: string, verdict: Verdict): Promise<string | null> {
  const stored = await insertVerdict(trx, { companyId: r.companyId, requestId: r.id, documentId, fingerprint: verdictFingerprint(verdict), verdict });
  if (!stored.created) return null;
  await addEvent(trx, evaluatedEvent(r, { id: stored.id, documentId, verdict }));
  // A new certificate may keep the status but change policies and dates: Procore shows them.
  await wantWriteBack(trx, r.companyId, r.id);
  const move = { companyId: r.companyId, requestId: r.id, actor: complianceActor };
  if (verdict.outcome === 'compliant') {
    await moveRequest(trx, { ...move, transition: 'comply', reason: 'Certificate meets the requirements' });
    return null;
  }
  if (verdict.outcome === 'deficient') {
    const { emailId } = await moveRequest(trx, {
      ...move,
      transition: 'fallShort',
      reason: `Certificate falls short: ${summariseVerdict(verdict)}`,
      email: (t) => queueDeficiencyEmail(s, t, r, { id: stored.id, verdict }),
    });
    return emailId;
  }
  return null;
}

/**
 * Checks the request again after a person corrected a value, stores the verdict and moves the
 * status to match, but tells the sub nothing: the person may still be correcting, and the sub
 * hears only when the person sends a note or finishes the review. A shortfall the sub has not
 * been told of keeps the request Under review; Awaiting New COI stays, the sub having been
 * asked already.
 */
export async function recheckRequest(s: Services, companyId: string, requestId: string, today: string = isoToday()): Promise<Verdict | null> {
  const request = await findRequest(s.db, companyId, requestId);
  if (!request) return null;
  const current = await currentVerdict(s, request, today);
  if (current.kind !== 'verdict') return null;
  const { documentId, verdict } = current;
  await s.db.transaction(async (trx) => {
    const stored = await insertVerdict(trx, { companyId, requestId, documentId, fingerprint: verdictFingerprint(verdict), verdict });
    if (stored.created) {
      await addEvent(trx, evaluatedEvent(request, { id: stored.id, documentId, verdict }, 'Checked again after a correction. '));
      await wantWriteBack(trx, companyId, requestId);
    }
    const move = { companyId, requestId, actor: complianceActor };
    if (verdict.outcome === 'compliant') {
      await moveRequest(trx, { ...move, transition: 'comply', reason: 'Certificate meets the requirements after a correction' });
    } else {
      const why = verdict.outcome === 'deficient' ? 'falls short after a correction' : 'needs a person again after a correction';
      await moveRequest(trx, { ...move, transition: 'doubt', reason: `Certificate ${why}` });
    }
  });
  s.log.info({ requestId, outcome: verdict.outcome }, 'certificate checked again after a correction');
  return verdict;
}

/** Nothing in the upload could be read: the request stays Under review for a person, said once per upload. */
async function flagUnreadable(s: Services, r: EvaluatedRequest, uploadId: string): Promise<void> {
  await s.db.transaction(async (trx) => {
    await lockRequestStatus(trx, r.companyId, r.id);
    if (await uploadFlagged(trx, r.companyId, r.id, uploadId)) return;
    await addEvent(trx, {
      companyId: r.companyId,
      requestId: r.id,
      kind: 'evaluated',
      actor: complianceActor,
      data: { uploadId, outcome: 'needs_review', message: 'Flagged for a person: none of the files sent could be read automatically.' },
    });
  });
}
