import type { Services } from '../services';
import { summariseVerdict } from '../compliance/evaluate';
import { sendEmailRetries } from '../jobs/send-email';
import { addEvent } from '../requests/timeline';
import { moveRequest } from '../requests/lifecycle';
import { currentVerdict } from './evaluate-request';
import { insertVerdict, type EvaluatedRequest } from './evaluation-repository';
import { verdictFingerprint } from './findings';
import { complianceActor, queueDeficiencyEmail } from './notices';
import { requestTail } from './tail';

// The nightly check of a current certificate against today's date and the requirements in
// force: a Compliant certificate whose policy expired (or that a stricter set no longer accepts)
// goes to Awaiting New COI and the sub is told what to send; one Awaiting New COI that now meets
// relaxed requirements becomes Compliant. Doubtful readings change nothing (a person decides).
// A closed project is held to its completed-operations tail, and to nothing once it ends.

export type Reevaluation = 'changed' | 'unchanged' | 'skipped';

export async function reevaluateRequest(s: Services, request: EvaluatedRequest, today: string): Promise<Reevaluation> {
  if (request.status !== 'compliant' && request.status !== 'awaiting_new_coi') return 'skipped';
  // A closed project whose completed-operations tail ended asks for nothing more.
  if ((await requestTail(s.db, request, today)).phase === 'over') return 'skipped';
  const current = await currentVerdict(s, request, today);
  if (current.kind !== 'verdict') return 'skipped';
  const { documentId, verdict } = current;
  // A policy that merely expires soon keeps an accepted certificate Compliant: that is a renewal
  // (requestRenewal names it), not a shortfall; on the expiry day it becomes one.
  const onlyExpiringSoon = verdict.deficiencies.every((d) => d.code === 'policy_expires_soon');
  const falls = request.status === 'compliant' && verdict.outcome === 'deficient' && !onlyExpiringSoon;
  const meets = request.status === 'awaiting_new_coi' && verdict.outcome === 'compliant';
  if (!falls && !meets) return 'unchanged';
  const expired = verdict.deficiencies.some((d) => d.code === 'policy_expired');
  const emailId = await s.db.transaction(async (trx) => {
    const stored = await insertVerdict(trx, { companyId: request.companyId, requestId: request.id, documentId, fingerprint: verdictFingerprint(verdict), verdict });
    await addEvent(trx, {
      companyId: request.companyId,
      requestId: request.id,
      kind: 'evaluated',
      actor: complianceActor,
      data: { verdictId: stored.id, documentId, outcome: verdict.outcome, summary: summariseVerdict(verdict), message: `Checked again on ${today}. ${summariseVerdict(verdict)}` },
    });
    const base = { companyId: request.companyId, requestId: request.id, actor: complianceActor };
    if (meets) {
      await moveRequest(trx, { ...base, transition: 'comply', reason: 'Certificate meets the requirements now in force' });
      return null;
    }
    const moved = await moveRequest(trx, {
      ...base,
      transition: 'expire',
      reason: expired ? 'expired' : `Certificate no longer meets the requirements: ${summariseVerdict(verdict)}`,
      ...(expired ? { procoreReason: 'expired' } : {}),
      email: (t) => queueDeficiencyEmail(s, t, request, { id: stored.id, verdict }),
    });
    return moved.emailId;
  });
  if (emailId) await s.enqueueMany('send-email', [{ emailId }], sendEmailRetries);
  return 'changed';
}
