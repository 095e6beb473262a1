import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { openPdf } from '../certificates/pdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { COMPANY_A, USER_ADMIN, USER_SECOND_COMPANY } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { Overview, PayHolds, RegisterPage, ReviewQueue, VendorHistory } from '../contracts/desk';
import { currentPolicies, sampleExtraction, storeReadUpload } from '../requirements/int-helpers';

// The overview's cards over a real database: statuses per vendor and project (a project's own
// request before a global one, an open one before an archived one), certificates expiring,
// the review queue and subs not responding; and tenancy.

let stack: Stack;
let admin: string;
let vendors: Directory['vendors'];
const projectId = '2783001';
const base = `/api/companies/${COMPANY_A}`;
const db = () => stack.database.db;

async function get<T>(token: string, path: string): Promise<{ status: number; data: T }> {
  const res = await stack.api(token, path);
  return { status: res.status, data: ((await res.json()) as { data: T }).data };
}

async function request(vendorIndex: number, fields: Record<string, unknown>): Promise<string> {
  const [row] = (await db()('coi_requests')
    .insert({ company_id: COMPANY_A, vendor_id: vendors[vendorIndex]!.vendorId, project_id: projectId, origin: 'click', status: 'pending', recipient_email: `v${vendorIndex}-${randomUUID()}@vendor.example`, ...fields })
    .returning('id')) as { id: string }[];
  return row!.id;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.signIn(USER_ADMIN);
  vendors = (await get<Directory>(admin, `${base}/projects/${projectId}/vendors`)).data.vendors;
  await request(0, { reminders_sent: 3, created_at: new Date(Date.now() - 20 * 86_400_000) });
  await request(1, { reminders_sent: 1 });
  const reviewed = await request(2, { status: 'under_review', first_upload_at: new Date() });
  await storeReadUpload(db(), { companyId: String(COMPANY_A), requestId: reviewed }, [currentPolicies(sampleExtraction())]);
  const soon = currentPolicies(sampleExtraction());
  soon.policies[0]!.expirationDate = day(20);
  const global = await request(3, { project_id: null, origin: 'global', status: 'compliant', first_upload_at: new Date() });
  await storeReadUpload(db(), { companyId: String(COMPANY_A), requestId: global }, [soon]);
  await request(4, { status: 'archived' });
  await request(4, { project_id: null, origin: 'global', status: 'awaiting_new_coi' });
  await request(5, { status: 'cancelled' });
  // A write to Procore that keeps failing; its lease keeps the write-back worker away from it here.
  const failing = await request(6, { status: 'awaiting_new_coi' });
  await db()('procore_writebacks').insert({ request_id: failing, company_id: COMPANY_A, wanted: 2, done: 1, failures: 3, last_error: 'Procore answered 500', claimed_until: new Date(Date.now() + 3_600_000) });
});
afterAll(async () => stack?.close());

const countOf = (o: Overview, status: string) => o.statusCounts.find((c) => c.status === status)?.count ?? 0;

