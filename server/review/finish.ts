import type { Knex } from 'knex';
import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import type { FinishResult } from '../contracts/review';
import type { Verdict } from '../compliance/types';
import { summariseVerdict } from '../compliance/evaluate';
import { ConflictError, NotFoundError } from '../errors';
import { sendEmailRetries } from '../jobs/send-email';
import { addEvent } from '../requests/timeline';
import { moveRequest } from '../requests/lifecycle';
import { currentVerdict } from '../requirements/evaluate-request';
import { insertVerdict, type EvaluatedRequest } from '../requirements/evaluation-repository';
import { deficiencyMessages, isoToday, verdictFingerprint } from '../requirements/findings';
import { noticeVerdictId, queueDeficiencyEmail } from '../requirements/notices';
import * as repo from './repository';
import { requestOf, toVerdict } from './service';
import { actorOf } from '../permissions/actor';

// "Finish review": the manager says they are done with the certificate. Corrections re-check
// silently, so this is the moment the sub hears what the review changed: the request takes the
// verdict reached now (whole-reading doubts no longer hold it, a person having looked), and a
// deficient one is emailed unless the sub was last told exactly this about this certificate.

type Told = FinishResult['subcontractor'];

/** What the sub was last told about this certificate: the newest deficiency email or note, if it was about it. */
async function lastTold(trx: Knex.Transaction, r: EvaluatedRequest, documentId: string): Promise<{ emailId: string | null; messages: string[] | null }> {
  const last = await repo.lastDeficiencyEmail(trx, r.companyId, r.id);
  if (!last) return { emailId: null, messages: null };
  const verdictId = noticeVerdictId(last.dedupeKey);
  if (verdictId) {
    const told = await repo.findVerdict(trx, r.companyId, verdictId);
    return { emailId: last.id, messages: told?.documentId === documentId ? deficiencyMessages(told.verdict) : null };
  }
  const note = await repo.noteTold(trx, r.companyId, r.id, last.id);
  return { emailId: last.id, messages: note.documentId === documentId ? note.deficiencies : null };
}

/** The sub sees the deficiency sentences only, so those decide whether there is anything new to say. */
function sameSentences(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((s, i) => s === y[i]);
}

const toldSentences: Record<Told, string> = {
  emailed: 'the subcontractor was emailed what to fix',
  already_told: 'the subcontractor was already told exactly this, so nothing was sent',
  not_needed: 'nothing needs fixing',
};

async function applyFinished(
  s: Services,
  trx: Knex.Transaction,
  user: SessionUser,
  r: EvaluatedRequest,
  documentId: string,
  verdict: Verdict,
): Promise<{ told: Told; emailId: string | null }> {
  const stored = await insertVerdict(trx, { companyId: r.companyId, requestId: r.id, documentId, fingerprint: verdictFingerprint(verdict), verdict });
  const deficient = verdict.outcome === 'deficient';
  // Taken first: the status change locks the request, so two clicks see each other's email.
  const { moved } = await moveRequest(trx, {
    companyId: r.companyId,
    requestId: r.id,
    transition: deficient ? 'finishDeficient' : 'finishCompliant',
    actor: actorOf(user),
    reason: deficient ? `Review finished: the certificate falls short (${summariseVerdict(verdict)})` : 'Review finished: the certificate meets the requirements',
  });
  if (!moved) throw new ConflictError('Only an open request whose certificate is being reviewed can be finished; reload to see its status.');
  let told: Told = 'not_needed';
  let emailId: string | null = null;
  if (deficient) {
    const last = await lastTold(trx, r, documentId);
    if (last.messages && sameSentences(last.messages, deficiencyMessages(verdict))) told = 'already_told';
    else {
      // Keyed by what was last said too: the same verdict may be worth sending again after something else was said.
      emailId = await queueDeficiencyEmail(s, trx, r, { id: stored.id, verdict, dedupeKey: `review:${stored.id}:${last.emailId ?? 'first'}` });
      told = emailId ? 'emailed' : 'already_told';
    }
  }
  await addEvent(trx, {
    companyId: r.companyId,
    requestId: r.id,
    kind: 'review_finished',
    actor: actorOf(user),
    data: { verdictId: stored.id, documentId, outcome: verdict.outcome, subcontractor: told, emailId, message: `Review finished: ${toldSentences[told]}.` },
  });
  return { told, emailId };
}

/** Applies the verdict a finished review reaches; a certificate that still needs a decision cannot be finished. */
export async function finishReview(s: Services, user: SessionUser, companyId: string, requestId: string): Promise<FinishResult> {
  const request = await requestOf(s, companyId, requestId);
  const current = await currentVerdict(s, request, isoToday(), { reviewFinished: true });
  if (current.kind !== 'verdict') throw new NotFoundError('No certificate of this request has been read yet.');
  const { documentId, verdict } = current;
  if (verdict.outcome === 'needs_review') {
    const points = [...new Set(verdict.reviewReasons.map((r) => r.message))];
    throw new ConflictError(
      `The review cannot be finished while ${points.length === 1 ? 'a point needs' : `${points.length} points need`} a decision: ${points.join(' ')} Correct the values concerned, approve with an override, or send the subcontractor a note.`,
    );
  }
  const { told, emailId } = await s.db.transaction((trx) => applyFinished(s, trx, user, request, documentId, verdict));
  if (emailId) await s.enqueueMany('send-email', [{ emailId }], sendEmailRetries);
  s.log.info({ companyId, requestId, outcome: verdict.outcome, subcontractor: told }, 'certificate review finished');
  return { status: verdict.outcome === 'deficient' ? 'awaiting_new_coi' : 'compliant', verdict: toVerdict(verdict)!, subcontractor: told };
}
