import type { Services } from '../services';
import type { CommitmentRow, CreateRequestsResult, RequestOrigin } from '../contracts/requests';
import type { SessionUser } from '../contracts/session';
import { NotFoundError, ValidationError } from '../errors';
import { isValidEmail, projectDirectory } from '../directory/service';
import { actorOf } from '../permissions/actor';
import * as directoryRepo from '../directory/repository';
import { syncCompanyDirectory, syncProjects } from '../directory/sync';
import { syncProjectCommitments } from '../sync/commitments';
import type { ProcoreClient } from '../procore/client';
import { createRequests, type Candidate } from './create';
import { activeRequestVendors, withoutOpenRequest } from './repository';
import type { Actor } from './timeline';

// The Request for Commitments tab: vendors holding a commitment (any status but Void) in this
// project and no request yet, newest first; one click (or a webhook) requests them.

export async function commitmentsToRequest(s: Services, user: SessionUser, companyId: string, projectId: string): Promise<CommitmentRow[]> {
  await projectDirectory(s, user.id, companyId, projectId);
  await syncProjectCommitments(s.db, s.procoreAs(user.id), companyId, projectId);
  const rows = await withoutOpenRequest(s.db('commitments as c'))
    .join('vendors as v', function () {
      this.on('v.company_id', 'c.company_id').andOn('v.id', 'c.vendor_id');
    })
    .where({ 'c.company_id': companyId, 'c.project_id': projectId })
    .whereNot('c.status', 'Void')
    .orderBy([{ column: 'c.procore_created_at', order: 'desc', nulls: 'last' }, { column: 'c.id', order: 'desc' }])
    .select('c.id', 'c.kind', 'c.number', 'c.title', 'c.status', 'c.grand_total', 'c.procore_created_at', 'v.id as vendor_id', 'v.name as vendor_name', s.db.raw('COALESCE(v.email_override, v.email) AS email'));
  return rows.map((r) => ({
    commitmentId: String(r.id),
    kind: r.kind,
    number: r.number,
    title: r.title,
    status: r.status,
    amount: r.grand_total === null ? null : Number(r.grand_total),
    createdAt: r.procore_created_at ? (r.procore_created_at as Date).toISOString() : null,
    vendorId: String(r.vendor_id),
    vendorName: r.vendor_name,
    email: r.email,
    emailValid: isValidEmail(r.email),
  }));
}

export async function requestFromCommitment(
  s: Services,
  procore: ProcoreClient,
  p: { companyId: string; projectId: string; commitmentId: string; email?: string; actor: Actor; origin: 'commitment' | 'automatic' },
): Promise<CreateRequestsResult> {
  const c = (await s.db('commitments').where({ company_id: p.companyId, id: p.commitmentId, project_id: p.projectId }).first()) as
    | { vendor_id: string | null; status: string }
    | undefined;
  if (!c) throw new NotFoundError('No such commitment in this project.');
  if (!c.vendor_id) throw new ValidationError('This commitment has no vendor to request a certificate from.');
  if (c.status === 'Void') throw new ValidationError('This commitment is void; nothing to request.');
  const vendorId = String(c.vendor_id);
  let vendor = (await s.db('vendors').where({ company_id: p.companyId, id: vendorId }).first()) as { name: string; email: string | null; email_override: string | null } | undefined;
  if (!vendor) {
    await syncCompanyDirectory(s.db, procore, p.companyId);
    vendor = await s.db('vendors').where({ company_id: p.companyId, id: vendorId }).first();
    if (!vendor) throw new NotFoundError('The commitment’s vendor is not in the company directory.');
  }
  if (p.email) await directoryRepo.saveEmailOverride(s.db, p.companyId, vendorId, p.email);
  const project = await knownProject(s, procore, p.companyId, p.projectId);
  return requestVendorInProject(s, {
    companyId: p.companyId,
    project,
    origin: p.origin,
    actor: p.actor,
    candidate: { vendorId, name: vendor.name, email: p.email ?? vendor.email_override ?? vendor.email, commitmentId: p.commitmentId },
  });
}

/** A project from the mirror; an event can name one nobody has opened in the app yet, so read the company's projects then. */
export async function knownProject(s: Services, procore: ProcoreClient, companyId: string, projectId: string): Promise<{ id: string; name: string }> {
  const mirrored = await directoryRepo.findProject(s.db, companyId, projectId);
  if (mirrored) return mirrored;
  await syncProjects(s.db, procore, companyId);
  const project = await directoryRepo.findProject(s.db, companyId, projectId);
  if (!project) throw new NotFoundError('No such project.');
  return project;
}

/**
 * One vendor's project request, unless it already has an open one here or a global one (which
 * covers every project): the path automatic requests share with the commitments tab.
 */
export async function requestVendorInProject(
  s: Services,
  p: { companyId: string; project: { id: string; name: string }; origin: RequestOrigin; how?: string; actor: Actor; candidate: Candidate },
): Promise<CreateRequestsResult> {
  const companyName = (await directoryRepo.companyName(s.db, p.companyId)) ?? `Company ${p.companyId}`;
  const vendorIds = [p.candidate.vendorId];
  const active = await activeRequestVendors(s.db, p.companyId, p.project.id, vendorIds);
  const globalActive = await activeRequestVendors(s.db, p.companyId, null, vendorIds);
  return createRequests(
    s,
    { companyId: p.companyId, companyName, project: p.project, origin: p.origin, how: p.how, actor: p.actor, candidates: [p.candidate] },
    new Set([...active, ...globalActive]),
  );
}

export async function requestCommitmentByUser(s: Services, user: SessionUser, companyId: string, projectId: string, commitmentId: string, email?: string) {
  return requestFromCommitment(s, s.procoreAs(user.id), { companyId, projectId, commitmentId, email, actor: actorOf(user), origin: 'commitment' });
}