describe('overview', () => {
  it('counts each vendor of the project once, by the status the directory shows', async () => {
    const { status, data } = await get<Overview>(admin, `${base}/projects/${projectId}/overview`);
    expect(status).toBe(200);
    expect(data.project).toEqual({ id: projectId, name: 'Riverside Medical Center' });
    expect(countOf(data, 'pending')).toBe(2);
    expect(countOf(data, 'under_review')).toBe(1);
    expect(countOf(data, 'compliant')).toBe(1);
    expect(countOf(data, 'awaiting_new_coi')).toBe(2);
    expect(countOf(data, 'archived')).toBe(0);
    expect(countOf(data, 'not_requested')).toBe(vendors.length - 6);
    expect(data.statusCounts.reduce((n, c) => n + c.count, 0)).toBe(vendors.length);
    // The directory agrees row by row.
    const directory = (await get<Directory>(admin, `${base}/projects/${projectId}/vendors`)).data.vendors;
    for (const c of data.statusCounts) expect(directory.filter((v) => v.status === c.status)).toHaveLength(c.count);
    expect(data.byProject).toEqual([{ projectId, projectName: 'Riverside Medical Center', counts: expect.arrayContaining(data.statusCounts) }]);
  });

  it('lists certificates expiring, the review queue and subs silent past the third reminder', async () => {
    const { data } = await get<Overview>(admin, `${base}/overview`);
    expect(data.project).toBeNull();
    expect(data.expiring).toEqual({ within30: 1, within60: 1, within90: 1 });
    expect(data.reviewQueue.count).toBe(1);
    expect(data.reviewQueue.oldest[0]).toMatchObject({ vendorId: vendors[2]!.vendorId, vendorName: vendors[2]!.name, projectName: 'Riverside Medical Center' });
    expect(data.notResponding.count).toBe(1);
    expect(data.notResponding.oldest[0]).toMatchObject({ vendorId: vendors[0]!.vendorId, remindersSent: 3 });
    expect(data.writeBackProblems.count).toBe(1);
    expect(data.writeBackProblems.oldest[0]).toMatchObject({ vendorId: vendors[6]!.vendorId, note: 'Procore answered 500' });
    const queue = await get<ReviewQueue>(admin, `${base}/review-queue`);
    expect(queue.data.items.map((i) => i.requestId)).toEqual(data.reviewQueue.oldest.map((i) => i.requestId));
  });

  it("answers another company's user with 404 and an unknown project with 404", async () => {
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    expect((await get(outsider, `${base}/overview`)).status).toBe(404);
    expect((await get(admin, `${base}/projects/999999999/overview`)).status).toBe(404);
  });
});

describe('register', () => {
  it('lists every vendor × project with status, reason, policies and end date, filtered as the overview counts', async () => {
    const all = await get<RegisterPage>(admin, `${base}/register?limit=1000`);
    expect(all.status).toBe(200);
    expect(all.data.total).toBe(vendors.length);
    const overviewData = (await get<Overview>(admin, `${base}/overview`)).data;
    for (const c of overviewData.statusCounts) {
      const page = await get<RegisterPage>(admin, `${base}/register?status=${c.status}`);
      expect(page.data.total).toBe(c.count);
      expect(page.data.rows.every((r) => r.status === c.status)).toBe(true);
    }
    const expiringRows = (await get<RegisterPage>(admin, `${base}/register?expiresWithin=30`)).data;
    expect(expiringRows.rows).toHaveLength(1);
    expect(expiringRows.rows[0]).toMatchObject({ vendorId: vendors[3]!.vendorId, status: 'compliant', requestScope: 'global', endsOn: day(20), reason: 'Meets the requirements' });
    expect(expiringRows.rows[0]!.policies[0]).toMatchObject({ line: 'general_liability', expires: day(20) });
    expect((await get<RegisterPage>(admin, `${base}/register?queue=review`)).data.rows.map((r) => r.vendorId)).toEqual([vendors[2]!.vendorId]);
    const silent = (await get<RegisterPage>(admin, `${base}/register?queue=not_responding`)).data.rows;
    expect(silent.map((r) => r.vendorId)).toEqual([vendors[0]!.vendorId]);
    expect(silent[0]!.reason).toBe('Waiting for the certificate (3 reminders sent)');

    expect((await get<RegisterPage>(admin, `${base}/register?queue=write_back`)).data.rows.map((r) => r.vendorId)).toEqual([vendors[6]!.vendorId]);
    const name = vendors[7]!.name;
    const search = (await get<RegisterPage>(admin, `${base}/register?q=${encodeURIComponent(name)}`)).data;
    expect(search.rows.map((r) => r.vendorName)).toContain(name);
    const sorted = (await get<RegisterPage>(admin, `${base}/register?sort=vendor&direction=desc&limit=5`)).data.rows.map((r) => r.vendorName.toLowerCase());
    expect(sorted).toEqual([...sorted].sort().reverse());
    expect((await get(admin, `${base}/register?status=lost`)).status).toBe(400);
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    expect((await get(outsider, `${base}/register`)).status).toBe(404);
  });

  it('streams the filtered register as CSV, one line per row after the header', async () => {
    const res = await stack.api(admin, `${base}/projects/${projectId}/register.csv?status=pending`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="coi-register-\d+-project-2783001-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Vendor,Trade,Project,Status,Reason,Certificate ends,Policies,Last activity');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.includes(',Riverside Medical Center,Pending,'))).toBe(true);
    const bad = await stack.api(admin, `${base}/register.csv?sort=colour`);
    expect(bad.status).toBe(400);
  });

  it('streams the same rows as an Excel workbook that reads back', async () => {
    const res = await stack.api(admin, `${base}/register.xlsx?status=pending`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Register')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Vendor', 'Trade', 'Project', 'Status', 'Reason', 'Certificate ends', 'Policies', 'Last activity']);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(4).value).toBe('Pending');
  });
});

