import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { COMPANY_A, USER_ADMIN, USER_COMPLIANCE, USER_PM } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { Extraction } from '../contracts/extraction';
import type { ApproveCompliantResult, CertificateReview, ReviewVerdict } from '../contracts/review';
import { evaluateRequest } from '../requirements/evaluate-request';
import { currentPolicies, sampleExtraction, storeReadUpload } from '../requirements/int-helpers';

// Approve as compliant once no deficiency remains, and a coverage line the reader missed added by
// hand, through the real stack. Company A's set asks for general liability of $1M each occurrence.

let stack: Stack;
let manager: string;
let admin: string;
let vendors: Directory['vendors'];
let next = 0;
const base = `/api/companies/${COMPANY_A}`;
const db = () => stack.database.db;

beforeAll(async () => {
  stack = await startStack();
  [manager, admin] = await Promise.all([stack.signIn(USER_COMPLIANCE), stack.signIn(USER_ADMIN)]);
  vendors = ((await (await stack.api(admin, `${base}/projects/2783001/vendors`)).json()) as { data: Directory }).data.vendors;
  const set = { name: 'Desk tests', lines: { general_liability: { minimums: { eachOccurrence: 1_000_000 } } }, descriptionMustNameProject: false };
  await db()('requirement_sets').insert({ company_id: COMPANY_A, project_id: null, body: JSON.stringify(set) });
});
afterAll(async () => stack?.close());

async function call<T>(token: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; data: T; error: { message: string } }> {
  const res = await stack.api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await res.json()) as { data: T; error: { message: string } };
  return { status: res.status, data: json.data, error: json.error };
}

/** A request under review whose certificate (made out to the vendor, policies current) was read and checked. */
async function checked(edit: (e: Extraction) => void, outcome: ReviewVerdict['outcome']) {
  const vendor = vendors[next++]!;
  const e = currentPolicies(sampleExtraction());
  e.insured = { ...e.insured, name: vendor.name };
  edit(e);
  const [row] = (await db()('coi_requests')
    .insert({ company_id: COMPANY_A, vendor_id: vendor.vendorId, project_id: '2783001', origin: 'click', status: 'under_review', recipient_email: `v${next}@vendor.example` })
    .returning('id')) as { id: string }[];
  await storeReadUpload(db(), { companyId: String(COMPANY_A), requestId: row!.id }, [e]);
  expect((await evaluateRequest(stack.app.services, row!.id))?.outcome).toBe(outcome);
  return { requestId: row!.id, path: `${base}/requests/${row!.id}/review` };
}

const statusOf = async (id: string) => ((await db()('coi_requests').where({ id }).first('status')) as { status: string }).status;

const noUmbrella = (e: Extraction) => (e.policies = e.policies.filter((p) => p.line !== 'umbrella_liability'));

