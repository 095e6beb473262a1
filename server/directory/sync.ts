import { companySchema, projectSchema, vendorSchema, type ProcoreVendor } from '../procore/records';
import type { ProcoreClient } from '../procore/client';
import { changedSince } from '../procore/http';
import type { Db } from '../db';
import { NotFoundError } from '../errors';
import * as repo from './repository';

// Reading directories from Procore into our mirror. Each function reads every page first and
// writes afterwards, so a failed read leaves the previous mirror intact.

export function toVendorRecord(v: ProcoreVendor): repo.VendorRecord {
  const contact = v.primary_contact;
  const contactName = [contact?.first_name, contact?.last_name].filter((s) => s && s.trim()).join(' ').trim();
  const email = (contact?.email_address || v.email_address || '').trim();
  return {
    id: v.id,
    name: v.name.trim(),
    trade: (v.trades ?? []).map((t) => t.name).filter(Boolean).join(', ') || null,
    contactName: contactName || null,
    email: email || null,
    active: v.is_active !== false,
  };
}

/** The companies this user can see in Procore; also records the memberships (the tenancy check). */
export async function syncMemberships(db: Db, procore: ProcoreClient, userId: string): Promise<string[]> {
  const companies = await procore.getAll('/rest/v1.0/companies', companySchema, { perPage: 100 });
  await repo.upsertCompanies(db, companies.map((c) => ({ id: c.id, name: c.name })));
  const ids = companies.map((c) => c.id);
  await repo.replaceMemberships(db, userId, ids);
  return ids;
}

/** The company's projects; with `since`, only those Procore changed since then. Returns how many were read. */
export async function syncProjects(db: Db, procore: ProcoreClient, companyId: string, since: Date | null = null): Promise<number> {
  const projects = await procore.getAll('/rest/v1.0/projects', projectSchema, {
    companyId,
    // Inactive (closed) projects too: a closed project's completed-operations tail starts from them.
    query: { company_id: companyId, 'filters[by_status]': 'All', ...changedSince(since) },
    perPage: 300,
  });
  const today = new Date().toISOString().slice(0, 10);
  // Procore has no close date: an inactive project closed when it was last changed (made inactive).
  await repo.upsertProjects(db, companyId, projects.map((p) => ({ id: p.id, name: p.name, active: p.active !== false, closedOn: p.updated_at?.slice(0, 10) ?? today })));
  return projects.length;
}

/**
 * A company's directory writes one at a time: a company sync removing a vendor while a project
 * sync links it would break the link's foreign key; in turn they end as if run one after the other.
 */
async function writeDirectory(db: Db, companyId: string, write: (trx: Db) => Promise<void>): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))', ['directory', companyId]);
    await write(trx);
  });
}

export async function syncCompanyDirectory(db: Db, procore: ProcoreClient, companyId: string): Promise<number> {
  const vendors = await procore.getAll('/rest/v1.0/vendors', vendorSchema, { companyId, query: { company_id: companyId } });
  const records = vendors.map(toVendorRecord);
  await writeDirectory(db, companyId, async (trx) => {
    await repo.upsertVendors(trx, companyId, records);
    await repo.removeVendorsNotIn(trx, companyId, records.map((r) => r.id));
    await repo.recordSync(trx, companyId, null, records.length);
  });
  return records.length;
}

/**
 * Company vendors Procore changed since `since`, added or updated in our mirror. Removals are
 * not seen this way (a vendor made inactive leaves the list): a full read (syncCompanyDirectory) finds them.
 */
export async function syncChangedVendors(db: Db, procore: ProcoreClient, companyId: string, since: Date): Promise<number> {
  const vendors = await procore.getAll('/rest/v1.0/vendors', vendorSchema, { companyId, query: { company_id: companyId, ...changedSince(since) } });
  const records = vendors.map(toVendorRecord);
  if (records.length) await writeDirectory(db, companyId, (trx) => repo.upsertVendors(trx, companyId, records));
  return records.length;
}

export async function syncProjectDirectory(db: Db, procore: ProcoreClient, companyId: string, projectId: string): Promise<number> {
  const vendors = await procore.getAll(`/rest/v1.0/projects/${projectId}/vendors`, vendorSchema, { companyId });
  const records = vendors.map(toVendorRecord);
  await writeDirectory(db, companyId, async (trx) => {
    await repo.upsertVendors(trx, companyId, records);
    await repo.replaceProjectVendors(trx, companyId, projectId, records.map((r) => r.id));
    await repo.recordSync(trx, companyId, projectId, records.length);
  });
  return records.length;
}

/** One vendor of a project directory, read fresh (a webhook only says that it joined); null when Procore no longer lists it there. */
export async function syncProjectVendor(db: Db, procore: ProcoreClient, companyId: string, projectId: string, vendorId: string): Promise<repo.VendorRecord | null> {
  let vendor: ProcoreVendor;
  try {
    vendor = await procore.get(`/rest/v1.0/projects/${projectId}/vendors/${vendorId}`, vendorSchema, { companyId });
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
  const record = toVendorRecord(vendor);
  await writeDirectory(db, companyId, async (trx) => {
    await repo.upsertVendors(trx, companyId, [record]);
    await repo.addProjectVendor(trx, companyId, projectId, record.id);
  });
  return record;
}
