import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { COMPANY_A, USER_ADMIN, USER_COMPLIANCE, USER_PM, templateId } from '../../scripts/procore-emulator/seed-people';
import type { Insurance } from '../../scripts/procore-emulator/types';
import type { Directory } from '../contracts/directory';
import type { CreateRequestsResult, ProcoreGrantState, RequestDetail } from '../contracts/requests';
import { currentPolicies, sampleExtraction, storeReadUpload } from '../requirements/int-helpers';
import { evaluateRequest } from '../requirements/evaluate-request';
import { moveRequest } from '../requests/lifecycle';
import { systemActor } from '../requests/timeline';
import { writeBackRequest } from './writeback';

// Write-back against the emulator's REST state (not the app's database): what Procore shows.

let stack: Stack;
let admin: string;
let pm: string;
let manager: string;
let vendors: Directory['vendors'];
const projectId = 2783001;
const base = `/api/companies/${COMPANY_A}`;

beforeAll(async () => {
  stack = await startStack();
  [admin, pm, manager] = await Promise.all([stack.signIn(USER_ADMIN), stack.signIn(USER_PM), stack.signIn(USER_COMPLIANCE)]);
  vendors = ((await (await stack.api(pm, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data.vendors.filter((v) => v.emailValid);
  // Project managers request COIs here: their Procore template is mapped to inviter.
  await stack.api(manager, `/api/session?companyId=${COMPANY_A}`);
  const mapped = await stack.api(manager, `${base}/roles/templates/${templateId(COMPANY_A, 1)}`, { method: 'PUT', body: JSON.stringify({ role: 'inviter' }) });
  expect(mapped.status).toBe(200);
});
afterAll(async () => stack?.close());

const s = () => stack.app.services;
const records = (vendorId: string): Insurance[] =>
  [...stack.emulator.state.insurances.values()].filter((i) => i.project_id === projectId && String(i.vendor_id) === vendorId).sort((a, b) => a.id - b.id);
const intent = (requestId: string) => stack.database.db('procore_writebacks').where({ request_id: requestId }).first();
const written = async (requestId: string) => {
  const i = await intent(requestId);
  return i && i.done >= i.wanted ? i : null;
};

async function requestCoi(vendorId: string): Promise<string> {
  const res = await stack.api(pm, `${base}/projects/${projectId}/requests`, { method: 'POST', body: JSON.stringify({ vendorIds: [vendorId] }) });
  const { data } = (await res.json()) as { data: CreateRequestsResult };
  return data.created[0]!.id;
}

const detail = async (token: string, requestId: string) => ((await (await stack.api(token, `${base}/requests/${requestId}`)).json()) as { data: RequestDetail }).data;

describe('write-back before a grant is connected', () => {
  it('waits, writes nothing, and tells managers to reconnect', async () => {
    const vendor = vendors[0]!;
    const requestId = await requestCoi(vendor.vendorId);
    await waitFor(async () => (await intent(requestId))?.waiting_for_grant, 20_000, 'the write to wait for a grant');
    expect(records(vendor.vendorId)).toHaveLength(0);
    expect((await detail(manager, requestId)).procore).toMatchObject({ state: 'reconnect', message: expect.stringContaining('Procore not updated: reconnect') });
    expect((await detail(pm, requestId)).procore).toBeUndefined();
  });

  it('only a company admin connects the service account', async () => {
    const refused = await stack.api(pm, `${base}/settings/procore-grant`, { method: 'PUT', body: JSON.stringify({ kind: 'dmsa' }) });
    expect(refused.status).toBe(403);
    const bad = await stack.api(admin, `${base}/settings/procore-grant`, { method: 'PUT', body: JSON.stringify({ kind: 'user' }) });
    expect(bad.status).toBe(400);
    expect(await stack.database.db('company_grants')).toHaveLength(0);
  });

  it('connecting it writes what waited, and Settings shows the grant and when it last worked', async () => {
    const res = await stack.api(admin, `${base}/settings/procore-grant`, { method: 'PUT', body: JSON.stringify({ kind: 'dmsa' }) });
    expect(res.status).toBe(200);
    const vendor = vendors[0]!;
    const [record] = await waitFor(() => (records(vendor.vendorId).length ? records(vendor.vendorId) : null), 20_000, 'the waiting record');
    expect(record).toMatchObject({ insurance_type: 'Certificate of insurance', status: 'non_compliant_in_progress', exempt: false });
    expect(record!.notes).toMatch(/^COI Compliance: Pending/);
    const state = ((await (await stack.api(pm, `${base}/settings/procore-grant`)).json()) as { data: ProcoreGrantState }).data;
    expect(state.grant).toMatchObject({ kind: 'dmsa', connectedBy: 'Alice Morgan', lastError: null });
    expect(state.grant!.lastOkAt).not.toBeNull();
    expect(state.waitingWrites).toBe(0);
  });
});

describe('write-back with the service grant', () => {
  it('a request shows in Procore at once, then the verdict, policy numbers and dates, one record per line', async () => {
    const vendor = vendors[1]!;
    const requestId = await requestCoi(vendor.vendorId);
    await waitFor(() => written(requestId), 20_000, 'the pending record');
    expect(records(vendor.vendorId).map((r) => r.status)).toEqual(['non_compliant_in_progress']);
    // The certificate names this vendor as its insured (so the insured check passes).
    const extraction = currentPolicies(sampleExtraction({ insured: { ...sampleExtraction().insured, name: vendor.name } }));
    await storeReadUpload(s().db, { companyId: String(COMPANY_A), requestId }, [extraction]);
    await s().db.transaction((trx) => moveRequest(trx, { companyId: String(COMPANY_A), requestId, transition: 'receive', actor: systemActor('Test'), reason: 'Certificate received' }));
    expect((await evaluateRequest(s(), requestId))?.outcome).toBe('compliant');
    await waitFor(async () => (await written(requestId)) && records(vendor.vendorId).every((r) => r.status === 'compliant') && records(vendor.vendorId), 20_000, 'compliant records');
    const lines = records(vendor.vendorId);
    const lineCount = new Set(extraction.policies.map((p) => p.line)).size;
    expect(lines).toHaveLength(lineCount);
    expect(lines.some((r) => r.insurance_type === 'Certificate of insurance')).toBe(false);
    const gl = extraction.policies.find((p) => p.line === 'general_liability')!;
    const glRecord = lines.find((r) => r.insurance_type === 'General Liability')!;
    expect(glRecord).toMatchObject({ policy_number: gl.policyNumber, effective_date: gl.effectiveDate, expiration_date: gl.expirationDate, status: 'compliant', exempt: false });
    expect(glRecord.insurance_provider).toBe(extraction.insurers.find((i) => i.letter === gl.insurerLetter)!.name);
    expect(glRecord.limit).toBe(`${gl.limits.eachOccurrence}.0`);
    expect(glRecord.notes).toBe('COI Compliance: Compliant, Certificate meets the requirements');

    // Written again with nothing changed: the same records, none added.
    await s().db('procore_writebacks').where({ request_id: requestId }).increment('wanted', 1);
    await writeBackRequest(s(), String(COMPANY_A), requestId);
    expect(records(vendor.vendorId).map((r) => r.id)).toEqual(lines.map((r) => r.id));
  });

  it('archive leaves the records with an Archived note; records the app did not create are untouched', async () => {
    const vendor = vendors[2]!;
    const theirs = await stack.emulator.state.insurances;
    const requestId = await requestCoi(vendor.vendorId);
    await waitFor(() => written(requestId), 20_000, 'the pending record');
    const foreign: Insurance = { ...records(vendor.vendorId)[0]!, id: 990001, insurance_type: 'Builders Risk', notes: 'entered by hand', status: 'compliant' };
    theirs.set(foreign.id, foreign);
    const archived = await stack.api(pm, `${base}/requests/${requestId}/archive`, { method: 'POST' });
    expect(archived.status).toBe(200);
    await waitFor(() => written(requestId), 20_000, 'the archive note');
    const ours = records(vendor.vendorId).filter((r) => r.id !== foreign.id);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.notes).toBe('COI Compliance: Archived, Archived');
    expect(ours[0]!.status).toBe('non_compliant_in_progress');
    expect(theirs.get(foreign.id)).toEqual(foreign);
  });

  it('delete removes what the app created', async () => {
    const vendor = vendors[3]!;
    const requestId = await requestCoi(vendor.vendorId);
    await waitFor(() => written(requestId), 20_000, 'the pending record');
    expect(records(vendor.vendorId)).toHaveLength(1);
    await stack.api(manager, `${base}/requests/${requestId}`, { method: 'DELETE', body: JSON.stringify({ reason: 'sent to the wrong vendor' }) });
    await waitFor(() => written(requestId), 20_000, 'the deletion');
    expect(records(vendor.vendorId)).toHaveLength(0);
    expect(await stack.database.db('procore_records').where({ request_id: requestId })).toHaveLength(0);
  });

  it('rides out 429s and 503s with the wait Procore gives, writing one record', async () => {
    const vendor = vendors[4]!;
    stack.emulator.faults.add({ path_prefix: `/rest/v1.0/projects/${projectId}/vendors/${vendor.vendorId}/insurances`, status: 429, count: 2, retry_after: 1 });
    stack.emulator.faults.add({ path_prefix: `/rest/v1.0/projects/${projectId}/vendors/${vendor.vendorId}/insurances`, status: 503, count: 1, retry_after: 1 });
    const requestId = await requestCoi(vendor.vendorId);
    await waitFor(() => written(requestId), 30_000, 'the record after the faults');
    expect(records(vendor.vendorId)).toHaveLength(1);
  });

  it('a record deleted by hand in Procore is written again', async () => {
    const vendor = vendors[5]!;
    const requestId = await requestCoi(vendor.vendorId);
    await waitFor(() => written(requestId), 20_000, 'the pending record');
    stack.emulator.state.insurances.delete(records(vendor.vendorId)[0]!.id);
    await s().db('procore_writebacks').where({ request_id: requestId }).increment('wanted', 1);
    await writeBackRequest(s(), String(COMPANY_A), requestId);
    expect(records(vendor.vendorId)).toHaveLength(1);
  });

  it('two workers on the same change write its records once', async () => {
    const vendor = vendors[vendors.length - 1]!;
    const requestId = await requestCoi(vendor.vendorId);
    await waitFor(() => written(requestId), 20_000, 'the pending record');
    await s().db('procore_records').where({ request_id: requestId }).delete();
    stack.emulator.state.insurances.delete(records(vendor.vendorId)[0]!.id);
    await s().db('procore_writebacks').where({ request_id: requestId }).increment('wanted', 1);
    const results = await Promise.all([writeBackRequest(s(), String(COMPANY_A), requestId), writeBackRequest(s(), String(COMPANY_A), requestId)]);
    expect(results.map((r) => r.written).sort()).toEqual([0, 1]);
    expect(records(vendor.vendorId)).toHaveLength(1);
  });

  it('a grant Procore stops accepting holds the write, tells managers, and the write goes once it is reconnected', async () => {
    const vendor = vendors[vendors.length - 2]!;
    const path = `/rest/v1.0/projects/${projectId}/vendors/${vendor.vendorId}/insurances`;
    stack.emulator.faults.add({ path_prefix: path, status: 401, count: 2, retry_after: null });
    const requestId = await requestCoi(vendor.vendorId);
    await waitFor(async () => (await intent(requestId))?.waiting_for_grant, 20_000, 'the write waiting for a grant');
    const state = ((await (await stack.api(manager, `${base}/settings/procore-grant`)).json()) as { data: ProcoreGrantState }).data;
    expect(state.waitingWrites).toBeGreaterThanOrEqual(1);
    expect(state.grant?.lastError).toMatch(/expired or was revoked/);
    expect(records(vendor.vendorId)).toHaveLength(0);
    expect((await stack.api(admin, `${base}/settings/procore-grant`, { method: 'PUT', body: JSON.stringify({ kind: 'dmsa' }) })).status).toBe(200);
    await waitFor(() => written(requestId), 20_000, 'the write after reconnecting');
    expect(records(vendor.vendorId)).toHaveLength(1);
  });

  it("a commitment's request sets the commitment's insurance status and notes", async () => {
    const commitment = [...stack.emulator.state.commitments.values()].find(
      (c) => c.project_id === projectId && c.status !== 'Void' && c.deleted_at === null && vendors.slice(6).some((v) => v.vendorId === String(c.vendor_id)),
    )!;
    await stack.api(pm, `${base}/projects/${projectId}/commitments`);
    const res = await stack.api(pm, `${base}/projects/${projectId}/commitments/${commitment.id}/request`, { method: 'POST', body: '{}' });
    const { data } = (await res.json()) as { data: CreateRequestsResult };
    const requestId = data.created[0]!.id;
    await waitFor(() => written(requestId), 20_000, 'the commitment write');
    expect(commitment.compliance).toMatchObject({ insurance_status: 'not_compliant', insurance_notes: expect.stringMatching(/^COI Compliance: Pending/) });
  });
});
