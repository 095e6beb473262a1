import type { Services } from '../services';
import type { RequirementSet } from '../contracts/requirements';
import type { RequirementsView } from '../contracts/requirements-api';
import type { SessionUser } from '../contracts/session';
import { ForbiddenError, NotFoundError } from '../errors';
import { assertCompanyAccess } from '../directory/service';
import { findProject } from '../directory/repository';
import { syncProjects } from '../directory/sync';
import { userRole } from '../requests/roles';
import { effectiveRequirements } from './effective';
import { addAuditEvent, deleteProjectSet, saveRequirementSet } from './repository';

// Requirement sets as compliance managers manage them: the company default and per-project
// overrides. Anyone in the company may read them; only compliance managers change them, and
// every change is audited.

export const actorOf = (u: SessionUser) => ({ userId: u.id, label: u.name });

/** Tenancy (unknown or foreign company → 404) and, for a project, that the company has it. */
export async function assertScope(s: Services, user: SessionUser, companyId: string, projectId: string | null): Promise<void> {
  await assertCompanyAccess(s, user.id, companyId);
  if (projectId === null || (await findProject(s.db, companyId, projectId))) return;
  await syncProjects(s.db, s.procoreAs(user.id), companyId);
  if (!(await findProject(s.db, companyId, projectId))) throw new NotFoundError(`Company ${companyId} has no project ${projectId} in Procore.`);
}

export async function assertComplianceManager(s: Services, user: SessionUser, companyId: string, what: string): Promise<void> {
  if ((await userRole(s, user.id, companyId)) === 'compliance_manager') return;
  throw new ForbiddenError(`Only compliance managers can ${what}. Ask your company's insurance or compliance manager.`);
}

export async function readRequirements(s: Services, user: SessionUser, companyId: string, projectId: string | null): Promise<RequirementsView> {
  await assertScope(s, user, companyId, projectId);
  const e = await effectiveRequirements(s.db, companyId, projectId);
  return {
    companyId,
    projectId,
    source: e.source,
    requirements: e.requirements,
    updatedAt: e.updatedAt?.toISOString() ?? null,
    updatedBy: e.updatedBy,
  };
}

export async function saveRequirements(
  s: Services,
  user: SessionUser,
  companyId: string,
  projectId: string | null,
  set: RequirementSet,
): Promise<RequirementsView> {
  await assertScope(s, user, companyId, projectId);
  await assertComplianceManager(s, user, companyId, 'change insurance requirements');
  await s.db.transaction(async (trx) => {
    await saveRequirementSet(trx, companyId, projectId, set, user.id);
    await addAuditEvent(trx, { companyId, actor: actorOf(user), kind: 'requirements_saved', data: { projectId, name: set.name } });
  });
  s.log.info({ companyId, projectId, userId: user.id }, 'requirement set saved');
  return readRequirements(s, user, companyId, projectId);
}

/** Removes a project's own set: the project follows the company default again. */
export async function removeProjectRequirements(s: Services, user: SessionUser, companyId: string, projectId: string): Promise<RequirementsView> {
  await assertScope(s, user, companyId, projectId);
  await assertComplianceManager(s, user, companyId, 'change insurance requirements');
  await s.db.transaction(async (trx) => {
    if (!(await deleteProjectSet(trx, companyId, projectId))) {
      throw new NotFoundError('This project has no requirements of its own; it already follows the company default.');
    }
    await addAuditEvent(trx, { companyId, actor: actorOf(user), kind: 'requirements_removed', data: { projectId } });
  });
  return readRequirements(s, user, companyId, projectId);
}
