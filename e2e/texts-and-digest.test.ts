import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import type { Stack } from '../test/stack';
import { waitFor } from '../test/wait';
import { startBrowserStack, type BrowserStack } from './stack';
import { checkAccessibility } from './axe';
import { appFrame, connect, emulatorMail, projectVendorsWithEmail, requestTicked, tick } from './panel';
import { SMS_ACCOUNT_SID, SMS_AUTH_TOKEN } from '../scripts/procore-emulator/sms-sink';
import { COMPANY_A, USER_COMPLIANCE } from '../scripts/procore-emulator/seed-people';
import { sendReminders } from '../server/jobs/send-reminders';
import { sendDigests } from '../server/jobs/send-digests';
import { localTime } from '../server/jobs/nightly-sync';

// Text reminders and the daily digest as a compliance manager meets them: texts turned on in
// Settings with an account at the emulator's SMS sink (bad input refused first, the token never
// shown back), the sub's mobile on a request, a reminder's text in the emulator's Mailbox under
// Messages, the sub's STOP, then no more texts; the digest ticked, still ticked after a reload,
// and the digest email in the Mailbox.

const projectId = 2783001;
const fromNumber = '+15005550006';
const mobile = '+14155550123';
const day = 86_400_000;
let env: BrowserStack;
let stack: Stack;
let page: Page;
/** The reply address Settings shows for the provider (STOP). */
let inboundUrl = '';
let vendor: { id: number; name: string; email: string };
let requestId = '';
let createdAt: Date;
/** Every body the panel got from the SMS settings API. */
const smsAnswers: string[] = [];

beforeAll(async () => {
  env = await startBrowserStack();
  stack = env.stack;
  page = await env.context.newPage();
  page.on('response', (response) => {
    if (response.url().includes('/settings/sms')) void response.text().then((body) => smsAnswers.push(body), () => undefined);
  });
  vendor = projectVendorsWithEmail(stack.emulator, projectId, 1)[0]!;
});
afterAll(async () => env?.close());

const db = () => stack.database.db;
const companyHome = () => `${stack.emulator.url}/${COMPANY_A}/company/apps/coi-compliance`;
const remind = (at: Date) => sendReminders.run(stack.app.services, { now: at.toISOString() });

async function openCompanyHome(): Promise<FrameLocator> {
  await page.goto(companyHome());
  const frame = appFrame(page);
  await connect(page, frame, 'Carla Nguyen');
  await frame.getByRole('searchbox', { name: 'Search companies' }).waitFor({ timeout: 60_000 });
  return frame;
}

async function openSmsSettings(frame: FrameLocator): Promise<FrameLocator> {
  await frame.getByRole('button', { name: 'Settings', exact: true }).click();
  await frame.getByRole('region', { name: 'Text message reminders' }).getByLabel('API base URL').waitFor({ timeout: 30_000 });
  return frame;
}

/** The request's drawer, opened from its status in the project's directory. */
async function openRequest(frame: FrameLocator): Promise<void> {
  await frame.getByRole('searchbox', { name: 'Search companies' }).fill(vendor.name);
  await frame.getByRole('button', { name: `Pending: view the request for ${vendor.name}` }).click({ timeout: 30_000 });
  await frame.getByRole('dialog', { name: 'COI request' }).getByLabel('Mobile for text reminders').waitFor({ timeout: 30_000 });
}

/** Opens the emulator's Mailbox from Procore's header and shows its Messages. */
async function mailboxMessages(): Promise<void> {
  await page.getByRole('link', { name: 'Mailbox' }).click();
  await page.getByRole('link', { name: /^Messages \(\d+\)$/ }).click();
}

