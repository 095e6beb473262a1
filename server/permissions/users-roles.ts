import type { Knex } from 'knex';
import { z } from 'zod';
import type { Services } from '../services';
import type { Db } from '../db';
import type { SessionUser } from '../contracts/session';
import { errorCodes } from '../contracts/api';
import { roleLabels, type ChangeResult, type Mapping, type Override, type Role, type RolesView, type RoleUser } from '../contracts/permissions';
import { AppError, ConflictError, NotFoundError } from '../errors';
import { addAuditEvent } from '../requirements/repository';
import { actorOf } from './actor';
import { mappingsOf } from './authorize';
import { resolveRole } from './policy';
import { liveTemplates, type LiveTemplate } from './templates';

// The Users and roles screen: Procore's templates mapped to roles, per-user overrides with a
// reason, and everyone who has opened the app with their role and where it came from. Every
// change is audited; concurrent edits are serialised per company (the last write wins, and its
// author is told when it replaced someone else's); no change may leave the company without a
// compliance manager.

type Conn = Db | Knex.Transaction;

interface Member {
  id: string;
  name: string;
  login: string;
  template_id: string | null;
  template_name: string | null;
  is_company_admin: boolean;
  is_insurance_manager: boolean;
}

async function members(db: Conn, companyId: string): Promise<Member[]> {
  const rows = (await db('company_users as cu')
    .join('users as u', 'u.id', 'cu.user_id')
    .where('cu.company_id', companyId)
    .orderBy('u.name')
    .select('u.id', 'u.name', 'u.login', 'cu.template_id', 'cu.template_name', 'cu.is_company_admin', 'cu.is_insurance_manager')) as Member[];
  return rows.map((r) => ({ ...r, id: String(r.id), template_id: r.template_id === null ? null : String(r.template_id) }));
}

async function overridesOf(db: Conn, companyId: string): Promise<Map<string, { role: Role; reason: string }>> {
  const rows = (await db('role_overrides').where({ company_id: companyId }).select('user_id', 'role', 'reason')) as { user_id: string; role: Role; reason: string }[];
  return new Map(rows.map((r) => [String(r.user_id), { role: r.role, reason: r.reason }]));
}

function usersWith(list: Member[], mappings: Map<string, Role>, overrides: Map<string, { role: Role; reason: string }>, templates: LiveTemplate[]): RoleUser[] {
  const names = new Map(templates.map((t) => [t.id, t.name]));
  return list.map((m) => {
    const override = overrides.get(m.id) ?? null;
    const resolved = resolveRole(
      { templateId: m.template_id, isCompanyAdmin: m.is_company_admin, isInsuranceManager: m.is_insurance_manager },
      override?.role ?? null,
      mappings,
    );
    return {
      id: m.id,
      name: m.name,
      login: m.login,
      templateName: (m.template_id && names.get(m.template_id)) ?? m.template_name,
      isCompanyAdmin: m.is_company_admin,
      role: resolved.role,
      source: resolved.source,
      overrideReason: resolved.source === 'override' ? (override?.reason ?? null) : null,
    };
  });
}

async function view(db: Conn, companyId: string, templates: LiveTemplate[]): Promise<RolesView> {
  const mappingRows = (await db('role_mappings as m')
    .leftJoin('users as u', 'u.id', 'm.updated_by')
    .where('m.company_id', companyId)
    .select('m.template_id', 'm.role', 'm.updated_at', 'u.name as by')) as { template_id: string; role: Role; updated_at: Date; by: string | null }[];
  const byTemplate = new Map(mappingRows.map((r) => [String(r.template_id), r]));
  const mappings = new Map(mappingRows.map((r) => [String(r.template_id), r.role]));
  return {
    templates: templates.map((t) => {
      const m = byTemplate.get(t.id);
      return { ...t, role: m?.role ?? null, updatedBy: m?.by ?? null, updatedAt: m?.updated_at.toISOString() ?? null };
    }),
    users: usersWith(await members(db, companyId), mappings, await overridesOf(db, companyId), templates),
  };
}

export async function rolesView(s: Services, user: SessionUser, companyId: string): Promise<RolesView> {
  return view(s.db, companyId, await liveTemplates(s, user, companyId));
}

/** Refuses a change that would leave nobody who has opened the app as compliance manager. */
async function assertManagerRemains(trx: Conn, companyId: string, mappings: Map<string, Role>, overrides: Map<string, { role: Role; reason: string }>): Promise<void> {
  const users = usersWith(await members(trx, companyId), mappings, overrides, []);
  if (users.some((u) => u.role === 'compliance_manager')) return;
  throw new ConflictError('This change would leave COI Compliance without a compliance manager. Give someone else the compliance manager role first.');
}

/** One editor at a time per company; the loser of a race waits, then writes last (and wins). */
async function lockCompany(trx: Knex.Transaction, companyId: string): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))', ['role_mappings', companyId]);
}