describe('approve as compliant', () => {
  it('is refused while a deficiency remains, changing nothing', async () => {
    const r = await checked((e) => {
      noUmbrella(e);
      e.policies[0]!.limits.eachOccurrence = 500_000;
    }, 'deficient');
    const statusBefore = await statusOf(r.requestId);
    const refused = await call(manager, `${r.path}/approve-compliant`, 'POST', {});
    expect(refused.status).toBe(409);
    expect(refused.error.message).toMatch(/a deficiency remains: .*each occurrence/i);
    expect(await statusOf(r.requestId)).toBe(statusBefore);
    expect(await db()('request_events').where({ request_id: r.requestId, kind: 'approved_compliant' })).toHaveLength(0);
  });

  it('marks a certificate with only doubts left Compliant in one click, audited, naming what was set aside, telling the sub nothing', async () => {
    const r = await checked((e) => {
      noUmbrella(e);
      e.policies[0]!.limits.eachOccurrence = 500_000;
      e.fields = { '/policies/0/limits/eachOccurrence': { page: 1, box: [400, 600, 520, 610], confidence: 0.4 } };
    }, 'needs_review');
    expect((await call(manager, `${r.path}/finish`, 'POST', {})).status).toBe(409);
    expect((await call(await stack.signIn(USER_PM), `${r.path}/approve-compliant`, 'POST', {})).status).toBe(403);
    expect((await call(manager, `${r.path}/approve-compliant`, 'POST', { force: true })).status).toBe(400);

    const emailsBefore = await db()('emails').where({ request_id: r.requestId }).count<{ count: string }[]>('* as count');
    const ok = await call<ApproveCompliantResult>(manager, `${r.path}/approve-compliant`, 'POST', {});
    expect(ok.status).toBe(200);
    expect(ok.data.status).toBe('compliant');
    expect(ok.data.setAside.join(' ')).toMatch(/unsure/i);
    expect(await statusOf(r.requestId)).toBe('compliant');
    const event = await db()('request_events').where({ request_id: r.requestId, kind: 'approved_compliant' }).first();
    expect(event).toMatchObject({ actor_label: 'Carla Nguyen', data: { setAside: ok.data.setAside } });
    const change = await db()('request_events').where({ request_id: r.requestId, kind: 'status_changed' }).orderBy('id', 'desc').first();
    expect(change.data).toMatchObject({ from: 'under_review', to: 'compliant', reason: 'Approved as compliant by Carla Nguyen after review' });
    expect(await db()('emails').where({ request_id: r.requestId }).count<{ count: string }[]>('* as count')).toEqual(emailsBefore);
    expect((await call(manager, `${r.path}/approve-compliant`, 'POST', {})).status).toBe(409);
  });
});

describe('a coverage line added by hand', () => {
  it('appends the line with its values marked as checked, audits it with the reason and re-checks at once', async () => {
    const r = await checked((e) => (e.policies = e.policies.filter((p) => p.line !== 'general_liability')), 'deficient');
    const before = (await call<CertificateReview>(manager, r.path)).data;
    expect(before.verdict?.deficiencies.map((d) => d.code)).toContain('line_missing');
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const line = {
      line: 'general_liability', insurerName: 'Hartwell Casualty Co', naic: '12345', policyNumber: 'GL-778', effectiveDate: day(-10), expirationDate: day(355),
      limits: { eachOccurrence: 1_000_000, generalAggregate: 2_000_000 }, basis: 'occurrence', reason: 'Row printed faintly; read from page 1 by eye',
    };
    const wrong = await call(manager, `${r.path}/lines`, 'POST', { ...line, expirationDate: day(-20) });
    expect(wrong.status).toBe(400);
    expect((await call(manager, `${r.path}/lines`, 'POST', { ...line, reason: '' })).status).toBe(400);
    expect((await call(await stack.signIn(USER_PM), `${r.path}/lines`, 'POST', line)).status).toBe(403);

    const added = await call<ReviewVerdict>(manager, `${r.path}/lines`, 'POST', line);
    expect(added.status).toBe(200);
    expect(added.data.deficiencies.map((d) => d.code)).not.toContain('line_missing');
    const after = (await call<CertificateReview>(manager, r.path)).data;
    const index = sampleExtraction().policies.filter((p) => p.line !== 'general_liability').length;
    expect(after.values.map((v) => v.pointer)).toContain(`/policies/${index}/limits/eachOccurrence`);
    expect(after.values.find((v) => v.pointer === `/policies/${index}/limits/eachOccurrence`)).toMatchObject({ raw: 1_000_000, confidence: 1, value: '$1,000,000' });
    expect(after.corrections).toContainEqual(expect.objectContaining({ pointer: `/policies/${index}`, label: 'General liability (line added by hand)', reason: line.reason, by: 'Carla Nguyen' }));
    const doc = await db()('documents').where({ request_id: r.requestId }).first('extraction');
    const policy = (doc.extraction as Extraction).policies[index]!;
    expect(policy).toMatchObject({ line: 'general_liability', policyNumber: 'GL-778', basis: 'occurrence' });
    expect((doc.extraction as Extraction).insurers.find((i) => i.letter === policy.insurerLetter)).toMatchObject({ name: 'Hartwell Casualty Co', naic: '12345' });
    const audit = await db()('request_events').where({ request_id: r.requestId, kind: 'extraction_corrected' }).first();
    expect(audit.data).toMatchObject({ pointer: `/policies/${index}`, reason: line.reason });
  });
});
