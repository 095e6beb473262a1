import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import type { ApproveCompliantResult } from '../contracts/review';
import { ConflictError, NotFoundError } from '../errors';
import { addEvent } from '../requests/timeline';
import { moveRequest } from '../requests/lifecycle';
import { currentVerdict } from '../requirements/evaluate-request';
import { insertVerdict } from '../requirements/evaluation-repository';
import { isoToday, verdictFingerprint } from '../requirements/findings';
import { requestOf } from './service';
import { actorOf } from '../permissions/actor';

// "Approve as compliant": once a person's corrections leave no deficiency, a compliance manager
// marks the certificate Compliant in one click. Points the reader was unsure of and that the
// manager has looked at are set aside by this approval and named in the audit event; a
// remaining deficiency refuses it (correct it, waive with an override, or ask for a new COI).

export async function approveAsCompliant(s: Services, user: SessionUser, companyId: string, requestId: string): Promise<ApproveCompliantResult> {
  const request = await requestOf(s, companyId, requestId);
  const current = await currentVerdict(s, request, isoToday(), { reviewFinished: true });
  if (current.kind !== 'verdict') throw new NotFoundError('No certificate of this request has been read yet.');
  const { documentId, verdict } = current;
  if (verdict.deficiencies.length > 0) {
    const points = [...new Set(verdict.deficiencies.map((d) => d.message))];
    throw new ConflictError(
      `The certificate cannot be approved as compliant while ${points.length === 1 ? 'a deficiency remains' : `${points.length} deficiencies remain`}: ${points.join(' ')} Correct a value the reader got wrong, approve with an override, or ask for a new certificate.`,
    );
  }
  const setAside = [...new Set(verdict.reviewReasons.map((r) => r.message))];
  await s.db.transaction(async (trx) => {
    const stored = await insertVerdict(trx, { companyId, requestId, documentId, fingerprint: verdictFingerprint(verdict), verdict });
    const { moved } = await moveRequest(trx, {
      companyId,
      requestId,
      transition: 'approveCompliant',
      actor: actorOf(user),
      reason: `Approved as compliant by ${user.name} after review`,
    });
    if (!moved) throw new ConflictError('Only a request whose certificate is under review or awaiting a new COI can be approved as compliant; reload to see its status.');
    await addEvent(trx, { companyId, requestId, kind: 'approved_compliant', actor: actorOf(user), data: { verdictId: stored.id, documentId, setAside } });
  });
  s.log.info({ companyId, requestId, setAside: setAside.length }, 'certificate approved as compliant');
  return { status: 'compliant', setAside };
}
