import type { Db } from '../db';
import type { DirectoryRow } from '../contracts/directory';
import { directoryRequestJoin, projectStatusesColumn } from '../requests/repository';

// SQL for the mirrored directory. Every query names its company.

export interface VendorRecord {
  id: string;
  name: string;
  trade: string | null;
  contactName: string | null;
  email: string | null;
  active: boolean;
}

const chunk = 1000;

export async function upsertCompanies(db: Db, companies: { id: string; name: string }[]): Promise<void> {
  if (companies.length === 0) return;
  await db('companies')
    .insert(companies.map((c) => ({ id: c.id, name: c.name })))
    .onConflict('id')
    .merge({ name: db.raw('excluded.name'), updated_at: db.fn.now() });
}

export async function replaceMemberships(db: Db, userId: string, companyIds: string[]): Promise<void> {
  // Concurrent panel requests may both refresh memberships: upsert, never delete-then-insert.
  await db('company_users').where({ user_id: userId }).whereNotIn('company_id', companyIds).delete();
  if (companyIds.length === 0) return;
  await db('company_users')
    .insert(companyIds.map((id) => ({ company_id: id, user_id: userId, checked_at: db.fn.now() })))
    .onConflict(['company_id', 'user_id'])
    .merge();
}

export async function membershipCheckedAt(db: Db, userId: string, companyId: string): Promise<Date | null> {
  const row = (await db('company_users').where({ user_id: userId, company_id: companyId }).first('checked_at')) as
    | { checked_at: Date }
    | undefined;
  return row?.checked_at ?? null;
}

export async function companyName(db: Db, companyId: string): Promise<string | null> {
  const row = (await db('companies').where({ id: companyId }).first('name')) as { name: string } | undefined;
  return row?.name ?? null;
}

/** `closedOn`: when an inactive project closed; a date already known is kept, a reopened project has none. */
export async function upsertProjects(db: Db, companyId: string, projects: { id: string; name: string; active: boolean; closedOn: string | null }[]): Promise<void> {
  for (let i = 0; i < projects.length; i += chunk) {
    await db('projects')
      .insert(
        projects.slice(i, i + chunk).map((p) => ({ company_id: companyId, id: p.id, name: p.name, active: p.active, closed_on: p.active ? null : p.closedOn, synced_at: db.fn.now() })),
      )
      .onConflict(['company_id', 'id'])
      .merge({
        name: db.raw('excluded.name'),
        active: db.raw('excluded.active'),
        synced_at: db.raw('excluded.synced_at'),
        closed_on: db.raw('CASE WHEN excluded.active THEN NULL ELSE COALESCE(projects.closed_on, excluded.closed_on) END'),
      });
  }
}

export async function findProject(db: Db, companyId: string, projectId: string): Promise<{ id: string; name: string } | null> {
  const row = (await db('projects').where({ company_id: companyId, id: projectId }).first('id', 'name')) as
    | { id: string; name: string }
    | undefined;
  return row ? { id: String(row.id), name: row.name } : null;
}

export async function upsertVendors(db: Db, companyId: string, vendors: VendorRecord[]): Promise<void> {
  for (let i = 0; i < vendors.length; i += chunk) {
    const rows = vendors.slice(i, i + chunk).map((v) => ({
      company_id: companyId,
      id: v.id,
      name: v.name,
      trade: v.trade,
      contact_name: v.contactName,
      email: v.email,
      active: v.active,
      synced_at: db.fn.now(),
    }));
    await db('vendors').insert(rows).onConflict(['company_id', 'id']).merge();
  }
}

/**
 * The company directory is Procore's: vendors no longer listed there (deleted or made inactive)
 * leave ours. One we hold requests for stays, marked inactive, so its history still has a name.
 */
export async function removeVendorsNotIn(db: Db, companyId: string, keep: string[]): Promise<void> {
  const gone = () => db('vendors as v').where('v.company_id', companyId).whereNot(db.raw('v.id = ANY(?::bigint[])', [keep]));
  const requested = db('coi_requests as r').whereRaw('r.company_id = v.company_id AND r.vendor_id = v.id');
  await gone().whereExists(requested).update({ active: false });
  await gone().whereNotExists(requested).delete();
}

export async function replaceProjectVendors(db: Db, companyId: string, projectId: string, vendorIds: string[]): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('project_vendors').where({ company_id: companyId, project_id: projectId }).delete();
    for (let i = 0; i < vendorIds.length; i += chunk) {
      await trx('project_vendors').insert(
        vendorIds.slice(i, i + chunk).map((v) => ({ company_id: companyId, project_id: projectId, vendor_id: v })),
      );
    }
  });
}

export async function addProjectVendor(db: Db, companyId: string, projectId: string, vendorId: string): Promise<void> {
  await db('project_vendors').insert({ company_id: companyId, project_id: projectId, vendor_id: vendorId }).onConflict().ignore();
}

export async function recordSync(db: Db, companyId: string, projectId: string | null, count: number): Promise<Date> {
  const syncedAt = new Date();
  await db('directory_syncs')
    .insert({ company_id: companyId, project_id: projectId ?? 0, synced_at: syncedAt, vendor_count: count })
    .onConflict(['company_id', 'project_id'])
    .merge();
  return syncedAt;
}

export async function lastSync(db: Db, companyId: string, projectId: string | null): Promise<Date | null> {
  const row = (await db('directory_syncs').where({ company_id: companyId, project_id: projectId ?? 0 }).first('synced_at')) as
    | { synced_at: Date }
    | undefined;
  return row?.synced_at ?? null;
}

interface VendorRow {
  id: string;
  name: string;
  trade: string | null;
  contact_name: string | null;
  email: string | null;
  request_id: string | null;
  request_status: DirectoryRow['status'] | null;
  request_scope: 'project' | 'global' | null;
  project_statuses?: { status: DirectoryRow['status']; count: number }[] | null;
}

/**
 * Directory rows with their COI status: a project's own request first, else the vendor's global
 * one (it covers every project); active requests before archived ones. Cancelled ones don't count.
 */
export async function listDirectory(db: Db, companyId: string, projectId: string | null): Promise<Omit<DirectoryRow, 'emailValid'>[]> {
  const request = directoryRequestJoin(projectId);
  const q = db('vendors as v')
    .joinRaw(request.sql, request.bindings)
    .where('v.company_id', companyId)
    .where('v.active', true)
    .orderBy('v.name');
  if (projectId) {
    q.join('project_vendors as pv', function () {
      this.on('pv.company_id', 'v.company_id').andOn('pv.vendor_id', 'v.id');
    }).where('pv.project_id', projectId);
  }
  const rows = (await q.select(
    'v.id',
    'v.name',
    'v.trade',
    'v.contact_name',
    db.raw('COALESCE(v.email_override, v.email) AS email'),
    'req.id as request_id',
    'req.status as request_status',
    'req.scope as request_scope',
    ...(projectId ? [] : [db.raw(projectStatusesColumn)]),
  )) as VendorRow[];
  return rows.map((r) => ({
    vendorId: String(r.id),
    name: r.name,
    trade: r.trade,
    contactName: r.contact_name,
    email: r.email,
    status: r.request_status ?? 'not_requested',
    requestId: r.request_id,
    requestScope: r.request_scope,
    ...(projectId ? {} : { projectStatuses: r.project_statuses ?? [] }),
  }));
}

/** An address a user fixed for this vendor; kept across directory re-reads. */
export async function saveEmailOverride(db: Db, companyId: string, vendorId: string, email: string): Promise<void> {
  await db('vendors').where({ company_id: companyId, id: vendorId }).update({ email_override: email });
}
