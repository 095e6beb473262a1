import type { Db } from '../db';
import { tailOf, type Tail } from '../compliance/tail';
import { effectiveRequirements } from './effective';
import type { EvaluatedRequest } from './evaluation-repository';

/** Where a request's project stands in its requirement set's completed-operations tail. */
export async function requestTail(db: Db, r: Pick<EvaluatedRequest, 'companyId' | 'projectId' | 'projectClosedOn'>, today: string): Promise<Tail> {
  if (!r.projectClosedOn) return { phase: 'open', endsOn: null };
  const { requirements } = await effectiveRequirements(db, r.companyId, r.projectId);
  return tailOf(requirements, r.projectClosedOn, today);
}
