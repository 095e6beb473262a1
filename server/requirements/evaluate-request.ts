import type { Knex } from 'knex';
import type { Services } from '../services';
import { summariseVerdict } from '../compliance/evaluate';
import type { Verdict } from '../compliance/types';
import { sendEmailRetries } from '../jobs/send-email';
import { addEvent, changeStatus, type RequestStatus } from '../requests/timeline';
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
// Safe to call again for the same read: a verdict with the same findings changes nothing.

/** The verdict reached, or null when there is nothing to evaluate yet (no upload, still reading, nothing readable). */
export async function evaluateRequest(s: Services, requestId: string, today: string = isoToday()): Promise<Verdict | null> {
  const companyId = await requestCompany(s.db, requestId);
  const request = companyId ? await findRequest(s.db, companyId, requestId) : null;
  if (!request) return null;
  const documents = (await uploadedDocuments(s.db, request.companyId, [requestId])).get(requestId) ?? [];
  const pick = pickCertificate(documents);
  if (pick.kind === 'nothing' || pick.kind === 'reading') return null;
  if (pick.kind === 'unreadable') {
    await flagUnreadable(s, request, pick.uploadId);
    return null;
  }
  const verdict = await checkCertificate(s.db, request, pick.extraction, today);
  const emailId = await s.db.transaction((trx) => applyVerdict(s, trx, request, pick.documentId, verdict));
  if (emailId) await s.enqueueMany('send-email', [{ emailId }], sendEmailRetries);
  if (verdict.outcome === 'compliant' && request.projectId === null) {
    const coverage = await projectCoverage(s, request.companyId, request.vendorId, today);
    const gaps = coverage.filter((c) => !c.covered).length;
    if (coverage.length) s.log.info({ requestId, projects: coverage.length, gaps }, 'global certificate checked against project requirements');
  }
  s.log.info({ requestId, outcome: verdict.outcome, deficiencies: verdict.deficiencies.length }, 'certificate evaluated');
  return verdict;
}

/** Stores the verdict and applies its effects in one transaction; the id of a deficiency email to send, if one was queued. */
async function applyVerdict(s: Services, trx: Knex.Transaction, r: EvaluatedRequest, documentId: string, verdict: Verdict): Promise<string | null> {
  const stored = await insertVerdict(trx, { companyId: r.companyId, requestId: r.id, documentId, fingerprint: verdictFingerprint(verdict), verdict });
  if (!stored.created) return null;
  const review = verdict.outcome === 'needs_review';
  await addEvent(trx, {
    companyId: r.companyId,
    requestId: r.id,
    kind: 'evaluated',
    actor: complianceActor,
    data: {
      verdictId: stored.id,
      documentId,
      outcome: verdict.outcome,
      requirementSet: verdict.requirementSet,
      tier: verdict.tier,
      summary: summariseVerdict(verdict),
      message: review ? reviewMessage(verdict) : summariseVerdict(verdict),
      ...(review ? { reasons: verdict.reviewReasons.map((x) => x.message) } : {}),
    },
  });
  const from: RequestStatus[] = ['under_review', 'awaiting_new_coi'];
  const move = { companyId: r.companyId, requestId: r.id, from, actor: complianceActor };
  if (verdict.outcome === 'compliant') {
    await changeStatus(trx, { ...move, to: 'compliant', reason: 'Certificate meets the requirements' });
    return null;
  }
  if (verdict.outcome === 'deficient') {
    const moved = await changeStatus(trx, { ...move, to: 'awaiting_new_coi', reason: `Certificate falls short: ${summariseVerdict(verdict)}` });
    return moved ? queueDeficiencyEmail(s, trx, r, { id: stored.id, verdict }) : null;
  }
  return null;
}

/** Nothing in the upload could be read: the request stays Under review for a person, said once per upload. */
async function flagUnreadable(s: Services, r: EvaluatedRequest, uploadId: string): Promise<void> {
  await s.db.transaction(async (trx) => {
    await trx('coi_requests').where({ id: r.id, company_id: r.companyId }).forNoKeyUpdate().first('id');
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
