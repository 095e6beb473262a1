import type { Services } from '../services';
import type { Db } from '../db';
import type { Sealer } from '../auth/crypto';
import type { SmsSettings, SmsSettingsPatch } from '../contracts/notifications';
import { ValidationError } from '../errors';

// The company's text-message account: on/off and a Twilio-compatible API (base URL, account
// SID, auth token, from number). The token is sealed at rest like Procore tokens and never
// leaves the server: the panel learns only that one is kept.

export interface SmsAccount {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  fromNumber: string;
}

interface Row {
  enabled: boolean;
  base_url: string | null;
  account_sid: string | null;
  auth_token_sealed: string | null;
  from_number: string | null;
}

const rowOf = async (db: Db, companyId: string) => (await db('sms_settings').where({ company_id: companyId }).first()) as Row | undefined;

export const inboundPath = (companyId: string) => `/webhooks/sms/${companyId}`;

function view(s: Services, companyId: string, row: Row | undefined): SmsSettings {
  return {
    enabled: row?.enabled ?? false,
    baseUrl: row?.base_url ?? null,
    accountSid: row?.account_sid ?? null,
    fromNumber: row?.from_number ?? null,
    hasAuthToken: Boolean(row?.auth_token_sealed),
    inboundUrl: `${s.config.appUrl}${inboundPath(companyId)}`,
  };
}

/** The account to send with, whatever the switch says (inbound replies are checked against it too); null when incomplete. */
export async function smsAccount(db: Db, sealer: Sealer, companyId: string, onlyEnabled = true): Promise<SmsAccount | null> {
  const row = await rowOf(db, companyId);
  if (!row || (onlyEnabled && !row.enabled) || !row.base_url || !row.account_sid || !row.auth_token_sealed || !row.from_number) return null;
  return { baseUrl: row.base_url.replace(/\/+$/, ''), accountSid: row.account_sid, authToken: sealer.open(row.auth_token_sealed), fromNumber: row.from_number };
}

export async function readSmsSettings(s: Services, companyId: string): Promise<SmsSettings> {
  return view(s, companyId, await rowOf(s.db, companyId));
}

/** Saves what the patch names; turning texts on needs every part of the account. */
export async function saveSmsSettings(s: Services, userId: string, companyId: string, patch: SmsSettingsPatch): Promise<SmsSettings> {
  const current = await rowOf(s.db, companyId);
  const next: Row = {
    enabled: patch.enabled ?? current?.enabled ?? false,
    base_url: patch.baseUrl ?? current?.base_url ?? null,
    account_sid: patch.accountSid ?? current?.account_sid ?? null,
    auth_token_sealed: patch.authToken ? s.sealer.seal(patch.authToken) : (current?.auth_token_sealed ?? null),
    from_number: patch.fromNumber ?? current?.from_number ?? null,
  };
  const missing = [
    ['the API base URL', next.base_url],
    ['the account SID', next.account_sid],
    ['the auth token', next.auth_token_sealed],
    ['the from number', next.from_number],
  ].filter(([, value]) => !value).map(([name]) => name);
  if (next.enabled && missing.length) throw new ValidationError(`Text messages cannot be turned on without ${missing.join(', ')}.`);
  await s.db('sms_settings')
    .insert({ company_id: companyId, ...next, updated_by: userId, updated_at: s.db.fn.now() })
    .onConflict('company_id')
    .merge();
  return view(s, companyId, next);
}
