import type { Knex } from 'knex';
import type { Db } from '../db';
import { requirementSetSchema, type RequirementSet } from '../contracts/requirements';
import type { RequirementSource } from '../contracts/requirements-api';
import { defaultRequirements } from '../compliance/default-requirements';
import type { CarrierTable, EvaluationContext } from '../compliance/types';
import { findRequirementSet } from './repository';
import type { EvaluatedRequest } from './evaluation-repository';

// The requirements in force for a scope: the project's own set, else the company default,
// else the built-in template. A global request is held to the company default.

export interface EffectiveRequirements {
  source: RequirementSource;
  requirements: RequirementSet;
  updatedAt: Date | null;
  updatedBy: string | null;
}

const builtIn: EffectiveRequirements = { source: 'built-in', requirements: defaultRequirements, updatedAt: null, updatedBy: null };

export async function effectiveRequirements(db: Db | Knex.Transaction, companyId: string, projectId: string | null): Promise<EffectiveRequirements> {
  const own = projectId === null ? null : await findRequirementSet(db, companyId, projectId);
  const stored = own ?? (await findRequirementSet(db, companyId, null));
  if (!stored) return builtIn;
  return {
    source: stored.projectId === null ? 'company' : 'project',
    // Stored bodies were validated when saved; parsing again restores defaults and types.
    requirements: requirementSetSchema.parse(stored.body),
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

/**
 * The evaluator's context for a request. The subcontract value chooses the tier: the vendor's
 * largest commitment in the project, or, for a global certificate that must serve every
 * project, its largest anywhere.
 */
export function contextFor(
  request: Pick<EvaluatedRequest, 'vendorId' | 'vendorName' | 'trade' | 'projectId' | 'projectName'> & { projectClosedOn?: string | null },
  facts: { today: string; commitments: ReadonlyMap<string, number>; carriers: CarrierTable | undefined },
): EvaluationContext {
  const key = `${request.vendorId}:${request.projectId ?? '*'}`;
  return {
    today: facts.today,
    projectName: request.projectName,
    projectClosedOn: request.projectClosedOn ?? null,
    vendorName: request.vendorName,
    trade: request.trade,
    commitmentValue: facts.commitments.get(key) ?? null,
    ...(facts.carriers ? { carriers: facts.carriers } : {}),
  };
}
