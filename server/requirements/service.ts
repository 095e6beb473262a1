import type { Services } from '../services';
import type { RequirementSet } from '../contracts/requirements';
import type { RequirementsView } from '../contracts/requirements-api';
import type { SessionUser } from '../contracts/session';
import { NotFoundError } from '../errors';
import { actorOf } from '../permissions/actor';
import { effectiveRequirements } from './effective';
import { addAuditEvent, deleteProjectSet, saveRequirementSet } from './repository';

// Requirement sets as compliance managers manage them: the company default and per-project
// overrides. Routes authorize first (anyone with a role reads them; compliance managers change
// them); every change is audited.

export async function readRequirements(s: Services, companyId: string, projectId: string | null): Promise<RequirementsView> {
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
  await s.db.transaction(async (trx) => {
    await saveRequirementSet(trx, companyId, projectId, set, user.id);
    await addAuditEvent(trx, { companyId, actor: actorOf(user), kind: 'requirements_saved', data: { projectId, name: set.name } });
  });
  s.log.info({ companyId, projectId, userId: user.id }, 'requirement set saved');
  return readRequirements(s, companyId, projectId);
}

/** Removes a project's own set: the project follows the company default again. */
export async function removeProjectRequirements(s: Services, user: SessionUser, companyId: string, projectId: string): Promise<RequirementsView> {
  await s.db.transaction(async (trx) => {
    if (!(await deleteProjectSet(trx, companyId, projectId))) {
      throw new NotFoundError('This project has no requirements of its own; it already follows the company default.');
    }
    await addAuditEvent(trx, { companyId, actor: actorOf(user), kind: 'requirements_removed', data: { projectId } });
  });
  return readRequirements(s, companyId, projectId);
}
