import { randomUUID } from 'node:crypto';
import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import { extractionSchema, type Extraction } from '../contracts/extraction';
import type { Approval, CertificateReview, Correction, Note, ReviewVerdict } from '../contracts/review';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { actorOf } from '../permissions/actor';
import { pickCertificate } from '../requirements/certificate';
import { recheckRequest } from '../requirements/evaluate-request';
import { findRequest, uploadedDocuments, type EvaluatedRequest } from '../requirements/evaluation-repository';
import { deficiencyMessages, isoToday } from '../requirements/findings';
import { addEvent } from '../requests/timeline';
import { moveRequest } from '../requests/lifecycle';
import * as repo from './repository';
import { checkValue, extractedValues, labelFor, pointerKind, valueAt, withValue } from './values';
import { queueNote } from './note';
import { sendEmailRetries } from '../jobs/send-email';

// The review screen's rules (routes authorize: compliance managers of the request's company and project). A manager reads the
// certificate beside its values, corrects what the reader got wrong (the request is checked
// again at once, silently), approves it with an override until a date, sends the sub a note, or
// finishes the review (finish.ts), which is when the sub hears of what the corrections changed.

export async function requestOf(s: Services, companyId: string, requestId: string): Promise<EvaluatedRequest> {
  const request = await findRequest(s.db, companyId, requestId);
  if (!request) throw new NotFoundError('No such request in this company.');
  return request;
}

/** The certificate the compliance check used: the newest upload's ACORD 25 (or first file read). */
async function certificateOf(s: Services, companyId: string, requestId: string): Promise<{ id: string; extraction: Extraction }> {
  const documents = (await uploadedDocuments(s.db, companyId, [requestId])).get(requestId) ?? [];
  const pick = pickCertificate(documents);
  if (pick.kind !== 'document') throw new NotFoundError('No certificate of this request has been read yet.');
  const own = documents.find((d) => d.id === pick.documentId);
  // The document's own extraction: endorsement forms merged from other files are not on its pages.
  return { id: pick.documentId, extraction: extractionSchema.parse(own?.extraction) };
}

export function toVerdict(v: Awaited<ReturnType<typeof repo.latestVerdict>>): ReviewVerdict | null {
  if (!v) return null;
  return { outcome: v.outcome, checkedAt: v.checkedAt, deficiencies: v.deficiencies, reviewReasons: v.reviewReasons };
}

export async function readReview(s: Services, user: SessionUser, companyId: string, requestId: string): Promise<CertificateReview> {
  const request = await requestOf(s, companyId, requestId);
  const certificate = await certificateOf(s, companyId, requestId);
  const document = (await repo.findDocument(s.db, companyId, certificate.id))!;
  const corrections = await repo.corrections(s.db, companyId, certificate.id);
  const verdict = await repo.latestVerdict(s.db, companyId, requestId, certificate.id);
  return {
    requestId,
    status: request.status,
    document: { id: document.id, filename: document.filename, contentType: document.contentType, pages: certificate.extraction.pages },
    values: extractedValues(certificate.extraction, new Set(corrections.map((c) => c.pointer))),
    verdict: toVerdict(verdict),
    corrections: corrections.map((c) => ({ pointer: c.pointer, label: labelFor(certificate.extraction, c.pointer), value: c.value, reason: c.reason, by: c.by, at: c.at.toISOString() })),
  };
}

export async function documentFile(s: Services, companyId: string, documentId: string) {
  const file = await repo.documentBytes(s.db, companyId, documentId);
  if (!file) throw new NotFoundError('No such document in this company.');
  return file;
}