describe('pay-app holds', () => {
  it("lists the project's live commitments whose vendor is not compliant today, with why and since when, and exports them", async () => {
    const commitment = (id: number, vendorIndex: number, status = 'Approved') => ({
      company_id: COMPANY_A, id, project_id: projectId, vendor_id: vendors[vendorIndex]!.vendorId, kind: 'work_order', number: `SC-${id}`, title: `Work ${id}`,
      status, grand_total: 125000, procore_created_at: new Date('2026-10-01T00:00:00Z'), synced_at: new Date(),
    });
    await db()('commitments').insert([commitment(9_000_001, 0), commitment(9_000_002, 3), commitment(9_000_003, 5), commitment(9_000_004, 0, 'Void')]);
    const { status, data } = await get<PayHolds>(admin, `${base}/projects/${projectId}/pay-app-holds`);
    expect(status).toBe(200);
    const ours = data.holds.filter((h) => Number(h.commitmentId) >= 9_000_000);
    expect(ours.map((h) => h.number).sort()).toEqual(['SC-9000001', 'SC-9000003']);
    expect(ours.find((h) => h.number === 'SC-9000001')).toMatchObject({ vendorName: vendors[0]!.name, status: 'pending', reason: 'Requested; no certificate received yet', grandTotal: 125000 });
    expect(ours.find((h) => h.number === 'SC-9000003')).toMatchObject({ status: 'not_requested', reason: 'No certificate has been requested', since: '2026-10-01T00:00:00.000Z' });
    const csv = await stack.api(admin, `${base}/projects/${projectId}/pay-app-holds.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('SC-9000001,Work 9000001,');
    expect(text).not.toContain('SC-9000002');
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    expect((await get(outsider, `${base}/projects/${projectId}/pay-app-holds`)).status).toBe(404);
  });
});

describe('vendor history', () => {
  it('lists every event of the vendor across projects, newest first, naming the person or what acted automatically', async () => {
    const vendorId = vendors[0]!.vendorId;
    const projectRequest = (await db()('coi_requests').where({ company_id: COMPANY_A, vendor_id: vendorId }).first('id')).id as string;
    const globalRequest = await request(0, { project_id: null, origin: 'global', status: 'compliant' });
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await db()('request_events').insert([
      { company_id: COMPANY_A, request_id: projectRequest, kind: 'requested', actor_label: 'Automatic (commitment created in Procore)', data: JSON.stringify({ how: 'requested automatically when the commitment was created in Procore', commitmentId: '9000001' }), at: at(30) },
      { company_id: COMPANY_A, request_id: projectRequest, kind: 'reminder_queued', actor_label: 'Reminder schedule', data: JSON.stringify({ number: 3 }), at: at(20) },
      { company_id: COMPANY_A, request_id: globalRequest, kind: 'waived', actor_user_id: USER_ADMIN, actor_label: 'Alice Morgan', data: JSON.stringify({ reason: 'Owner accepted', until: '2027-01-31' }), at: at(10) },
    ]);
    const { status, data } = await get<VendorHistory>(admin, `${base}/vendors/${vendorId}/history`);
    expect(status).toBe(200);
    expect(data.vendor).toEqual({ id: vendorId, name: vendors[0]!.name });
    expect(data.entries.map((e) => [e.kind, e.actor, e.projectName])).toEqual([
      ['waived', 'Alice Morgan', null],
      ['reminder_queued', 'automatic (reminder schedule)', 'Riverside Medical Center'],
      ['requested', 'automatic (commitment SC-9000001)', 'Riverside Medical Center'],
    ]);
    expect(data.entries[0]!.summary).toBe('Approved with an override until 2027-01-31: Owner accepted');
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    expect((await get(outsider, `${base}/vendors/${vendorId}/history`)).status).toBe(404);
    expect((await get(admin, `${base}/vendors/1/history`)).status).toBe(404);
  });
});

describe('project report', () => {
  it('is a real PDF naming the project, each vendor with its status, and the open deficiencies', async () => {
    const failing = (await db()('coi_requests').where({ company_id: COMPANY_A, vendor_id: vendors[6]!.vendorId }).first('id')).id as string;
    const [doc] = await storeReadUpload(db(), { companyId: String(COMPANY_A), requestId: failing }, [currentPolicies(sampleExtraction())]);
    const verdict = { outcome: 'deficient', deficiencies: [{ code: 'limit_below_minimum', line: 'general_liability', field: null, required: 1, found: 0, message: 'General liability each occurrence is $500,000; at least $1,000,000 is required.' }], reviewReasons: [] };
    await db()('verdicts').insert({ company_id: COMPANY_A, request_id: failing, document_id: doc, outcome: 'deficient', fingerprint: 'report-test', body: JSON.stringify(verdict) });
    const res = await stack.api(admin, `${base}/projects/${projectId}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await openPdf(new Uint8Array(await res.arrayBuffer()));
    let text = '';
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      text += `${content.items.map((i) => ('str' in i ? i.str : '')).join(' ')}\n`;
    }
    expect(text).toContain('Certificates of insurance: Riverside Medical Center');
    expect(text).toContain(vendors[2]!.name);
    expect(text).toContain('Open deficiencies');
    expect(text).toContain('General liability each occurrence is $500,000; at least $1,000,000 is required.');
    expect((await stack.api(admin, `${base}/projects/999999999/report.pdf`)).status).toBe(404);
  });
});