describe('text reminders and the daily digest in the browser', () => {
  it('turns texts on in Settings: bad input is refused and nothing saved, and the token is never shown back', async () => {
    const frame = await openSmsSettings(await openCompanyHome());
    const section = frame.getByRole('region', { name: 'Text message reminders' });
    const save = section.getByRole('button', { name: 'Save text message settings' });

    await section.getByLabel('API base URL').fill('ftp://sms.example.com');
    await section.getByText('The API base URL must be an http(s) address, such as https://api.twilio.com.').waitFor();
    expect(await save.isDisabled()).toBe(true);
    await section.getByLabel('API base URL').fill(`${stack.emulator.url}/sms`);
    await section.getByLabel('Account SID').fill(SMS_ACCOUNT_SID);
    await section.getByLabel('From number').fill('555-0100');
    await section.getByText('The from number must be a mobile number in international (E.164) form, such as +14155550123.').waitFor();
    expect(await save.isDisabled()).toBe(true);
    await checkAccessibility(frame, 'settings with a refused from number');

    // Turned on without a token: the server refuses it and keeps nothing.
    await section.getByLabel('From number').fill(fromNumber);
    await section.getByRole('checkbox', { name: /Also send reminders by text message/ }).check();
    await save.click();
    await section.getByRole('alert').getByText('Text messages cannot be turned on without the auth token.').waitFor({ timeout: 15_000 });
    expect(await db()('sms_settings').where({ company_id: COMPANY_A })).toHaveLength(0);

    await section.getByLabel('Auth token', { exact: true }).fill(SMS_AUTH_TOKEN);
    await save.click();
    await section.getByText('Text message settings saved.').waitFor({ timeout: 15_000 });
    const token = section.getByLabel('Auth token (kept; type a new one to replace it)');
    expect(await token.inputValue()).toBe('');
    const saved = await db()('sms_settings').where({ company_id: COMPANY_A }).first();
    expect(saved).toMatchObject({ enabled: true, base_url: `${stack.emulator.url}/sms`, account_sid: SMS_ACCOUNT_SID, from_number: fromNumber });
    expect(saved.auth_token_sealed).not.toContain(SMS_AUTH_TOKEN);
    const replies = await section.getByText(/^Give your SMS provider this address for replies/).textContent();
    inboundUrl = /, so STOP is honoured: (\S+)$/.exec(replies ?? '')?.[1] ?? '';
    expect(inboundUrl).toBe(`${stack.app.url}/webhooks/sms/${COMPANY_A}`);
    await checkAccessibility(frame, 'settings with texts on');

    // After a reload the account is there, the token only as "kept".
    await page.reload();
    const again = await openSmsSettings(appFrame(page));
    const reloaded = again.getByRole('region', { name: 'Text message reminders' });
    expect(await reloaded.getByRole('checkbox', { name: /Also send reminders by text message/ }).isChecked()).toBe(true);
    expect(await reloaded.getByLabel('From number').inputValue()).toBe(fromNumber);
    expect(await reloaded.getByLabel('Auth token (kept; type a new one to replace it)').inputValue()).toBe('');
    expect(await page.content()).not.toContain(SMS_AUTH_TOKEN);
    expect(await again.locator('body').innerHTML()).not.toContain(SMS_AUTH_TOKEN);
    expect(smsAnswers.length).toBeGreaterThanOrEqual(3);
    expect(smsAnswers.filter((body) => body.includes(SMS_AUTH_TOKEN))).toEqual([]);
  });

  it('keeps the sub’s mobile on a request, texts the reminder, and sends no text after the sub replies STOP', async () => {
    await page.goto(`${stack.emulator.url}/${COMPANY_A}/project/${projectId}/apps/coi-compliance`);
    const frame = appFrame(page);
    await connect(page, frame, 'Carla Nguyen');
    // The project's commitments tab and the Request COI dialog pass axe too.
    await frame.getByRole('tab', { name: 'Request for Commitments' }).click();
    await frame.getByRole('list', { name: 'Commitments without a COI request' }).waitFor({ timeout: 30_000 });
    await checkAccessibility(frame, 'request for commitments');
    await frame.getByRole('tab', { name: 'Directory' }).click();
    await tick(frame, vendor.name);
    await frame.getByRole('button', { name: 'Request COI' }).first().click();
    await frame.getByRole('dialog').getByRole('button', { name: /^Send 1 request/ }).waitFor({ timeout: 30_000 });
    await checkAccessibility(frame, 'Request COI dialog');
    await page.keyboard.press('Escape');
    await requestTicked(frame, 1);
    const row = await waitFor(
      async () => (await db()('coi_requests').where({ company_id: COMPANY_A, project_id: projectId }).first('id', 'created_at')) as { id: string; created_at: Date } | undefined,
      15_000,
      'the request',
    );
    requestId = row.id;
    createdAt = row.created_at;

    await openRequest(frame);
    const drawer = frame.getByRole('dialog', { name: 'COI request' });
    const field = drawer.getByLabel('Mobile for text reminders');
    await field.fill('(415) 555-0123');
    await drawer.getByText('Enter the number in international form: a plus, the country code and the number, such as +14155550123.').waitFor();
    expect(await drawer.getByRole('button', { name: 'Save mobile' }).isDisabled()).toBe(true);
    await checkAccessibility(frame, 'request with a refused mobile');
    expect((await db()('coi_requests').where({ id: requestId }).first('recipient_mobile')).recipient_mobile).toBeNull();
    await field.fill(mobile);
    await drawer.getByRole('button', { name: 'Save mobile' }).click();
    await drawer.getByRole('definition').filter({ hasText: mobile }).waitFor({ timeout: 15_000 });
    expect((await db()('coi_requests').where({ id: requestId }).first('recipient_mobile')).recipient_mobile).toBe(mobile);
    await checkAccessibility(frame, 'request with a mobile');
    await page.keyboard.press('Escape');

    // Three days on, the first reminder goes by email and by text.
    await remind(new Date(createdAt.getTime() + 3 * day + 60_000));
    await waitFor(() => db()('texts').where({ request_id: requestId, status: 'sent' }).first(), 30_000, 'the reminder text sent');
    await mailboxMessages();
    const text = page.getByRole('listitem').filter({ hasText: `To ${mobile}` });
    await text.waitFor({ timeout: 15_000 });
    expect(await text.textContent()).toContain(`from ${fromNumber}`);
    expect(await text.textContent()).toContain('Riverside Medical Center');
    expect(await text.textContent()).toMatch(/Reply STOP/);

    // The sub replies STOP: the provider posts it, signed, to the address Settings showed.
    const reply = await fetch(`${stack.emulator.url}/__emulator/sms/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: inboundUrl, from: mobile, to: fromNumber, body: 'STOP' }),
    });
    expect(((await reply.json()) as { status: number }).status).toBe(200);
    await page.goto(`${stack.emulator.url}/${COMPANY_A}/project/${projectId}/apps/coi-compliance`);
    await connect(page, appFrame(page), 'Carla Nguyen');
    await openRequest(appFrame(page));
    await appFrame(page).getByRole('dialog', { name: 'COI request' }).getByText(`${mobile} (replied STOP: no texts)`).waitFor({ timeout: 15_000 });

    // The second reminder: the email goes, no text does.
    await remind(new Date(createdAt.getTime() + 7 * day + 60_000));
    await waitFor(async () => (await emulatorMail(stack.emulator.url)).filter((m) => m.to.includes(vendor.email)).length >= 3, 30_000, 'the request and two reminder emails');
    expect(await db()('emails').where({ request_id: requestId, kind: 'reminder' })).toHaveLength(2);
    expect(await db()('texts').where({ request_id: requestId })).toHaveLength(1);
    await page.goto(`${stack.emulator.url}/${COMPANY_A}/project/${projectId}/apps/coi-compliance`);
    await mailboxMessages();
    expect(await page.getByRole('listitem').filter({ hasText: `To ${mobile}` }).count()).toBe(1);
  });

  it('ticks the daily digest, keeps it ticked after a reload, and the digest arrives', async () => {
    const frame = await openCompanyHome();
    const digest = frame.getByRole('checkbox', { name: 'Email me a daily digest' });
    expect(await digest.isChecked()).toBe(false);
    await digest.check();
    await waitFor(() => db()('digest_subscriptions').where({ company_id: COMPANY_A, user_id: USER_COMPLIANCE }).first(), 15_000, 'the subscription');
    await checkAccessibility(frame, 'company directory with the digest ticked');
    await page.reload();
    const after = appFrame(page).getByRole('checkbox', { name: 'Email me a daily digest' });
    await after.waitFor({ timeout: 60_000 });
    expect(await after.isChecked()).toBe(true);

    // The third reminder leaves the sub "not responding"; the next 07:05 in New York brings the digest.
    await remind(new Date(createdAt.getTime() + 14 * day + 60_000));
    let at = new Date(Math.ceil(Date.now() / 300_000) * 300_000);
    while (!(localTime(at, 'America/New_York').hour === 7 && at.getUTCMinutes() % 60 === 5)) at = new Date(at.getTime() + 300_000);
    await sendDigests.run(stack.app.services, { now: at.toISOString() });
    const { login } = (await db()('users').where({ id: USER_COMPLIANCE }).first('login')) as { login: string };
    const mail = await waitFor(async () => (await emulatorMail(stack.emulator.url)).find((m) => m.to.includes(login) && m.subject.startsWith('COI digest')), 30_000, 'the digest email');
    expect(mail.text).toContain(vendor.name);
    await page.getByRole('link', { name: 'Mailbox' }).click();
    await page.getByRole('heading', { name: mail.subject }).waitFor({ timeout: 15_000 });
  });
});
