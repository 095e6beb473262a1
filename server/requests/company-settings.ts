import type { Services } from '../services';
import type { AutomaticProblems, CompanySettings } from '../contracts/requests';
import type { SessionUser } from '../contracts/session';
import { commitmentResources, ensureHook, projectVendorResource } from '../sync/webhooks';
import { getSettings, saveSettings } from './settings';

export async function readSettings(s: Services, companyId: string): Promise<CompanySettings> {
  return getSettings(s.db, companyId);
}

/**
 * Compliance managers change settings. Turning on an automatic request (new commitments, vendors
 * joining a project) registers our webhook and its triggers in Procore, as that manager.
 */
export async function updateSettings(s: Services, user: SessionUser, companyId: string, patch: Partial<CompanySettings>): Promise<CompanySettings> {
  const current = (await s.db('company_settings').where({ company_id: companyId }).first('webhook_hook_id')) as { webhook_hook_id: string | null } | undefined;
  const extra: Record<string, unknown> = {};
  const resources = [...(patch.autoRequestCommitments ? commitmentResources : []), ...(patch.autoRequestProjectVendors ? [projectVendorResource] : [])];
  if (resources.length) {
    extra.automation_user_id = user.id;
    const hook = await ensureHook(s, s.procoreAs(user.id), companyId, current?.webhook_hook_id ?? null, resources);
    extra.webhook_hook_id = hook.hookId;
    if (hook.secretHash) extra.webhook_secret_hash = hook.secretHash;
  }
  return saveSettings(s.db, companyId, patch, extra);
}

/** The last month's automatic requests that did not happen, and why (a vendor without an email…), newest first. */
export async function automaticProblems(s: Services, companyId: string): Promise<AutomaticProblems> {
  const rows = (await s.db('webhook_events as e')
    .leftJoin('projects as p', function () {
      this.on('p.company_id', 'e.company_id').andOn('p.id', 'e.project_id');
    })
    .where('e.company_id', companyId)
    .whereNotNull('e.outcome')
    .where('e.processed_at', '>', s.db.raw("now() - interval '30 days'"))
    .orderBy('e.processed_at', 'desc')
    .limit(50)
    .select('e.processed_at', 'e.outcome', 'p.name as project_name')) as { processed_at: Date; outcome: string; project_name: string | null }[];
  return { problems: rows.map((r) => ({ at: r.processed_at.toISOString(), projectName: r.project_name, message: r.outcome })) };
}
