import type { Services } from '../services';
import type { CompanySettings } from '../contracts/requests';
import type { SessionUser } from '../contracts/session';
import { registerCommitmentHook } from '../sync/webhooks';
import { getSettings, saveSettings } from './settings';

export async function readSettings(s: Services, companyId: string): Promise<CompanySettings> {
  return getSettings(s.db, companyId);
}

/**
 * Compliance managers change settings. Turning on automatic commitment requests registers our
 * webhook in Procore, acting as that manager for the follow-up reads.
 */
export async function updateSettings(s: Services, user: SessionUser, companyId: string, patch: Partial<CompanySettings>): Promise<CompanySettings> {
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
