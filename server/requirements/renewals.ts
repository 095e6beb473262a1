import type { Services } from '../services';
import { sendEmailRetries } from '../jobs/send-email';
import { addEvent } from '../requests/timeline';
import { moveRequest } from '../requests/lifecycle';
import { lineWords } from '../sync/writeback-plan';
import { pickCertificate } from './certificate';
import { uploadedDocuments, type EvaluatedRequest } from './evaluation-repository';
import { complianceActor, queueRenewalEmail } from './notices';
import { requestTail } from './tail';

// Keeping a Compliant request true over time (run by the nightly sync): policies expiring within
// the company's renewal window are asked for again, once per certificate, naming them; a waiver
// ends on its end date and the request goes back to Awaiting New COI. After a project closes,
// only general liability is renewed, until the requirement set's completed-operations tail ends.

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** True when a renewal email was queued now; `days` is the company's renewal window (Settings). */
export async function requestRenewal(s: Services, r: EvaluatedRequest, today: string, days: number): Promise<boolean> {
  if (r.status !== 'compliant') return false;
  // A closed project renews only its general liability (completed operations) until the tail ends.
  const tail = await requestTail(s.db, r, today);
  if (tail.phase === 'over') return false;
  const pick = pickCertificate((await uploadedDocuments(s.db, r.companyId, [r.id])).get(r.id) ?? []);
  if (pick.kind !== 'document') return false;
  const until = addDays(today, days);
  const expiring = pick.extraction.policies
    .filter((p) => tail.phase === 'open' || p.line === 'general_liability')
    .filter((p) => p.expirationDate && p.expirationDate >= today && p.expirationDate <= until)
    .map((p) => ({ line: lineWords[p.line], policyNumber: p.policyNumber, expiresOn: p.expirationDate! }));
  if (expiring.length === 0) return false;
  const emailId = await s.db.transaction(async (trx) => {
    const id = await queueRenewalEmail(s, trx, r, pick.documentId, expiring);
    if (id) await addEvent(trx, { companyId: r.companyId, requestId: r.id, kind: 'renewal_requested', actor: complianceActor, data: { documentId: pick.documentId, policies: expiring, emailId: id } });
    return id;
  });
  if (emailId) await s.enqueueMany('send-email', [{ emailId }], sendEmailRetries);
  return emailId !== null;
}

/** The end date of the request's current waiver (the last "waived" event), if any. */
async function waiverEnd(s: Services, r: EvaluatedRequest): Promise<string | null> {
  const row = (await s.db('request_events')
    .where({ company_id: r.companyId, request_id: r.id, kind: 'waived' })
    .orderBy('id', 'desc')
    .first('data')) as { data: { until?: string } } | undefined;
  return row?.data.until ?? null;
}

/** True when the waiver ended (its end date is before today) and the request went back to Awaiting New COI. */
export async function endWaiver(s: Services, r: EvaluatedRequest, today: string): Promise<boolean> {
  if (r.status !== 'waived') return false;
  const until = await waiverEnd(s, r);
  if (!until || until >= today) return false;
  const { moved } = await s.db.transaction((trx) =>
    moveRequest(trx, { companyId: r.companyId, requestId: r.id, transition: 'expire', actor: complianceActor, reason: `The override ended on ${until}`, procoreReason: 'expired' }),
  );
  return moved;
}