/** Stores a corrected value, checks the request again at once (telling the sub nothing), and returns the new verdict. */
export async function correctValue(s: Services, user: SessionUser, companyId: string, requestId: string, c: Correction): Promise<ReviewVerdict> {
  await requestOf(s, companyId, requestId);
  const kind = pointerKind(c.pointer);
  if (!kind) throw new ValidationError(`${c.pointer} is not a value of the certificate that can be corrected.`);
  const value = checkValue(kind, c.value);
  const { id: documentId } = await certificateOf(s, companyId, requestId);
  await s.db.transaction(async (trx) => {
    const current = extractionSchema.parse(await repo.lockExtraction(trx, companyId, documentId));
    const previous = valueAt(current, c.pointer);
    const next = withValue(current, c.pointer, value);
    // A person checked this value: the reader's doubt about it no longer holds.
    const field = next.fields?.[c.pointer];
    if (field) next.fields = { ...next.fields, [c.pointer]: { ...field, confidence: 1 } };
    const parsed = extractionSchema.safeParse(next);
    if (!parsed.success) throw new ValidationError(`${String(value)} is not an allowed value for ${labelFor(current, c.pointer)}.`);
    await repo.saveCorrection(trx, { companyId, documentId, extraction: parsed.data, pointer: c.pointer, previous, value, reason: c.reason, actor: actorOf(user) });
    await addEvent(trx, {
      companyId,
      requestId,
      kind: 'extraction_corrected',
      actor: actorOf(user),
      data: { documentId, pointer: c.pointer, label: labelFor(current, c.pointer), from: previous ?? null, to: value, reason: c.reason },
    });
  });
  const verdict = await recheckRequest(s, companyId, requestId, isoToday());
  if (!verdict) throw new ConflictError('The certificate could not be checked again; reload and try once more.');
  s.log.info({ companyId, requestId, pointer: c.pointer, outcome: verdict.outcome }, 'certificate value corrected');
  return toVerdict(verdict)!;
}

/** "Approve with an override": Waived until the end date, with the reason on record. */
export async function approveWithOverride(s: Services, user: SessionUser, companyId: string, requestId: string, a: Approval): Promise<{ status: 'waived' }> {
  await requestOf(s, companyId, requestId);
  if (a.until <= isoToday()) throw new ValidationError('The end date of an override must be in the future.');
  await s.db.transaction(async (trx) => {
    const { moved } = await moveRequest(trx, {
      companyId,
      requestId,
      transition: 'waive',
      actor: actorOf(user),
      reason: `Approved with an override until ${a.until}: ${a.reason}`,
    });
    if (!moved) throw new ConflictError('An archived or cancelled request cannot be waived.');
    await addEvent(trx, { companyId, requestId, kind: 'waived', actor: actorOf(user), data: { reason: a.reason, until: a.until } });
  });
  return { status: 'waived' };
}

/** Emails the sub the manager's note with the deficiency list and their upload link; Awaiting New COI. */
export async function sendNote(s: Services, user: SessionUser, companyId: string, requestId: string, n: Note): Promise<{ status: 'awaiting_new_coi'; emailId: string }> {
  const request = await requestOf(s, companyId, requestId);
  const { id: documentId } = await certificateOf(s, companyId, requestId);
  const verdict = await repo.latestVerdict(s.db, companyId, requestId, documentId);
  const deficiencies = verdict ? deficiencyMessages(verdict) : [];
  const emailId = await s.db.transaction(async (trx) => {
    const { moved } = await moveRequest(trx, {
      companyId,
      requestId,
      transition: 'note',
      actor: actorOf(user),
      reason: `Note sent to the subcontractor by ${user.name}`,
    });
    if (!moved) throw new ConflictError('Notes can be sent only on an open request that has received a certificate.');
    const id = await queueNote(s, trx, request, { key: randomUUID(), message: n.message, from: actorOf(user), deficiencies });
    // What the sub was told about which certificate: finishing the review compares with it.
    await addEvent(trx, { companyId, requestId, kind: 'note_sent', actor: actorOf(user), data: { message: n.message, emailId: id, documentId, deficiencies } });
    return id;
  });
  await s.enqueueMany('send-email', [{ emailId }], sendEmailRetries);
  return { status: 'awaiting_new_coi', emailId };
}
