import type { Services } from '../services';
import type { SessionUser } from '../contracts/session';
import { extractionSchema, insurerLetters, type Extraction, type Policy } from '../contracts/extraction';
import type { AddLine, ReviewVerdict } from '../contracts/review';
import { ConflictError, ValidationError } from '../errors';
import { addEvent } from '../requests/timeline';
import { recheckRequest } from '../requirements/evaluate-request';
import { isoToday } from '../requirements/findings';
import { uploadedDocuments } from '../requirements/evaluation-repository';
import { pickCertificate } from '../requirements/certificate';
import * as repo from './repository';
import { requestOf, toVerdict } from './service';
import { actorOf } from '../permissions/actor';
import { labelFor } from './values';

// A coverage line the reader missed, typed in by a compliance manager from the certificate: it is
// appended to the certificate's policies with its values marked as checked by a person, audited
// like a correction (the whole line, with the reason), and the request is checked again at once
// without telling the sub, as corrections are.

function insurerFor(e: Extraction, name: string | undefined, naic: string | undefined): { insurers: Extraction['insurers']; letter: Policy['insurerLetter'] } {
  if (!name) return { insurers: e.insurers, letter: null };
  const same = e.insurers.find((i) => i.name.trim().toLowerCase() === name.toLowerCase());
  if (same) return { insurers: e.insurers, letter: same.letter };
  const letter = insurerLetters.find((l) => !e.insurers.some((i) => i.letter === l));
  if (!letter) throw new ValidationError('The certificate already lists six insurers (A to F); choose one of them by its exact name.');
  return { insurers: [...e.insurers, { letter, name, naic: naic ?? null }], letter };
}

function policyOf(l: AddLine, letter: Policy['insurerLetter']): Policy {
  return {
    line: l.line,
    ...(l.description ? { description: l.description } : {}),
    insurerLetter: letter,
    policyNumber: l.policyNumber ?? null,
    effectiveDate: l.effectiveDate,
    expirationDate: l.expirationDate,
    additionalInsured: l.additionalInsured ?? null,
    subrogationWaived: l.subrogationWaived ?? null,
    ...(l.basis ? { basis: l.basis } : {}),
    ...(l.statutory !== undefined ? { statutory: l.statutory } : {}),
    limits: { ...l.limits },
  };
}

/** Leaf pointers of a value, for marking each as checked by a person. */
function leaves(pointer: string, value: unknown, out: string[] = []): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(`${pointer}/${k}`, v, out);
  } else out.push(pointer);
  return out;
}

export async function addCoverageLine(s: Services, user: SessionUser, companyId: string, requestId: string, l: AddLine): Promise<ReviewVerdict> {
  await requestOf(s, companyId, requestId);
  const documents = (await uploadedDocuments(s.db, companyId, [requestId])).get(requestId) ?? [];
  const pick = pickCertificate(documents);
  if (pick.kind !== 'document') throw new ConflictError('No certificate of this request has been read yet.');
  const documentId = pick.documentId;
  await s.db.transaction(async (trx) => {
    const current = extractionSchema.parse(await repo.lockExtraction(trx, companyId, documentId));
    const { insurers, letter } = insurerFor(current, l.insurerName, l.naic);
    const policy = policyOf(l, letter);
    const index = current.policies.length;
    const pointer = `/policies/${index}`;
    const fields = { ...(current.fields ?? {}) };
    for (const p of leaves(pointer, policy)) fields[p] = { confidence: 1 };
    const next = extractionSchema.parse({ ...current, insurers, policies: [...current.policies, policy], fields });
    await repo.saveCorrection(trx, { companyId, documentId, extraction: next, pointer, previous: null, value: policy, reason: l.reason, actor: actorOf(user) });
    await addEvent(trx, {
      companyId,
      requestId,
      kind: 'extraction_corrected',
      actor: actorOf(user),
      data: { documentId, pointer, label: labelFor(next, pointer), from: 'nothing (the reader missed it)', to: `a line from ${l.effectiveDate} to ${l.expirationDate}`, reason: l.reason },
    });
  });
  const verdict = await recheckRequest(s, companyId, requestId, isoToday());
  if (!verdict) throw new ConflictError('The certificate could not be checked again; reload and try once more.');
  s.log.info({ companyId, requestId, line: l.line, outcome: verdict.outcome }, 'coverage line added by hand');
  return toVerdict(verdict)!;
}
