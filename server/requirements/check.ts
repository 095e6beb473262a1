import type { Knex } from 'knex';
import type { Db } from '../db';
import type { Extraction } from '../contracts/extraction';
import { evaluateCertificate } from '../compliance/evaluate';
import type { Verdict } from '../compliance/types';
import { contextFor, effectiveRequirements } from './effective';
import { commitmentValues, type EvaluatedRequest } from './evaluation-repository';
import { loadCarriers } from './repository';

// One certificate checked for one request's scope: the requirements in force there, the
// company's carrier table and the vendor's facts, then the pure evaluator.

export async function checkCertificate(
  db: Db | Knex.Transaction,
  request: Pick<EvaluatedRequest, 'companyId' | 'vendorId' | 'vendorName' | 'trade' | 'projectId' | 'projectName'>,
  extraction: Extraction,
  today: string,
): Promise<Verdict> {
  const { requirements } = await effectiveRequirements(db, request.companyId, request.projectId);
  const carriers = await loadCarriers(db, request.companyId);
  const commitments = await commitmentValues(db, request.companyId, [request.vendorId]);
  return evaluateCertificate(extraction, requirements, contextFor(request, { today, commitments, carriers }));
}
