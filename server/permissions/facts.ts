import { z } from 'zod';
import type { Services } from '../services';
import type { Db } from '../db';
import { AppError, NotFoundError } from '../errors';
import { errorCodes } from '../contracts/api';
import { membershipCheckedAt } from '../directory/repository';
import { syncMemberships } from '../directory/sync';
import type { ProcoreFacts } from './policy';

// What Procore says about a user, cached: the companies they see (re-read every ten minutes),
// their template, admin and insurance-manager flags in a company, and whether they are on a
// project (both re-read every minute, so a change in Procore reaches the app within a minute).

const membershipTtlMs = 10 * 60_000;
export const roleTtlMs = 60_000;

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const companyMeSchema = z.looseObject({
  is_insurance_manager: z.boolean().nullable().optional(),
  company_permission_template_id: id.nullable().optional(),
  default_permission_template_id: id.nullable().optional(),
  permission_template: z.looseObject({ name: z.string() }).nullable().optional(),
});
const permissionsSchema = z.looseObject({
  tools: z.array(z.looseObject({ name: z.string().nullable().optional(), user_access_level: z.looseObject({ name: z.string() }).nullable().optional() })),
});

/** Tenancy: an unknown or foreign company is "not found", so ids of other companies reveal nothing. */
export async function assertMember(s: Services, userId: string, companyId: string): Promise<void> {
  const checked = await membershipCheckedAt(s.db, userId, companyId);
  if (checked && Date.now() - checked.getTime() < membershipTtlMs) return;
  const ids = await syncMemberships(s.db, s.procoreAs(userId), userId);
  if (!ids.includes(companyId)) throw new NotFoundError(`Your Procore account has no company ${companyId}.`);
}

interface CachedFacts extends ProcoreFacts {
  checkedAt: Date | null;
}

async function cached(db: Db, userId: string, companyId: string): Promise<CachedFacts> {
  const row = (await db('company_users')
    .where({ user_id: userId, company_id: companyId })
    .first('template_id', 'is_company_admin', 'is_insurance_manager', 'role_checked_at')) as
    | { template_id: string | null; is_company_admin: boolean; is_insurance_manager: boolean; role_checked_at: Date | null }
    | undefined;
  return {
    templateId: row?.template_id == null ? null : String(row.template_id),
    isCompanyAdmin: row?.is_company_admin ?? false,
    isInsuranceManager: row?.is_insurance_manager ?? false,
    checkedAt: row?.role_checked_at ?? null,
  };
}

/** The user's Procore facts in a company, read from Procore when the cached ones are a minute old. */
export async function procoreFacts(s: Services, userId: string, companyId: string): Promise<ProcoreFacts> {
  const known = await cached(s.db, userId, companyId);
  if (known.checkedAt && Date.now() - known.checkedAt.getTime() < roleTtlMs) return known;
  const procore = s.procoreAs(userId);
  const me = await procore.get(`/rest/v1.0/companies/${companyId}/me`, companyMeSchema, { companyId });
  const permissions = await procore.get('/rest/v1.0/settings/permissions', permissionsSchema, { companyId, query: { company_id: companyId } });
  // Company admins hold Admin on the company's Admin tool (procore-platform.md section 6).
  const isCompanyAdmin = permissions.tools.some((t) => t.name === 'admin' && t.user_access_level?.name === 'Admin');
  const facts: ProcoreFacts = {
    templateId: me.company_permission_template_id ?? me.default_permission_template_id ?? null,
    isCompanyAdmin,
    isInsuranceManager: me.is_insurance_manager === true,
  };
  await s.db('company_users').where({ user_id: userId, company_id: companyId }).update({
    template_id: facts.templateId,
    template_name: me.permission_template?.name ?? null,
    is_company_admin: facts.isCompanyAdmin,
    is_insurance_manager: facts.isInsuranceManager,
    role_checked_at: s.db.fn.now(),
  });
  return facts;
}

/** Whether Procore lists the user on the project (re-read every minute). */
export async function onProject(s: Services, userId: string, companyId: string, projectId: string): Promise<boolean> {
  const row = (await s.db('project_users').where({ company_id: companyId, project_id: projectId, user_id: userId }).first('on_project', 'checked_at')) as
    | { on_project: boolean; checked_at: Date }
    | undefined;
  if (row && Date.now() - row.checked_at.getTime() < roleTtlMs) return row.on_project;
  let on: boolean;
  try {
    await s.procoreAs(userId).get(`/rest/v1.0/projects/${projectId}/users/${userId}`, z.looseObject({ id }), { companyId });
    on = true;
  } catch (err) {
    // Procore hides a project from a user who is not on it (403) and has no such project user (404).
    if (err instanceof NotFoundError || (err instanceof AppError && err.code === errorCodes.procoreForbidden)) on = false;
    else throw err;
  }
  await s.db('project_users')
    .insert({ company_id: companyId, project_id: projectId, user_id: userId, on_project: on, checked_at: s.db.fn.now() })
    .onConflict(['company_id', 'project_id', 'user_id'])
    .merge();
  return on;
}

/** Forgets cached facts so the next call reads Procore (sign-in, tests). */
export async function forgetFacts(db: Db, userId: string): Promise<void> {
  await db('company_users').where({ user_id: userId }).update({ role_checked_at: null });
  await db('project_users').where({ user_id: userId }).delete();
}
