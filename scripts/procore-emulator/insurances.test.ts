import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index';
import { COMPANY_A, USER_COMPLIANCE } from './seed-people';
import { api, signIn, start } from './test-helpers';

let emulator: Emulator;
let token: string;
let vendorId: number;
const projectId = 2783001;
beforeAll(async () => {
  emulator = await start();
  token = (await signIn(emulator, USER_COMPLIANCE)).access_token;
  vendorId = [...(emulator.state.directories.get(projectId) ?? [])][0] ?? 0;
});
afterAll(() => emulator.close());

const policy = { name: 'Travelers', insurance_type: 'General Liability', policy_number: 'GL-1', effective_date: '2025-01-01', expiration_date: '2026-01-01', limit: 2000000, status: 'compliant' };

describe('insurances', () => {
  it('creates at company level (name -> insurance_provider) and reads it back', async () => {
    const created = await api(emulator, token, `/rest/v1.0/companies/${COMPANY_A}/insurances`, { method: 'POST', json: { insurance: { ...policy, vendor_id: vendorId } } });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ insurance_provider: 'Travelers', limit: '2000000.0', vendor_id: vendorId, enable_expired_insurance_notifications: true });
    expect(body).not.toHaveProperty('name');
    const shown = await (await api(emulator, token, `/rest/v1.0/companies/${COMPANY_A}/vendors/${vendorId}/insurances/${String(body.id)}`)).json();
    expect(shown).toMatchObject({ id: body.id, insurance_provider: 'Travelers', expiration_date: '2026-01-01' });
  });

  it('requires vendor_id on the non-vendor paths (422)', async () => {
    const company = await api(emulator, token, `/rest/v1.0/companies/${COMPANY_A}/insurances`, { method: 'POST', json: { insurance: policy } });
    expect(company.status).toBe(422);
    expect(await company.json()).toMatchObject({ errors: { vendor_id: ["can't be blank"] } });
    const project = await api(emulator, token, `/rest/v1.0/projects/${projectId}/insurances`, { method: 'POST', json: { insurance: policy } });
    expect(project.status).toBe(422);
    const badDate = await api(emulator, token, `/rest/v1.0/projects/${projectId}/vendors/${vendorId}/insurances`, { method: 'POST', json: { insurance: { ...policy, expiration_date: '01/01/2026' } } });
    expect(badDate.status).toBe(422);
  });

  it('creates on the project vendor path, updates, lists and deletes', async () => {
    const base = `/rest/v1.0/projects/${projectId}/vendors/${vendorId}/insurances`;
    const created = (await (await api(emulator, token, base, { method: 'POST', json: { insurance: policy } })).json()) as { id: number };
    const patched = await api(emulator, token, `${base}/${created.id}`, { method: 'PATCH', json: { insurance: { status: 'expired', name: 'Chubb' } } });
    expect(await patched.json()).toMatchObject({ status: 'expired', insurance_provider: 'Chubb', policy_number: 'GL-1' });
    const list = (await (await api(emulator, token, `/rest/v1.0/projects/${projectId}/insurances`)).json()) as { id: number }[];
    expect(list.map((i) => i.id)).toContain(created.id);
    const deleted = await api(emulator, token, `${base}/${created.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toBe('');
    expect((await api(emulator, token, `${base}/${created.id}`)).status).toBe(404);
  });

  it('syncs creates and updates, reporting per-item errors', async () => {
    const existing = (await (await api(emulator, token, `/rest/v1.0/companies/${COMPANY_A}/insurances?per_page=1`)).json()) as { id: number }[];
    const response = await api(emulator, token, '/rest/v1.0/insurances/sync', {
      method: 'PATCH',
      json: { company_id: COMPANY_A, updates: [{ id: existing[0]?.id, status: 'non_compliant' }, { ...policy, vendor_id: vendorId }, { ...policy }] },
    });
    const body = (await response.json()) as { entities: { status: string }[]; errors: { errors: Record<string, string[]> }[] };
    expect(body.entities).toHaveLength(2);
    expect(body.entities[0]?.status).toBe('non_compliant');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.errors.vendor_id).toBeDefined();
    const tooMany = await api(emulator, token, `/rest/v1.0/companies/${COMPANY_A}/insurances/sync`, { method: 'PATCH', json: { updates: Array.from({ length: 1001 }, () => ({})) } });
    expect(tooMany.status).toBe(422);
  });
});
