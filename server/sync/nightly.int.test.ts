import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { COMPANY_A, USER_ADMIN, USER_PM, templateId } from '../../scripts/procore-emulator/seed-people';
import type { Insurance } from '../../scripts/procore-emulator/types';
import type { Directory } from '../contracts/directory';
import type { CreateRequestsResult } from '../contracts/requests';
import { currentPolicies, sampleExtraction, storeReadUpload } from '../requirements/int-helpers';
import { evaluateRequest } from '../requirements/evaluate-request';
import { moveRequest } from '../requests/lifecycle';
import { systemActor } from '../requests/timeline';
import { nightlySync } from './nightly';
import { defaultRequirements, highHazardTrades } from '../compliance/default-requirements';
import { saveRequirementSet } from '../requirements/repository';
import { saveSettings } from '../requests/settings';

// The nightly sync against the emulator: a passing day expires a certificate (and Procore says
// so), a record changed by hand is put right, a second run changes nothing, a stopped run resumes.

let stack: Stack;
let pm: string;
let vendors: Directory['vendors'];
const projectId = 2783001;
const companyId = String(COMPANY_A);
const base = `/api/companies/${COMPANY_A}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startStack();
  const admin = await stack.signIn(USER_ADMIN);
  pm = await stack.signIn(USER_PM);
  expect((await stack.api(admin, `${base}/settings/procore-grant`, { method: 'PUT', body: JSON.stringify({ kind: 'dmsa' }) })).status).toBe(200);
  // Project managers request COIs here: their Procore template is mapped to inviter.
  expect((await stack.api(admin, `${base}/roles/templates/${templateId(COMPANY_A, 1)}`, { method: 'PUT', body: JSON.stringify({ role: 'inviter' }) })).status).toBe(200);
  // Vendors in the standard tier (no high-hazard trade, no large commitment), which the sample certificate meets.
  const committed = new Set([...stack.emulator.state.commitments.values()].map((c) => String(c.vendor_id)));
  const standard = (v: Directory['vendors'][number]) => !committed.has(v.vendorId) && !highHazardTrades.some((t) => (v.trade ?? '').includes(t));
  vendors = ((await (await stack.api(pm, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data.vendors.filter((v) => v.emailValid && standard(v));
});
afterAll(async () => stack?.close());

const s = () => stack.app.services;
const records = (vendorId: string): Insurance[] => [...stack.emulator.state.insurances.values()].filter((i) => i.project_id === projectId && String(i.vendor_id) === vendorId);
const written = async (requestId: string) => {
  const i = await stack.database.db('procore_writebacks').where({ request_id: requestId }).first();
  return i && i.done >= i.wanted ? i : null;
};
const statusOf = async (requestId: string) => ((await stack.database.db('coi_requests').where({ id: requestId }).first('status')) as { status: string }).status;

/** A Compliant request whose certificate's policies end `expiresIn` days from now, written to Procore. */
async function compliantRequest(vendor: Directory['vendors'][number], expiresIn: number): Promise<string> {
  const res = await stack.api(pm, `${base}/projects/${projectId}/requests`, { method: 'POST', body: JSON.stringify({ vendorIds: [vendor.vendorId] }) });
  const requestId = ((await res.json()) as { data: CreateRequestsResult }).data.created[0]!.id;
  const sample = sampleExtraction({ insured: { ...sampleExtraction().insured, name: vendor.name } });
  const extraction = currentPolicies(sample);
  extraction.policies = extraction.policies.map((p) => ({ ...p, expirationDate: day(expiresIn) }));
  await storeReadUpload(s().db, { companyId, requestId }, [extraction]);
  await s().db.transaction((trx) => moveRequest(trx, { companyId, requestId, transition: 'receive', actor: systemActor('Test'), reason: 'Certificate received' }));
  const verdict = await evaluateRequest(s(), requestId);
  expect(verdict?.deficiencies.map((d) => d.message)).toEqual([]);
  await waitFor(async () => (await written(requestId)) && records(vendor.vendorId).every((r) => r.status === 'compliant'), 20_000, 'compliant records');
  return requestId;
}

describe('nightly sync', () => {
  it('expires a certificate whose policies ran out, says so in Procore, and puts right a record changed by hand', async () => {
    const lasting = vendors[0]!;
    const expiring = vendors[1]!;
    const lastingId = await compliantRequest(lasting, 300);
    const expiringId = await compliantRequest(expiring, 40);
    const changed = records(lasting.vendorId)[0]!;
    Object.assign(changed, { status: 'non_compliant', notes: 'changed by hand' });
    const before = { ...changed };

    const { counts } = await nightlySync(s(), companyId, day(42));
    expect(await statusOf(expiringId)).toBe('awaiting_new_coi');
    expect(await statusOf(lastingId)).toBe('compliant');
    expect(counts.changed).toBe(1);
    expect(counts.read).toBeGreaterThan(0);
    expect(counts.failed).toBe(0);
    await waitFor(() => written(expiringId), 20_000, 'the expiry write');
    for (const r of records(expiring.vendorId)) expect(r).toMatchObject({ status: 'expired', notes: 'COI Compliance: Awaiting New COI, expired' });
    expect(stack.emulator.state.insurances.get(before.id)).toMatchObject({ status: 'compliant', notes: 'COI Compliance: Compliant, Certificate meets the requirements' });
    await waitFor(() => stack.mail.messages().some((m) => m.to.includes(expiring.email!) && /expired/i.test(m.text)), 20_000, 'the email naming the expired policies');

    const stored = await stack.database.db('sync_runs').where({ company_id: companyId }).orderBy('id', 'desc').first();
    expect(stored.finished_at).not.toBeNull();
    expect(stored.counts).toMatchObject({ changed: 1, failed: 0 });
  });

  it('asks for a renewal naming the policies that expire within the company’s window, once, keeping the request Compliant', async () => {
    const vendor = vendors[2]!;
    const requestId = await compliantRequest(vendor, 45);
    // The company's renewal window (Settings) decides: 10 days is too short for a policy 25 days out.
    await saveSettings(s().db, companyId, { renewalDays: 10 });
    await nightlySync(s(), companyId, day(20));
    expect(await stack.database.db('emails').where({ request_id: requestId, kind: 'renewal' })).toHaveLength(0);
    await saveSettings(s().db, companyId, { renewalDays: 30 });
    await nightlySync(s(), companyId, day(20));
    expect(await statusOf(requestId)).toBe('compliant');
    const mail = await waitFor(() => stack.mail.messages().find((m) => m.to.includes(vendor.email!) && /expires soon/.test(m.subject)), 20_000, 'the renewal email');
    expect(mail.text).toContain(`General Liability`);
    expect(mail.text).toContain(`expires ${day(45)}`);
    await nightlySync(s(), companyId, day(21));
    expect(await stack.database.db('emails').where({ request_id: requestId, kind: 'renewal' })).toHaveLength(1);
  });

  it('ends a waiver on its end date', async () => {
    const vendor = vendors[3]!;
    const res = await stack.api(pm, `${base}/projects/${projectId}/requests`, { method: 'POST', body: JSON.stringify({ vendorIds: [vendor.vendorId] }) });
    const requestId = ((await res.json()) as { data: CreateRequestsResult }).data.created[0]!.id;
    await s().db.transaction(async (trx) => {
      await moveRequest(trx, { companyId, requestId, transition: 'waive', actor: systemActor('Test'), reason: 'waived for a week' });
      await trx('request_events').insert({ company_id: companyId, request_id: requestId, kind: 'waived', actor_label: 'Test', data: JSON.stringify({ reason: 'short job', until: day(7) }) });
    });
    await nightlySync(s(), companyId, day(7));
    expect(await statusOf(requestId)).toBe('waived');
    await nightlySync(s(), companyId, day(8));
    expect(await statusOf(requestId)).toBe('awaiting_new_coi');
    await waitFor(() => written(requestId), 20_000, 'the write after the waiver ended');
    expect(records(vendor.vendorId).map((r) => [r.status, r.exempt])).toEqual([['expired', false]]);
  });

  it('a second run changes and writes nothing', async () => {
    await nightlySync(s(), companyId, day(42));
    const { counts } = await nightlySync(s(), companyId, day(42));
    expect(counts).toMatchObject({ changed: 0, written: 0, failed: 0 });
  });

  it('reads only what Procore changed since the last finished run, and sees those changes', async () => {
    await nightlySync(s(), companyId, day(42));
    const fullRead = await stack.database.db('directory_syncs').where({ company_id: companyId, project_id: 0 }).first('synced_at');
    const renamed = [...stack.emulator.state.vendors.values()].find((v) => v.company_id === COMPANY_A && v.is_active && String(v.id) === vendors[6]!.vendorId)!;
    Object.assign(renamed, { name: 'Renamed Mechanical LLC', updated_at: new Date().toISOString() });
    const res = await fetch(`${stack.emulator.url}/__emulator/commitments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ project_id: projectId, vendor_id: renamed.id, kind: 'purchase_order' }) });
    const commitmentId = ((await res.json()) as { id: number }).id;
    const { counts } = await nightlySync(s(), companyId, day(42));
    expect(counts.failed).toBe(0);
    expect(await stack.database.db('sync_runs').where({ company_id: companyId }).orderBy('id', 'desc').first('changed_since')).toEqual({ changed_since: expect.any(Date) });
    // The company directory was not read whole (that read is recorded), yet the change arrived.
    expect(await stack.database.db('directory_syncs').where({ company_id: companyId, project_id: 0 }).first('synced_at')).toEqual(fullRead);
    expect((await stack.database.db('vendors').where({ company_id: companyId, id: renamed.id }).first('name')).name).toBe('Renamed Mechanical LLC');
    expect(await stack.database.db('commitments').where({ company_id: companyId, id: commitmentId }).first('kind')).toEqual({ kind: 'purchase_order' });
  });

  it('a vendor deleted in Procore leaves the directory at the weekly full read; its request and the run carry on', async () => {
    const vendor = vendors[7]!;
    const res = await stack.api(pm, `${base}/projects/${projectId}/requests`, { method: 'POST', body: JSON.stringify({ vendorIds: [vendor.vendorId] }) });
    const requestId = ((await res.json()) as { data: CreateRequestsResult }).data.created[0]!.id;
    stack.emulator.state.vendors.delete(Number(vendor.vendorId));
    for (const directory of stack.emulator.state.directories.values()) directory.delete(Number(vendor.vendorId));
    await stack.database.db('directory_syncs').where({ company_id: companyId, project_id: 0 }).update({ synced_at: new Date(Date.now() - 8 * 86_400_000) });
    const { counts } = await nightlySync(s(), companyId, day(42));
    // Procore cannot hold a record for a vendor it deleted: that write is counted failed and says why.
    expect(counts.failed).toBe(1);
    expect((await stack.database.db('procore_writebacks').where({ request_id: requestId }).first('last_error')).last_error).toMatch(/no such record, or it was deleted/);
    expect(await stack.database.db('sync_runs').where({ company_id: companyId }).whereNull('finished_at')).toHaveLength(0);
    expect(await stack.database.db('vendors').where({ company_id: companyId, id: vendor.vendorId }).first('active')).toEqual({ active: false });
    expect(await stack.database.db('project_vendors').where({ company_id: companyId, vendor_id: vendor.vendorId })).toHaveLength(0);
    expect(await stack.database.db('coi_requests').where({ id: requestId }).first('status')).toEqual({ status: 'pending' });
  });

  it('a run stopped by a long rate limit resumes where it stopped', async () => {
    stack.emulator.faults.add({ path_prefix: `/rest/v1.0/projects/${projectId}/insurances`, status: 429, count: 1, retry_after: 600 });
    await expect(nightlySync(s(), companyId, day(42))).rejects.toThrow(/busy/);
    const open = await stack.database.db('sync_runs').where({ company_id: companyId }).whereNull('finished_at').first();
    expect(open).toMatchObject({ phase: 'repair', cursor: null });
    expect(open.last_error).toMatch(/busy/);
    const resumed = await nightlySync(s(), companyId, day(42));
    expect(resumed.resumed).toBe(true);
    expect(await stack.database.db('sync_runs').where({ company_id: companyId }).whereNull('finished_at')).toHaveLength(0);
  });

  it('after the project closes renews general liability only, until the completed-operations tail ends', async () => {
    const [inTail, afterTail] = [vendors[4]!, vendors[5]!];
    const inTailId = await compliantRequest(inTail, 45);
    const afterTailId = await compliantRequest(afterTail, 400);
    await s().db.transaction((trx) => saveRequirementSet(trx, companyId, String(projectId), { ...defaultRequirements, completedOperationsYears: 1 }, null));
    const project = stack.emulator.state.projects.find((p) => p.id === projectId)!;
    Object.assign(project, { active: false, updated_at: new Date().toISOString() });
    const renewals = async (requestId: string) => stack.database.db('emails').where({ request_id: requestId, kind: 'renewal' });

    await nightlySync(s(), companyId, day(20));
    expect(await stack.database.db('projects').where({ id: projectId }).first(s().db.raw("to_char(closed_on, 'YYYY-MM-DD') AS closed_on"))).toEqual({ closed_on: day(0) });
    const [renewal] = await renewals(inTailId);
    expect(renewal.text_body).toContain('General Liability');
    expect(renewal.text_body).not.toContain('Automobile Liability');
    // Inside the tail an expired general liability policy is still a shortfall.
    await nightlySync(s(), companyId, day(46));
    expect(await statusOf(inTailId)).toBe('awaiting_new_coi');

    // The tail ended a year after the close: a policy expiring now is neither renewed nor held against the vendor.
    await nightlySync(s(), companyId, day(380));
    expect(await renewals(afterTailId)).toHaveLength(0);
    await nightlySync(s(), companyId, day(401));
    expect(await statusOf(afterTailId)).toBe('compliant');
  });
});
