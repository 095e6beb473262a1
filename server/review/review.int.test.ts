import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { COMPANY_A, USER_ADMIN, USER_COMPLIANCE, USER_PM, USER_SECOND_COMPANY } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { Extraction } from '../contracts/extraction';
import type { CertificateReview, FinishResult, ReviewVerdict } from '../contracts/review';
import { createUploadLink } from '../portal/links';
import { evaluateRequest } from '../requirements/evaluate-request';
import { currentPolicies, sampleExtraction } from '../requirements/int-helpers';

// The review API through the real stack: a certificate as the reader gives it (the truth-like
// sample certificate, its values located on page 1; its policies have run out by now),
// roles from Procore (Carla manages insurance, Alice does not), tenancy, corrections that
// re-check at once without telling the sub, finishing a review, approval with an override,
// notes by email. The file bytes are a stand-in: the API serves them as stored.

let stack: Stack;
let manager: string;
let admin: string;
const pdf = Buffer.from('%PDF-1.4\n% stand-in for a certificate already read\n');
const base = `/api/companies/${COMPANY_A}`;
const located = ['/policies/0/limits/eachOccurrence', '/policies/0/expirationDate', '/certificateHolder/name', '/insured/name'];

/** The sample as read from a text PDF: each located value on page 1, read with full confidence. */
function readSample(e: Extraction = sampleExtraction()): Extraction {
  const fields = Object.fromEntries(located.map((p, i) => [p, { page: 1, box: [400, 600 - 14 * i, 520, 610 - 14 * i] as [number, number, number, number], confidence: 1 }]));
  return { ...e, fields };
}
const extraction = readSample();

beforeAll(async () => {
  stack = await startStack();
  [manager, admin] = await Promise.all([stack.signIn(USER_COMPLIANCE), stack.signIn(USER_ADMIN)]);
  // Company A's own set asks for general liability alone, so a certificate's outcome turns on its GL row.
  await call<Directory>(admin, `${base}/projects/2783001/vendors`);
  const set = { name: 'Review tests', lines: { general_liability: { minimums: { eachOccurrence: 1_000_000 } } } };
  await db()('requirement_sets').insert({ company_id: COMPANY_A, project_id: null, body: JSON.stringify(set) });
});
afterAll(async () => stack?.close());

const db = () => stack.database.db;
let vendorIndex = 0;

async function call<T>(token: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; data: T; error: { message: string } }> {
  const res = await stack.api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await res.json()) as { data: T; error: { message: string } };
  return { status: res.status, data: json.data, error: json.error };
}

/** A request of Company A whose certificate was uploaded, read and checked (by default deficient: expired policies). */
async function checkedRequest(
  read: (vendorName: string) => Extraction = () => extraction,
  outcome: ReviewVerdict['outcome'] = 'deficient',
): Promise<{ requestId: string; documentId: string; token: string; recipient: string; path: string }> {
  const dir = (await call<Directory>(admin, `${base}/projects/2783001/vendors`)).data;
  const vendor = dir.vendors[vendorIndex++]!;
  const certificate = read(vendor.name);
  const recipient = `office-${randomUUID()}@vendor.example`;
  const [row] = (await db()('coi_requests')
    .insert({ company_id: COMPANY_A, vendor_id: vendor.vendorId, project_id: '2783001', origin: 'click', status: 'under_review', recipient_email: recipient, broker_email: 'certs@broker.example' })
    .returning('id')) as { id: string }[];
  const requestId = row!.id;
  const token = await createUploadLink(db(), stack.app.services.sealer, { companyId: String(COMPANY_A), requestId, ttlDays: 30 });
  const [doc] = (await db()('documents')
    .insert({
      company_id: COMPANY_A, request_id: requestId, upload_id: randomUUID(), filename: 'apex-coi.pdf', content_type: 'application/pdf',
      size: pdf.length, sha256: createHash('sha256').update(pdf).digest(), bytes: pdf, read_status: 'read', extraction: JSON.stringify(certificate),
    })
    .returning('id')) as { id: string }[];
  expect((await evaluateRequest(stack.app.services, requestId))?.outcome).toBe(outcome);
  return { requestId, documentId: doc!.id, token, recipient, path: `${base}/requests/${requestId}/review` };
}

