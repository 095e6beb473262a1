import type { Knex } from 'knex';
import type { Db } from '../db';
import type { Extraction } from '../contracts/extraction';
import { evaluateCertificate } from '../compliance/evaluate';
import type { Verdict } from '../compliance/types';
import { contextFor, effectiveRequirements } from './effective';
import { commitmentValues, confirmedPointers, type EvaluatedRequest } from './evaluation-repository';
import { loadCarriers } from './repository';

// One certificate checked for one request's scope: the requirements in force there, the
// company's carrier table, the vendor's facts and the values a person corrected, then the
// pure evaluator.

export interface CheckedDocument {
  documentId: string;
  extraction: Extraction;
}

export async function checkCertificate(
  db: Db | Knex.Transaction,
  request: Pick<EvaluatedRequest, 'companyId' | 'vendorId' | 'vendorName' | 'trade' | 'projectId' | 'projectName'> & { projectClosedOn?: string | null },
  certificate: CheckedDocument,
  today: string,
  options: { reviewFinished?: boolean } = {},
): Promise<Verdict> {
  const { requirements } = await effectiveRequirements(db, request.companyId, request.projectId);
  const carriers = await loadCarriers(db, request.companyId);
  const commitments = await commitmentValues(db, request.companyId, [request.vendorId]);
  const confirmed = await confirmedPointers(db, request.companyId, certificate.documentId);
  const context = contextFor(request, { today, commitments, carriers });
  return evaluateCertificate(certificate.extraction, requirements, { ...context, confirmed, ...(options.reviewFinished ? { reviewFinished: true } : {}) });
}
