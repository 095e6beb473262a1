import type { Knex } from 'knex';
import type { Db } from '../db';
import type { CompanySettings } from '../contracts/requests';

const defaults: CompanySettings = {
  autoRequestCommitments: false,
  autoRequestProjectVendors: false,
  reminderDays: [3, 7, 14],
  reminderEveryDays: 7,
  linkTtlDays: 30,
  renewalDays: 30,
  timeZone: 'America/New_York',
};

export async function getSettings(db: Db | Knex.Transaction, companyId: string): Promise<CompanySettings> {
  const row = (await db('company_settings').where({ company_id: companyId }).first()) as
    | { auto_request_commitments: boolean; auto_request_project_vendors: boolean; reminder_days: number[]; reminder_every_days: number; link_ttl_days: number; renewal_days: number; time_zone: string }
    | undefined;
  if (!row) return { ...defaults };
  return {
    autoRequestCommitments: row.auto_request_commitments,
    autoRequestProjectVendors: row.auto_request_project_vendors,
    reminderDays: row.reminder_days,
    reminderEveryDays: row.reminder_every_days,
    linkTtlDays: row.link_ttl_days,
    renewalDays: row.renewal_days,
    timeZone: row.time_zone,
  };
}

export async function saveSettings(db: Db, companyId: string, patch: Partial<CompanySettings>, extra: Record<string, unknown> = {}): Promise<CompanySettings> {
  const next = { ...(await getSettings(db, companyId)), ...patch };
  if (next.reminderDays) next.reminderDays = [...new Set(next.reminderDays)].sort((a, b) => a - b);
  await db('company_settings')
    .insert({
      company_id: companyId,
      auto_request_commitments: next.autoRequestCommitments,
      auto_request_project_vendors: next.autoRequestProjectVendors,
      reminder_days: next.reminderDays,
      reminder_every_days: next.reminderEveryDays,
      link_ttl_days: next.linkTtlDays,
      renewal_days: next.renewalDays,
      time_zone: next.timeZone,
      ...extra,
    })
    .onConflict('company_id')
    .merge();
  return next;
}