const events = (requestId: string) => db()('request_events').where({ request_id: requestId }).orderBy('id');
const statusOf = async (requestId: string) => ((await db()('coi_requests').where({ id: requestId }).first('status')) as { status: string }).status;
const deficiencyEmails = (requestId: string) => db()('emails').where({ request_id: requestId, kind: 'deficiency' }).orderBy('created_at');
const occurrence = '/policies/0/limits/eachOccurrence';

/** A current sample made out to the vendor, without an umbrella, whose GL each occurrence was read as $500,000 with low confidence. */
function unsureShortGl(vendorName: string): Extraction {
  // No umbrella row, so nothing makes up a GL shortfall.
  const e = readSample(currentPolicies(sampleExtraction({ policies: sampleExtraction().policies.filter((p) => p.line !== 'umbrella_liability') })));
  e.insured = { ...e.insured, name: vendorName };
  e.policies[0]!.limits.eachOccurrence = 500_000;
  e.fields![occurrence] = { ...e.fields![occurrence], confidence: 0.5 };
  return e;
}

describe('certificate review', () => {
  it('shows the certificate, its values with their boxes, and the verdict; serves the file', async () => {
    const r = await checkedRequest();
    const res = await call<CertificateReview>(manager, r.path);
    expect(res.status).toBe(200);
    expect(res.data.document).toMatchObject({ id: r.documentId, filename: 'apex-coi.pdf', contentType: 'application/pdf', pages: 1 });
    const occurrence = res.data.values.find((v) => v.pointer === '/policies/0/limits/eachOccurrence');
    expect(occurrence).toMatchObject({ label: 'General liability · Each occurrence', kind: 'money', page: 1, confidence: 1 });
    expect(occurrence?.value).toMatch(/^\$\d{1,3}(,\d{3})+$/);
    expect(occurrence?.box).toHaveLength(4);
    expect(res.data.values.every((v) => v.box !== null)).toBe(true);
    expect(res.data.verdict?.outcome).toBe('deficient');
    expect(res.data.verdict?.deficiencies.map((d) => d.code)).toContain('policy_expired');

    const file = await stack.api(manager, `${base}/documents/${r.documentId}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('re-checks a corrected value at once, keeps the original and audits who and why', async () => {
    const r = await checkedRequest();
    const pointer = '/policies/0/expirationDate';
    const before = (await call<CertificateReview>(manager, r.path)).data.verdict!;
    expect(before.deficiencies.some((d) => d.code === 'policy_expired' && d.field === pointer)).toBe(true);

    const bad = await call(manager, `${r.path}/corrections`, 'POST', { pointer, value: '2027-02-30', reason: 'Broker confirmed renewal' });
    expect(bad.status).toBe(400);
    expect((await call(manager, `${r.path}/corrections`, 'POST', { pointer: '/policies/0/limits/eachOccurrence', value: -5, reason: 'typo' })).status).toBe(400);
    expect((await call(manager, `${r.path}/corrections`, 'POST', { pointer: '/policies/0/colour', value: 'red', reason: 'typo' })).status).toBe(400);
    for (const hostile of ['/__proto__/x', '/constructor/x', '/policies/0/limits/__proto__', '/policies/0/constructor']) {
      const res = await call(manager, `${r.path}/corrections`, 'POST', { pointer: hostile, value: 5, reason: 'probe' });
      expect(res.status, hostile).toBe(400);
    }
    expect(await stack.database.db('extraction_corrections').where({ document_id: r.documentId })).toHaveLength(0);

    const fixed = await call<ReviewVerdict>(manager, `${r.path}/corrections`, 'POST', { pointer, value: '2027-05-01', reason: 'Broker confirmed renewal' });
    expect(fixed.status).toBe(200);
    expect(fixed.data.deficiencies.some((d) => d.field === pointer)).toBe(false);
    expect(fixed.data.deficiencies.length).toBeLessThan(before.deficiencies.length);

    const doc = await db()('documents').where({ id: r.documentId }).first('extraction', 'original_extraction');
    expect(doc.extraction.policies[0].expirationDate).toBe('2027-05-01');
    expect(doc.original_extraction.policies[0].expirationDate).toBe(extraction.policies[0]!.expirationDate);
    const review = (await call<CertificateReview>(manager, r.path)).data;
    expect(review.values.find((v) => v.pointer === pointer)).toMatchObject({ raw: '2027-05-01', corrected: true });
    expect(review.corrections).toEqual([expect.objectContaining({ pointer, value: '2027-05-01', reason: 'Broker confirmed renewal', by: 'Carla Nguyen' })]);
    const audit = (await events(r.requestId)).find((e) => e.kind === 'extraction_corrected');
    expect(audit).toMatchObject({ actor_label: 'Carla Nguyen', data: { pointer, to: '2027-05-01', reason: 'Broker confirmed renewal' } });
  });

  it('checks a correction again without telling the sub', async () => {
    const r = await checkedRequest(unsureShortGl, 'needs_review');
    expect(await statusOf(r.requestId)).toBe('under_review');
    const confirmed = await call<ReviewVerdict>(manager, `${r.path}/corrections`, 'POST', { pointer: occurrence, value: 500_000, reason: 'Checked against the PDF' });
    expect(confirmed.data.outcome).toBe('deficient');
    expect(await statusOf(r.requestId)).toBe('under_review');
    expect(await db()('emails').where({ request_id: r.requestId })).toHaveLength(0);
  });

  it('tells the sub once the review is finished, and again only when what they must fix changed', async () => {
    const r = await checkedRequest(unsureShortGl, 'needs_review');
    const unfinished = await call(manager, `${r.path}/finish`, 'POST', {});
    expect(unfinished.status).toBe(409);
    expect(unfinished.error.message).toMatch(/^The review cannot be finished while a point needs a decision: The reader was unsure of general liability each occurrence/);

    const confirmed = await call<ReviewVerdict>(manager, `${r.path}/corrections`, 'POST', { pointer: occurrence, value: 500_000, reason: 'Checked against the PDF' });
    expect(confirmed.data.outcome).toBe('deficient');
    expect(await statusOf(r.requestId)).toBe('under_review');
    expect(await deficiencyEmails(r.requestId)).toHaveLength(0);
    expect((await events(r.requestId)).filter((e) => e.kind === 'evaluated').at(-1)?.data.message).toMatch(/^Checked again after a correction\. 1 problem/);

    const finished = await call<FinishResult>(manager, `${r.path}/finish`, 'POST', {});
    expect(finished.status).toBe(200);
    expect(finished.data).toMatchObject({ status: 'awaiting_new_coi', subcontractor: 'emailed', verdict: { outcome: 'deficient' } });
    const [email] = await deficiencyEmails(r.requestId);
    expect(email?.dedupe_key).toMatch(/^review:[0-9a-f-]{36}:first$/);
    const mail = await waitFor(() => stack.mail.messages().find((m) => m.to.includes(r.recipient)), 15_000, 'deficiency email');
    expect(mail.text).toContain('General liability each occurrence is $500,000; this project requires $1,000,000');
    expect(mail.text).toContain(`${stack.app.url}/portal/${r.token}`);

    const again = await call<FinishResult>(manager, `${r.path}/finish`, 'POST', {});
    expect(again.data).toMatchObject({ status: 'awaiting_new_coi', subcontractor: 'already_told' });
    expect(await deficiencyEmails(r.requestId)).toHaveLength(1);
    expect((await events(r.requestId)).filter((e) => e.kind === 'review_finished').map((e) => e.data.subcontractor)).toEqual(['emailed', 'already_told']);

    await call(manager, `${r.path}/corrections`, 'POST', { pointer: occurrence, value: 400_000, reason: 'Misread the first time' });
    expect(await deficiencyEmails(r.requestId)).toHaveLength(1);
    expect(await statusOf(r.requestId)).toBe('awaiting_new_coi');
    expect((await call<FinishResult>(manager, `${r.path}/finish`, 'POST', {})).data.subcontractor).toBe('emailed');
    expect(await deficiencyEmails(r.requestId)).toHaveLength(2);
  });

  it('sends nothing on finishing when the sub was already told exactly this', async () => {
    const r = await checkedRequest();
    expect(await statusOf(r.requestId)).toBe('awaiting_new_coi');
    expect(await deficiencyEmails(r.requestId)).toHaveLength(1);
    const finished = await call<FinishResult>(manager, `${r.path}/finish`, 'POST', {});
    expect(finished.data).toMatchObject({ status: 'awaiting_new_coi', subcontractor: 'already_told' });
    expect(await deficiencyEmails(r.requestId)).toHaveLength(1);
  });

  it('finishes a review whose corrections leave nothing to fix as Compliant, telling the sub nothing', async () => {
    const r = await checkedRequest(unsureShortGl, 'needs_review');
    expect((await call<ReviewVerdict>(manager, `${r.path}/corrections`, 'POST', { pointer: occurrence, value: 1_000_000, reason: 'Broker confirmed' })).data.outcome).toBe('compliant');
    expect(await statusOf(r.requestId)).toBe('compliant');
    const finished = await call<FinishResult>(manager, `${r.path}/finish`, 'POST', {});
    expect(finished.data).toMatchObject({ status: 'compliant', subcontractor: 'not_needed' });
    expect(await deficiencyEmails(r.requestId)).toHaveLength(0);
    expect((await call(await stack.signIn(USER_PM), `${r.path}/finish`, 'POST', {})).status).toBe(403);
  });

  it('approves with an override: Waived, with the reason and end date in the timeline', async () => {
    const r = await checkedRequest();
    expect((await call(manager, `${r.path}/approve`, 'POST', { reason: 'Owner accepted', until: '2020-01-01' })).status).toBe(400);
    for (const until of ['2030-02-31', '9999-99-99', '2031-13-01']) {
      expect((await call(manager, `${r.path}/approve`, 'POST', { reason: 'Owner accepted', until })).status, until).toBe(400);
    }
    const res = await call<{ status: string }>(manager, `${r.path}/approve`, 'POST', { reason: 'Owner accepted the umbrella gap', until: '2099-03-31' });
    expect(res.status).toBe(200);
    expect((await db()('coi_requests').where({ id: r.requestId }).first('status')).status).toBe('waived');
    const change = (await events(r.requestId)).filter((e) => e.kind === 'status_changed').at(-1);
    expect(change).toMatchObject({ actor_label: 'Carla Nguyen', data: { from: 'awaiting_new_coi', to: 'waived' } });
    expect(change?.data.reason).toContain('2099-03-31');
    expect(change?.data.reason).toContain('Owner accepted the umbrella gap');
    expect((await events(r.requestId)).find((e) => e.kind === 'waived')?.data).toEqual({ reason: 'Owner accepted the umbrella gap', until: '2099-03-31' });
  });

  it('emails the sub a note with the deficiencies and the same upload link', async () => {
    const r = await checkedRequest();
    const message = 'Please have your broker renew the umbrella policy.';
    const res = await call<{ status: string }>(manager, `${r.path}/note`, 'POST', { message });
    expect(res.status).toBe(200);
    expect(res.data.status).toBe('awaiting_new_coi');
    const mail = await waitFor(() => stack.mail.messages().find((m) => m.to.includes(r.recipient) && m.text.includes(message)), 15_000, 'note email');
    expect(mail.cc).toEqual(['certs@broker.example']);
    expect(mail.text).toContain(`${stack.app.url}/portal/${r.token}`);
    expect(mail.text).toContain('expired');
    expect((await events(r.requestId)).find((e) => e.kind === 'note_sent')).toMatchObject({ actor_label: 'Carla Nguyen', data: { message } });
  });

  it('is for compliance managers only, and hides other companies behind 404', async () => {
    const r = await checkedRequest();
    const reader = await stack.signIn(USER_PM);
    const denied = await call(reader, r.path);
    expect(denied.status).toBe(403);
    expect(denied.error.message).toMatch(/^Your role \(read-only\) cannot review certificates\./);
    expect((await call(reader, `${r.path}/approve`, 'POST', { reason: 'Owner accepted', until: '2099-01-01' })).status).toBe(403);
    expect((await stack.api(reader, `${base}/documents/${r.documentId}/file`)).status).toBe(403);
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    expect((await call(outsider, r.path)).status).toBe(404);
    expect((await stack.api(outsider, `${base}/documents/${r.documentId}/file`)).status).toBe(404);
    expect((await call(manager, `${base}/requests/${randomUUID()}/review`)).status).toBe(404);
  });
});