describe('company directory', () => {
  it("shows each vendor's open project requests by status, leaving out archived and cancelled ones", async () => {
    const rows = (await get<Directory>(admin, `${base}/vendors`)).data.vendors;
    const of = (i: number) => rows.find((r) => r.vendorId === vendors[i]!.vendorId)!;
    expect(of(0).projectStatuses).toEqual([{ status: 'pending', count: 1 }]);
    expect(of(2).projectStatuses).toEqual([{ status: 'under_review', count: 1 }]);
    expect(of(3).projectStatuses).toEqual([]); // global only
    expect(of(4).projectStatuses).toEqual([]); // its project request is archived
    expect(of(5).projectStatuses).toEqual([]); // cancelled
  });
});

describe('review hand-off from the side panel', () => {
  it('gives the full-screen app the review once, and forgets one older than two minutes', async () => {
    const under = (await db()('coi_requests').where({ company_id: COMPANY_A, status: 'under_review' }).first('id')) as { id: string };
    const post = (path: string) => stack.api(admin, path, { method: 'POST', body: '{}' });
    expect((await post(`${base}/requests/${under.id}/review/hand-off`)).status).toBe(200);
    const take = async () => ((await (await post(`${base}/review-hand-off/take`)).json()) as { data: { requestId: string | null } }).data.requestId;
    expect(await take()).toBe(under.id);
    expect(await take()).toBeNull();
    await post(`${base}/requests/${under.id}/review/hand-off`);
    await db()('review_handoffs').update({ created_at: new Date(Date.now() - 3 * 60_000) });
    expect(await take()).toBeNull();
  });
});
