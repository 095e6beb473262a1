import type { Db } from '../db';
import type { ProcoreClient } from '../procore/client';
import { contractSchema, type ProcoreContract } from '../procore/records';
import { changedSince } from '../procore/http';

// Subcontracts and purchase orders read from Procore into the commitments mirror.

export type CommitmentKind = 'work_order' | 'purchase_order';
export const contractPaths: Record<CommitmentKind, string> = {
  work_order: '/rest/v1.0/work_order_contracts',
  purchase_order: '/rest/v1.0/purchase_order_contracts',
};

function toRow(companyId: string, projectId: string, kind: CommitmentKind, c: ProcoreContract) {
  const total = c.grand_total === null || c.grand_total === undefined ? null : Number(c.grand_total);
  return {
    company_id: companyId,
    id: c.id,
    project_id: projectId,
    vendor_id: c.vendor?.id ?? null,
    kind,
    number: c.number ?? null,
    title: c.title ?? null,
    status: c.status,
    grand_total: total !== null && Number.isFinite(total) ? total : null,
    procore_created_at: c.created_at ?? null,
    synced_at: new Date(),
  };
}

/** A project's subcontracts and purchase orders; with `since`, only those Procore changed since then. */
export async function syncProjectCommitments(db: Db, procore: ProcoreClient, companyId: string, projectId: string, since: Date | null = null): Promise<number> {
  let count = 0;
  for (const kind of Object.keys(contractPaths) as CommitmentKind[]) {
    const contracts = await procore.getAll(contractPaths[kind], contractSchema, { companyId, query: { project_id: projectId, ...changedSince(since) }, perPage: 100 });
    const rows = contracts.map((c) => toRow(companyId, projectId, kind, c));
    if (rows.length) await db('commitments').insert(rows).onConflict(['company_id', 'id']).merge();
    count += rows.length;
  }
  return count;
}

/** One commitment, read fresh from Procore (a webhook only says that something happened). */
export async function fetchCommitment(db: Db, procore: ProcoreClient, companyId: string, projectId: string, kind: CommitmentKind, id: string) {
  const c = await procore.get(`${contractPaths[kind]}/${id}`, contractSchema, { companyId, query: { project_id: projectId } });
  const row = toRow(companyId, projectId, kind, c);
  await db('commitments').insert(row).onConflict(['company_id', 'id']).merge();
  return row;
}
