import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { COMPANY_A, COMPANY_B, USER_ADMIN, USER_PM, USER_READ_ONLY, USER_SECOND_COMPANY } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { DigestState } from '../contracts/notifications';
import { moveRequest } from '../requests/lifecycle';
import { addEvent, systemActor } from '../requests/timeline';
import { localTime } from '../jobs/nightly-sync';
import { sendDigests } from '../jobs/send-digests';

// The daily digest through the real stack: opt-in through the API, the scheduled job at the
// company's 7 o'clock, the outbox and real SMTP delivery to the sink. Alice is a company admin
// of A and B, Rita (read-only) is on Riverside only, Pete opts in and out again, Ben is in B.

let stack: Stack;
const tokens = new Map<number, string>();
const db = () => stack.database.db;
const actor = systemActor('Test');
const day = 86_400_000;

async function vendorsOf(userId: number, companyId: number, projectId: number): Promise<{ id: string; name: string }[]> {
  const res = await stack.api(tokens.get(userId)!, `/api/companies/${companyId}/projects/${projectId}/vendors`);
  const dir = ((await res.json()) as { data: Directory }).data;
  return dir.vendors.map((v) => ({ id: v.vendorId, name: v.name }));
}

async function optIn(userId: number, companyId: number, subscribed: boolean): Promise<DigestState> {
  const res = await stack.api(tokens.get(userId)!, `/api/companies/${companyId}/digest`, { method: 'PUT', body: JSON.stringify({ subscribed }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: DigestState }).data;
}

async function request(companyId: number, vendorId: string, projectId: number, status: string, extra: Record<string, unknown> = {}): Promise<string> {
  const [row] = (await db()('coi_requests')
    .insert({ company_id: companyId, vendor_id: vendorId, project_id: projectId, origin: 'click', status, recipient_email: `office-${randomUUID()}@vendor.example`, ...extra })
    .returning('id')) as { id: string }[];
  return row!.id;
}

const move = (companyId: number, requestId: string, transition: 'comply' | 'fallShort', reason: string) =>
  db().transaction((trx) => moveRequest(trx, { companyId: String(companyId), requestId, transition, reason, actor }));

/** The next moment after `from` when it is 07:05 in New York (the companies' default time zone). */
function nextSevenInNewYork(from: Date): Date {
  let at = new Date(Math.ceil(from.getTime() / 300_000) * 300_000);
  while (!(localTime(at, 'America/New_York').hour === 7 && at.getUTCMinutes() % 60 === 5)) at = new Date(at.getTime() + 300_000);
  return at;
}

const digestsTo = (login: string) => stack.mail.messages().filter((m) => m.to.includes(login) && m.subject.startsWith('COI digest'));
const loginOf = async (userId: number) => ((await db()('users').where({ id: userId }).first('login')) as { login: string }).login;
const run = (at: Date) => sendDigests.run(stack.app.services, { now: at.toISOString() });

let a1: { id: string; name: string }[];
let a2: { id: string; name: string }[];
let b4: { id: string; name: string }[];

beforeAll(async () => {
  stack = await startStack();
  for (const id of [USER_ADMIN, USER_PM, USER_READ_ONLY, USER_SECOND_COMPANY]) tokens.set(id, await stack.signIn(id));
  a1 = await vendorsOf(USER_ADMIN, COMPANY_A, 2783001);
  a2 = (await vendorsOf(USER_ADMIN, COMPANY_A, 2783002)).filter((v) => !a1.some((o) => o.id === v.id));
  b4 = await vendorsOf(USER_SECOND_COMPANY, COMPANY_B, 2783004);
});
afterAll(async () => {
  stack?.app.services.mailer.close();
  await stack?.close();
});

describe('daily digest', () => {
  it('is opted in and out by each user for themselves', async () => {
    expect(await optIn(USER_ADMIN, COMPANY_A, true)).toEqual({ subscribed: true });
    expect(await optIn(USER_READ_ONLY, COMPANY_A, true)).toEqual({ subscribed: true });
    expect(await optIn(USER_PM, COMPANY_A, true)).toEqual({ subscribed: true });
    expect(await optIn(USER_PM, COMPANY_A, false)).toEqual({ subscribed: false });
    expect(await optIn(USER_SECOND_COMPANY, COMPANY_B, true)).toEqual({ subscribed: true });
    const pete = await stack.api(tokens.get(USER_PM)!, `/api/companies/${COMPANY_A}/digest`);
    expect(((await pete.json()) as { data: DigestState }).data).toEqual({ subscribed: false });
    const bad = await stack.api(tokens.get(USER_ADMIN)!, `/api/companies/${COMPANY_A}/digest`, { method: 'PUT', body: JSON.stringify({ subscribed: 'yes' }) });
    expect(bad.status).toBe(400);
    // Ben is not in company A: he cannot subscribe to it.
    const foreign = await stack.api(tokens.get(USER_SECOND_COMPANY)!, `/api/companies/${COMPANY_A}/digest`, { method: 'PUT', body: JSON.stringify({ subscribed: true }) });
    expect(foreign.status).toBe(404);
  });

  it('sends each subscriber one email of what changed in what they may see, never an empty one', async () => {
    // The last digests were long ago, so the expiring window's start is behind us too.
    await db()('digest_subscriptions').update({ last_until: new Date(Date.now() - 40 * day) });
    const compliant = await request(COMPANY_A, a1[0]!.id, 2783001, 'under_review');
    await move(COMPANY_A, compliant, 'comply', 'Certificate meets the requirements');
    const deficient = await request(COMPANY_A, a2[0]!.id, 2783002, 'under_review');
    await move(COMPANY_A, deficient, 'fallShort', 'Certificate falls short: umbrella limit $1,000,000, needs $5,000,000');
    const silent = await request(COMPANY_A, a1[1]!.id, 2783001, 'pending', { reminders_sent: 3 });
    await addEvent(db(), { companyId: String(COMPANY_A), requestId: silent, kind: 'reminder_queued', actor, data: { number: 3 } });
    const expiring = await request(COMPANY_A, a1[2]!.id, 2783001, 'compliant');
    const ends = new Date(Date.now() + 12 * day).toISOString().slice(0, 10);
    await db()('documents').insert({
      company_id: COMPANY_A, request_id: expiring, upload_id: randomUUID(), filename: 'coi.pdf', content_type: 'application/pdf', size: 4,
      sha256: Buffer.alloc(32, 1), bytes: Buffer.from('%PDF'), read_status: 'read', extraction: JSON.stringify({ policies: [{ expirationDate: ends }] }),
    });
    const other = await request(COMPANY_B, b4[0]!.id, 2783004, 'under_review');
    await move(COMPANY_B, other, 'comply', 'Certificate meets the requirements');

    const at = nextSevenInNewYork(new Date());
    // Two workers at once, then the next quarter hour: one digest each.
    await Promise.all([run(at), run(at)]);
    await run(new Date(at.getTime() + 15 * 60_000));

    const [alice, rita, pete, ben] = await Promise.all([USER_ADMIN, USER_READ_ONLY, USER_PM, USER_SECOND_COMPANY].map(loginOf));
    const [aliceMail] = await waitFor(() => (digestsTo(alice!).length ? digestsTo(alice!) : null), 20_000, "Alice's digest");
    const [ritaMail] = await waitFor(() => (digestsTo(rita!).length ? digestsTo(rita!) : null), 20_000, "Rita's digest");
    const [benMail] = await waitFor(() => (digestsTo(ben!).length ? digestsTo(ben!) : null), 20_000, "Ben's digest");

    expect(aliceMail!.subject).toMatch(/1 deficient, 1 not responding, 1 expiring, 1 compliant/);
    for (const v of [a1[0]!, a2[0]!, a1[1]!, a1[2]!]) expect(aliceMail!.text).toContain(v.name);
    expect(aliceMail!.text).toContain('umbrella limit $1,000,000, needs $5,000,000');
    expect(aliceMail!.text).toContain(`ends ${ends}`);
    expect(aliceMail!.text).toContain(`${stack.app.url}/app?company_id=${COMPANY_A}&project_id=2783002&tab=register&status=awaiting_new_coi`);
    expect(aliceMail!.text).toContain(`${stack.app.url}/app?company_id=${COMPANY_A}&project_id=2783001&tab=register&queue=not_responding`);
    expect(aliceMail!.html).toContain('href="' + `${stack.app.url}/app?company_id=${COMPANY_A}&#38;project_id=2783001&#38;tab=register&#38;status=compliant`);
    // Company A's digest carries nothing of company B, and B's nothing of A.
    expect(aliceMail!.text).not.toContain(b4[0]!.name);
    expect(benMail!.subject).toMatch(/: 1 compliant$/);
    expect(benMail!.text).toContain(b4[0]!.name);
    for (const v of [a1[0]!, a2[0]!, a1[1]!]) expect(benMail!.text).not.toContain(v.name);
    // Rita is not on Oak Street Lofts: its deficiency is not hers to see.
    expect(ritaMail!.text).toContain(a1[0]!.name);
    expect(ritaMail!.text).not.toContain(a2[0]!.name);
    expect(ritaMail!.subject).not.toMatch(/deficient/);
    // Pete opted out.
    expect(digestsTo(pete!)).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const login of [alice!, rita!, ben!]) expect(digestsTo(login)).toHaveLength(1);
    const rows = (await db()('emails').where({ kind: 'digest' }).select('dedupe_key')) as { dedupe_key: string }[];
    const date = localTime(at, 'America/New_York').date;
    expect(rows.map((r) => r.dedupe_key).sort()).toEqual(
      [`digest:${COMPANY_A}:${USER_ADMIN}:${date}`, `digest:${COMPANY_A}:${USER_READ_ONLY}:${date}`, `digest:${COMPANY_B}:${USER_SECOND_COMPANY}:${date}`].sort(),
    );

    // The next morning nothing has changed: no email at all.
    await run(new Date(at.getTime() + day));
    expect(await db()('emails').where({ kind: 'digest' }).count({ n: '*' }).first()).toEqual({ n: '3' });
    const next = (await db()('digest_subscriptions').where({ company_id: COMPANY_A, user_id: USER_ADMIN }).first(db().raw('CAST(last_local_date AS text) AS d'))) as { d: string };
    expect(next.d).toBe(localTime(new Date(at.getTime() + day), 'America/New_York').date);
  });
});
