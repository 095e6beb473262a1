import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { COMPANY_A, USER_ADMIN } from '../../scripts/procore-emulator/seed-people';
import { SMS_ACCOUNT_SID, SMS_AUTH_TOKEN, type SmsItem } from '../../scripts/procore-emulator/sms-sink';
import type { Directory } from '../contracts/directory';
import type { SmsSettings } from '../contracts/notifications';
import { createUploadLink } from '../portal/links';
import { sendReminders } from '../jobs/send-reminders';

// Text reminders through real HTTP between the app and the emulator's Twilio-compatible sink:
// the company's account, a sub's mobile, one text per reminder even when runs race, a retry
// after the provider's 503, STOP and START through the signed webhook, a forged post refused.

let stack: Stack;
let token: string;
const base = `/api/companies/${COMPANY_A}`;
const db = () => stack.database.db;
const day = 86_400_000;
const from = '+15005550006';
const mobile = '+14155550123';

async function call<T>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; data: T; message: string }> {
  const res = await stack.api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await res.json()) as { data: T; error?: { message: string } };
  return { status: res.status, data: json.data, message: json.error?.message ?? '' };
}

const textsTo = async (to: string) => ((await (await fetch(`${stack.emulator.url}/__emulator/sms/messages`)).json()) as SmsItem[]).filter((m) => m.to === to);
const reply = async (body: string, url: string) =>
  (await (await fetch(`${stack.emulator.url}/__emulator/sms/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url, from: mobile, to: from, body }) })).json()) as { status: number; body: string };
const remind = (at: Date) => sendReminders.run(stack.app.services, { now: at.toISOString() });

let requestId: string;
let link: string;
let createdAt: Date;

beforeAll(async () => {
  stack = await startStack();
  token = await stack.signIn(USER_ADMIN);
  const dir = (await call<Directory>(`${base}/projects/2783001/vendors`)).data;
  createdAt = new Date(Date.now() - 60_000);
  const [row] = (await db()('coi_requests')
    .insert({ company_id: COMPANY_A, vendor_id: dir.vendors[0]!.vendorId, project_id: 2783001, origin: 'click', status: 'pending', recipient_email: 'office@sub.example', created_at: createdAt })
    .returning('id')) as { id: string }[];
  requestId = row!.id;
  link = `${stack.app.url}/portal/${await createUploadLink(db(), stack.app.services.sealer, { companyId: String(COMPANY_A), requestId, ttlDays: 30 })}`;
});
afterAll(async () => {
  stack?.app.services.mailer.close();
  await stack?.close();
});

describe('text reminders', () => {
  it('keeps the account with the token sealed and never shown, and refuses what is not E.164', async () => {
    const bad = await call(`${base}/settings/sms`, 'PATCH', { fromNumber: '555-0100' });
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/fromNumber must be a mobile number in international \(E\.164\) form/);
    const incomplete = await call(`${base}/settings/sms`, 'PATCH', { enabled: true, fromNumber: from });
    expect(incomplete.status).toBe(400);
    expect(incomplete.message).toMatch(/cannot be turned on without the API base URL, the account SID, the auth token/);
    expect(await db()('sms_settings').where({ company_id: COMPANY_A, enabled: true }).first()).toBeUndefined();

    const saved = await call<SmsSettings>(`${base}/settings/sms`, 'PATCH', { enabled: true, baseUrl: `${stack.emulator.url}/sms`, accountSid: SMS_ACCOUNT_SID, authToken: SMS_AUTH_TOKEN, fromNumber: from });
    expect(saved.status).toBe(200);
    expect(saved.data).toEqual({ enabled: true, baseUrl: `${stack.emulator.url}/sms`, accountSid: SMS_ACCOUNT_SID, fromNumber: from, hasAuthToken: true, inboundUrl: `${stack.app.url}/webhooks/sms/${COMPANY_A}` });
    const read = await stack.api(token, `${base}/settings/sms`);
    expect(await read.text()).not.toContain(SMS_AUTH_TOKEN);
    const row = await db()('sms_settings').where({ company_id: COMPANY_A }).first('auth_token_sealed');
    expect(row.auth_token_sealed).not.toContain(SMS_AUTH_TOKEN);
    expect(stack.app.services.sealer.open(row.auth_token_sealed)).toBe(SMS_AUTH_TOKEN);
  });

  it("refuses a mobile that is not a number and keeps a valid one on the request", async () => {
    const bad = await call(`${base}/requests/${requestId}/mobile`, 'PUT', { mobile: '(415) 555-0123' });
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/mobile must be a mobile number in international \(E\.164\) form, such as \+14155550123/);
    expect((await db()('coi_requests').where({ id: requestId }).first('recipient_mobile')).recipient_mobile).toBeNull();
    const ok = await call<{ mobile: string }>(`${base}/requests/${requestId}/mobile`, 'PUT', { mobile });
    expect(ok).toMatchObject({ status: 200, data: { mobile } });
    expect((await call<{ recipientMobile: string }>(`${base}/requests/${requestId}`)).data.recipientMobile).toBe(mobile);
  });

  it('texts each reminder once, retrying after the provider fails', async () => {
    await fetch(`${stack.emulator.url}/__emulator/sms/failures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 503 }) });
    const at = new Date(createdAt.getTime() + 3 * day + 60_000);
    await Promise.all([remind(at), remind(at)]);
    await remind(at);
    // The sink keeps the message before the app commits "sent": wait for both.
    await waitFor(async () => ((await db()('texts').where({ request_id: requestId, status: 'sent' }).first()) ? true : null), 30_000, 'the text sent after a retry');
    const [text] = await textsTo(mobile);
    expect(text!.from).toBe(from);
    expect(text!.body).toContain('Riverside Medical Center');
    expect(text!.body).toContain(link);
    expect(text!.body).toMatch(/Reply STOP/);
    const rows = await db()('texts').where({ request_id: requestId });
    expect(rows.map((r) => [r.dedupe_key, r.status, r.attempts, r.provider_sid])).toEqual([[`reminder:${requestId}:1`, 'sent', 2, text!.sid]]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await textsTo(mobile)).toHaveLength(1);
  });

  it('refuses a post that is not signed with the account and changes nothing', async () => {
    const url = `${stack.app.url}/webhooks/sms/${COMPANY_A}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm90IGEgc2lnbmF0dXJl' },
      body: new URLSearchParams({ From: mobile, To: from, Body: 'STOP' }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await db()('sms_opt_outs').where({ company_id: COMPANY_A })).toHaveLength(0);
  });

  it('stops texting after STOP and starts again after START', async () => {
    const url = `${stack.app.url}/webhooks/sms/${COMPANY_A}`;
    const stopped = await reply('  stop ', url);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toContain('<Response></Response>');
    expect(await db()('sms_opt_outs').where({ company_id: COMPANY_A }).pluck('phone')).toEqual([mobile]);
    expect((await call<{ mobileOptedOut: boolean }>(`${base}/requests/${requestId}`)).data.mobileOptedOut).toBe(true);

    await remind(new Date(createdAt.getTime() + 7 * day + 60_000));
    expect(await db()('emails').where({ request_id: requestId, kind: 'reminder' })).toHaveLength(2);
    expect(await db()('texts').where({ request_id: requestId })).toHaveLength(1);

    expect((await reply('Start', url)).status).toBe(200);
    expect(await db()('sms_opt_outs').where({ company_id: COMPANY_A })).toHaveLength(0);
    await remind(new Date(createdAt.getTime() + 14 * day + 60_000));
    await waitFor(async () => ((await textsTo(mobile)).length === 2 ? true : null), 20_000, 'the text after START');
  });
});