export async function setMapping(s: Services, user: SessionUser, companyId: string, templateId: string, m: Mapping): Promise<ChangeResult> {
  const templates = await liveTemplates(s, user, companyId);
  const template = templates.find((t) => t.id === templateId);
  if (!template) {
    throw new NotFoundError(`Procore has no permission template ${templateId} in this company any more; it may have been deleted. Reload the list to see Procore's templates as they are now.`);
  }
  const notice = await s.db.transaction(async (trx) => {
    await lockCompany(trx, companyId);
    const current = (await trx('role_mappings as m').leftJoin('users as u', 'u.id', 'm.updated_by').where({ 'm.company_id': companyId, 'm.template_id': templateId }).first('m.role', 'u.name as by')) as
      | { role: Role; by: string | null }
      | undefined;
    const mappings = await mappingsOf(trx, companyId);
    if (m.role === null) mappings.delete(templateId);
    else mappings.set(templateId, m.role);
    await assertManagerRemains(trx, companyId, mappings, await overridesOf(trx, companyId));
    if (m.role === null) await trx('role_mappings').where({ company_id: companyId, template_id: templateId }).delete();
    else {
      await trx('role_mappings')
        .insert({ company_id: companyId, template_id: templateId, template_name: template.name, role: m.role, updated_by: user.id, updated_at: trx.fn.now() })
        .onConflict(['company_id', 'template_id'])
        .merge();
    }
    await addAuditEvent(trx, { companyId, actor: actorOf(user), kind: 'role_mapping_changed', data: { templateId, templateName: template.name, from: current?.role ?? null, to: m.role } });
    const before = current?.role ?? null;
    if (m.previous !== undefined && m.previous !== before) {
      const was = before === null ? 'the default' : roleLabels[before];
      return `${current?.by ?? 'Someone'} had just changed ${template.name} to ${was}; your choice replaced it.`;
    }
    return null;
  });
  s.log.info({ companyId, templateId, role: m.role, userId: user.id }, 'role mapping changed');
  return { view: await view(s.db, companyId, templates), notice };
}

const companyUserSchema = z.looseObject({ id: z.union([z.number(), z.string()]) });

/** The user must still be in the company in Procore (Company Users). */
async function assertStillInProcore(s: Services, user: SessionUser, companyId: string, target: Member): Promise<void> {
  try {
    await s.procoreAs(user.id).get(`/rest/v1.3/companies/${companyId}/users/${target.id}`, companyUserSchema, { companyId });
  } catch (err) {
    if (err instanceof NotFoundError || (err instanceof AppError && err.code === errorCodes.procoreForbidden)) {
      throw new NotFoundError(`${target.name} is no longer in this company in Procore, so their role cannot be changed.`);
    }
    throw err;
  }
}

async function memberOf(s: Services, companyId: string, userId: string): Promise<Member> {
  const target = (await members(s.db, companyId)).find((m) => m.id === userId);
  if (!target) throw new NotFoundError(`User ${userId} has not opened COI Compliance in this company.`);
  return target;
}

export async function setOverride(s: Services, user: SessionUser, companyId: string, userId: string, o: Override): Promise<ChangeResult> {
  const target = await memberOf(s, companyId, userId);
  if (target.is_company_admin) throw new ConflictError(`${target.name} is a Procore company admin; company admins are always compliance managers.`);
  await assertStillInProcore(s, user, companyId, target);
  await s.db.transaction(async (trx) => {
    await lockCompany(trx, companyId);
    const overrides = await overridesOf(trx, companyId);
    const from = overrides.get(userId)?.role ?? null;
    overrides.set(userId, { role: o.role, reason: o.reason });
    await assertManagerRemains(trx, companyId, await mappingsOf(trx, companyId), overrides);
    await trx('role_overrides')
      .insert({ company_id: companyId, user_id: userId, role: o.role, reason: o.reason, updated_by: user.id, updated_at: trx.fn.now() })
      .onConflict(['company_id', 'user_id'])
      .merge();
    await addAuditEvent(trx, { companyId, actor: actorOf(user), kind: 'role_override_set', data: { userId, userName: target.name, from, to: o.role, reason: o.reason } });
  });
  s.log.info({ companyId, targetUserId: userId, role: o.role, userId: user.id }, 'role override set');
  return { view: await rolesView(s, user, companyId), notice: null };
}

export async function removeOverride(s: Services, user: SessionUser, companyId: string, userId: string): Promise<ChangeResult> {
  const target = await memberOf(s, companyId, userId);
  await s.db.transaction(async (trx) => {
    await lockCompany(trx, companyId);
    const overrides = await overridesOf(trx, companyId);
    const from = overrides.get(userId);
    if (!from) throw new NotFoundError(`${target.name} has no override; their role already comes from Procore.`);
    overrides.delete(userId);
    await assertManagerRemains(trx, companyId, await mappingsOf(trx, companyId), overrides);
    await trx('role_overrides').where({ company_id: companyId, user_id: userId }).delete();
    await addAuditEvent(trx, { companyId, actor: actorOf(user), kind: 'role_override_removed', data: { userId, userName: target.name, from: from.role } });
  });
  return { view: await rolesView(s, user, companyId), notice: null };
}
