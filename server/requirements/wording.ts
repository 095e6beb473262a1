import type { Knex } from 'knex';
import type { Db } from '../db';
import { describeRequirements } from '../compliance/wording';
import { effectiveRequirements } from './effective';
import { commitmentValues } from './evaluation-repository';

// The requirement sentences a request email and the upload page show: the set in force for
// the scope, with each vendor's tier chosen as the evaluator will choose it (trade, and the
// largest commitment in the project, or anywhere for an annual certificate).

type Conn = Db | Knex.Transaction;

export interface WordingScope {
  companyId: string;
  projectId: string | null;
  projectName: string | null;
}

/** Loads what every vendor of one scope shares once; the returned function words one vendor. */
export async function requirementWording(db: Conn, scope: WordingScope, vendorIds: string[]): Promise<(vendorId: string) => string[]> {
  const effective = await effectiveRequirements(db, scope.companyId, scope.projectId);
  const ids = [...new Set(vendorIds)];
  const commitments = ids.length ? await commitmentValues(db, scope.companyId, ids) : new Map<string, number>();
  const trades = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = (await db('vendors').where({ company_id: scope.companyId }).whereIn('id', ids.slice(i, i + 5000)).select('id', 'trade')) as { id: string; trade: string | null }[];
    for (const r of rows) trades.set(String(r.id), r.trade);
  }
  return (vendorId) =>
    describeRequirements(effective.requirements, {
      projectName: scope.projectName,
      trade: trades.get(vendorId) ?? null,
      commitmentValue: commitments.get(`${vendorId}:${scope.projectId ?? '*'}`) ?? null,
    });
}

/** The sentences for one request. */
export async function requestWording(db: Conn, request: WordingScope & { vendorId: string }): Promise<string[]> {
  return (await requirementWording(db, request, [request.vendorId]))(request.vendorId);
}
