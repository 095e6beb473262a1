import type { Services } from '../services';
import type { Db } from '../db';
import type { SessionUser } from '../contracts/session';
import type { Access, Action, Role, RoleSource } from '../contracts/permissions';
import { ForbiddenError, NotFoundError } from '../errors';
import { findProject } from '../directory/repository';
import { syncProjects } from '../directory/sync';
import { assertMember, onProject, procoreFacts } from './facts';
import { actionsOf, deniedMessage, resolveRole, roleAllows, type ProcoreFacts } from './policy';

// The one place that decides access. Every route calls authorize (or its request and document
// forms) before its service runs: tenancy (another company's ids are 404), the role's actions
// (403), and for project-scoped work that the user is on the project in Procore (403; company
// admins see every project).

export interface Grant {
  role: Role;
  source: RoleSource;
  isCompanyAdmin: boolean;
}

export async function mappingsOf(db: Db, companyId: string): Promise<Map<string, Role>> {
  const rows = (await db('role_mappings').where({ company_id: companyId }).select('template_id', 'role')) as { template_id: string; role: Role }[];
  return new Map(rows.map((r) => [String(r.template_id), r.role]));
}

async function overrideOf(db: Db, companyId: string, userId: string): Promise<Role | null> {
  const row = (await db('role_overrides').where({ company_id: companyId, user_id: userId }).first('role')) as { role: Role } | undefined;
  return row?.role ?? null;
}

/** The user's role in the company: Procore facts (cached a minute) with today's mapping and override. */
export async function roleIn(s: Services, user: SessionUser, companyId: string): Promise<Grant & { facts: ProcoreFacts }> {
  await assertMember(s, user.id, companyId);
  const facts = await procoreFacts(s, user.id, companyId);
  const resolved = resolveRole(facts, await overrideOf(s.db, companyId, user.id), await mappingsOf(s.db, companyId));
  return { ...resolved, isCompanyAdmin: facts.isCompanyAdmin, facts };
}

/** The project must be the company's (404 otherwise); the mirror is refreshed once on a miss. */
async function projectOf(s: Services, user: SessionUser, companyId: string, projectId: string): Promise<{ id: string; name: string }> {
  let project = await findProject(s.db, companyId, projectId);
  if (!project) {
    await syncProjects(s.db, s.procoreAs(user.id), companyId);
    project = await findProject(s.db, companyId, projectId);
  }
  if (!project) throw new NotFoundError(`Company ${companyId} has no project ${projectId} in Procore.`);
  return project;
}

/** Names who can change a user's access, for "no access" and 403 answers. */
export async function askWho(db: Db, companyId: string, exceptUserId: string): Promise<string> {
  const candidates = (await db('company_users as cu')
    .join('users as u', 'u.id', 'cu.user_id')
    .where('cu.company_id', companyId)
    .whereNot('cu.user_id', exceptUserId)
    .select('u.id', 'u.name', 'cu.template_id', 'cu.is_company_admin', 'cu.is_insurance_manager')) as {
    id: string; name: string; template_id: string | null; is_company_admin: boolean; is_insurance_manager: boolean;
  }[];
  const mappings = await mappingsOf(db, companyId);
  const overrides = new Map(
    ((await db('role_overrides').where({ company_id: companyId }).select('user_id', 'role')) as { user_id: string; role: Role }[]).map((o) => [String(o.user_id), o.role]),
  );
  const managers = candidates
    .filter((c) => resolveRole({ templateId: c.template_id === null ? null : String(c.template_id), isCompanyAdmin: c.is_company_admin, isInsuranceManager: c.is_insurance_manager }, overrides.get(String(c.id)) ?? null, mappings).role === 'compliance_manager')
    .map((c) => c.name)
    .sort((a, b) => a.localeCompare(b));
  if (managers.length === 0) return 'Ask a company admin in Procore to open COI Compliance and give you a role under Users and roles.';
  const names = managers.length <= 3 ? managers : [...managers.slice(0, 3), 'another compliance manager'];
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `Ask ${list} (compliance ${managers.length === 1 ? 'manager' : 'managers'}) to change your role under Users and roles.`;
}

/**
 * Allows the action or throws: 404 for a company the user cannot see in Procore or a project the
 * company does not have, 403 for a role that may not, or a project the user is not on.
 */
export async function authorize(s: Services, user: SessionUser, companyId: string, projectId: string | null, action: Action): Promise<Grant> {
  const grant = await roleIn(s, user, companyId);
  const project = projectId === null ? null : await projectOf(s, user, companyId, projectId);
  if (!roleAllows(grant.role, action, grant.isCompanyAdmin)) {
    throw new ForbiddenError(deniedMessage(grant.role, action, await askWho(s.db, companyId, user.id)));
  }
  if (project && !grant.isCompanyAdmin && !(await onProject(s, user.id, companyId, project.id))) {
    throw new ForbiddenError(`You are not on the project ${project.name} in Procore. Ask the project's admin to add you to its directory.`);
  }
  return { role: grant.role, source: grant.source, isCompanyAdmin: grant.isCompanyAdmin };
}

/** A request's actions are scoped to its project (none for a global request). */
export async function authorizeRequest(s: Services, user: SessionUser, companyId: string, requestId: string, action: Action): Promise<Grant> {
  await assertMember(s, user.id, companyId);
  const row = (await s.db('coi_requests').where({ company_id: companyId, id: requestId }).first('project_id')) as { project_id: string | null } | undefined;
  if (!row) throw new NotFoundError('No such request in this company.');
  return authorize(s, user, companyId, row.project_id === null ? null : String(row.project_id), action);
}

/** A document's actions are its request's. */
export async function authorizeDocument(s: Services, user: SessionUser, companyId: string, documentId: string, action: Action): Promise<Grant> {
  await assertMember(s, user.id, companyId);
  const row = (await s.db('documents').where({ company_id: companyId, id: documentId }).first('request_id')) as { request_id: string } | undefined;
  if (!row) throw new NotFoundError('No such document in this company.');
  return authorizeRequest(s, user, companyId, String(row.request_id), action);
}

/** What the user may do here, for the panel (the session endpoint). */
export async function accessFor(s: Services, user: SessionUser, companyId: string, projectId: string | null): Promise<Access> {
  const grant = await roleIn(s, user, companyId);
  let on = true;
  if (projectId !== null && !grant.isCompanyAdmin && grant.role !== 'no_access') {
    // Procore lists only the projects a user is on: one missing from their list is not theirs.
    const project = await projectOf(s, user, companyId, projectId).catch((err: unknown) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
    on = project !== null && (await onProject(s, user.id, companyId, project.id));
  }
  return {
    role: grant.role,
    source: grant.source,
    actions: on ? actionsOf(grant.role, grant.isCompanyAdmin) : [],
    onProject: on,
    askWho: await askWho(s.db, companyId, user.id),
  };
}
