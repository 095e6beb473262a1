import type { Services } from '../services';
import type { CompanySettings } from '../contracts/requests';
import type { SessionUser } from '../contracts/session';
import { ForbiddenError } from '../errors';
import { assertCompanyAccess } from '../directory/service';
import { registerCommitmentHook } from '../sync/webhooks';
import { getSettings, saveSettings } from './settings';
import { userRole } from './roles';

export async function readSettings(s: Services, user: SessionUser, companyId: string): Promise<CompanySettings> {
  await assertCompanyAccess(s, user.id, companyId);
  return getSettings(s.db, companyId);
}

/**
 * Compliance managers change settings. Turning on automatic commitment requests registers our
 * webhook in Procore, acting as that manager for the follow-up reads.
 */
export async function updateSettings(s: Services, user: SessionUser, companyId: string, patch: Partial<CompanySettings>): Promise<CompanySettings> {
  await assertCompanyAccess(s, user.id, companyId);
  if ((await userRole(s, user.id, companyId)) !== 'compliance_manager') {
    throw new ForbiddenError('Only compliance managers can change these settings.');
  }
  const current = (await s.db('company_settings').where({ company_id: companyId }).first('webhook_hook_id')) as { webhook_hook_id: string | null } | undefined;
  const extra: Record<string, unknown> = {};
  if (patch.autoRequestCommitments) {
    extra.automation_user_id = user.id;
    if (!current?.webhook_hook_id) {
      const hook = await registerCommitmentHook(s, s.procoreAs(user.id), companyId);
      extra.webhook_hook_id = hook.hookId;
      extra.webhook_secret_hash = hook.secretHash;
    }
  }
  return saveSettings(s.db, companyId, patch, extra);
}
