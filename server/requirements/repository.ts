import type { Knex } from 'knex';
import type { Db } from '../db';
import type { RequirementSet } from '../contracts/requirements';
import { parseRating, parseSizeClass } from '../compliance/am-best';
import type { Carrier, CarrierTable } from '../compliance/types';
import type { Actor } from '../requests/timeline';

// SQL for requirement sets, carrier tables and the company audit trail. Every query names
// its company; project_id null is the company default.

type Conn = Db | Knex.Transaction;

export interface StoredRequirementSet {
  projectId: string | null;
  body: unknown;
  updatedAt: Date;
  updatedBy: string | null;
}

const scopeOf = (projectId: string | null) => projectId ?? 0;

export async function findRequirementSet(db: Conn, companyId: string, projectId: string | null): Promise<StoredRequirementSet | null> {
  const row = (await db('requirement_sets as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .where('s.company_id', companyId)
    .whereRaw('COALESCE(s.project_id, 0) = ?', [scopeOf(projectId)])
    .first('s.project_id', 's.body', 's.updated_at', 'u.name as updated_by_name')) as
    | { project_id: string | null; body: unknown; updated_at: Date; updated_by_name: string | null }
    | undefined;
  if (!row) return null;
  return { projectId: row.project_id === null ? null : String(row.project_id), body: row.body, updatedAt: row.updated_at, updatedBy: row.updated_by_name };
}

export async function saveRequirementSet(trx: Knex.Transaction, companyId: string, projectId: string | null, body: RequirementSet, userId: string | null): Promise<void> {
  await trx.raw(
    `INSERT INTO requirement_sets (company_id, project_id, body, updated_by, updated_at)
     VALUES (?, ?, ?::jsonb, ?, now())
     ON CONFLICT (company_id, COALESCE(project_id, 0))
     DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [companyId, projectId, JSON.stringify(body), userId],
  );
}

/** True when a project override existed and was removed. */
export async function deleteProjectSet(trx: Knex.Transaction, companyId: string, projectId: string): Promise<boolean> {
  const n = await trx('requirement_sets').where({ company_id: companyId, project_id: projectId }).delete();
  return n > 0;
}

/** Projects of the company that have their own requirement set. */
export async function projectsWithOwnSet(db: Conn, companyId: string): Promise<string[]> {
  const ids = (await db('requirement_sets').where({ company_id: companyId }).whereNotNull('project_id').pluck('project_id')) as string[];
  return ids.map(String);
}

export async function replaceCarriers(trx: Knex.Transaction, companyId: string, carriers: CarrierTable): Promise<void> {
  await trx('carriers').where({ company_id: companyId }).delete();
  const rows = [...carriers.values()].map((c) => ({
    company_id: companyId,
    naic: c.naic,
    name: c.name,
    rating: c.amBest.rating.rated ? c.amBest.rating.rating : 'NR',
    size_class: c.amBest.sizeClass,
  }));
  // Chunks keep each INSERT well under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < rows.length; i += 2000) await trx('carriers').insert(rows.slice(i, i + 2000));
}

function toCarrier(r: { naic: string; name: string; rating: string; size_class: number | null }): Carrier {
  const rating = parseRating(r.rating) ?? { rated: false as const };
  const sizeClass = r.size_class === null ? null : parseSizeClass(String(r.size_class));
  return { naic: r.naic, name: r.name, amBest: { rating, sizeClass } };
}

/** The company's carrier table, or undefined when none was imported (the rating check is then skipped). */
export async function loadCarriers(db: Conn, companyId: string): Promise<CarrierTable | undefined> {
  const rows = (await db('carriers').where({ company_id: companyId }).select('naic', 'name', 'rating', 'size_class')) as {
    naic: string;
    name: string;
    rating: string;
    size_class: number | null;
  }[];
  if (rows.length === 0) return undefined;
  return new Map(rows.map((r) => [r.naic, toCarrier(r)]));
}

export async function carrierSummary(db: Conn, companyId: string, sampleSize: number): Promise<{ count: number; sample: Carrier[] }> {
  const [{ count } = { count: '0' }] = (await db('carriers').where({ company_id: companyId }).count('* as count')) as { count: string }[];
  const rows = (await db('carriers').where({ company_id: companyId }).orderBy('name').limit(sampleSize).select('naic', 'name', 'rating', 'size_class')) as {
    naic: string;
    name: string;
    rating: string;
    size_class: number | null;
  }[];
  return { count: Number(count), sample: rows.map(toCarrier) };
}

export async function addAuditEvent(
  db: Conn,
  e: { companyId: string; actor: Actor; kind: 'requirements_saved' | 'requirements_removed' | 'carriers_imported' | 'role_mapping_changed' | 'role_override_set' | 'role_override_removed'; data: Record<string, unknown> },
): Promise<void> {
  await db('audit_events').insert({
    company_id: e.companyId,
    actor_user_id: e.actor.userId,
    actor_label: e.actor.label,
    kind: e.kind,
    data: JSON.stringify(e.data),
  });
}
