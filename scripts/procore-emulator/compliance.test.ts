import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index';
import { COMPANY_A, COMPANY_B, USER_ADMIN, USER_COMPLIANCE, USER_READ_ONLY } from './seed-people';
import { api, signIn, start } from './test-helpers';

let emulator: Emulator;
let compliance: string;
let readOnly: string;
let admin: string;
const projectId = 2783001;
beforeAll(async () => {
  emulator = await start();
  compliance = (await signIn(emulator, USER_COMPLIANCE)).access_token;
  readOnly = (await signIn(emulator, USER_READ_ONLY)).access_token;
  admin = (await signIn(emulator, USER_ADMIN)).access_token;
});
afterAll(() => emulator.close());

const commitment = () => [...emulator.state.commitments.values()].find((c) => c.project_id === projectId && c.kind === 'work_order' && c.deleted_at === null)!;

describe('commitment compliance', () => {
  it('reads not_required until set, then PATCH sets insurance_status and insurance_notes', async () => {
    const c = commitment();
    const path = `/rest/v1.0/projects/${projectId}/work_order_contracts/${c.id}/compliance`;
    const before = (await (await api(emulator, compliance, path)).json()) as Record<string, unknown>;
    expect(before).toMatchObject({ insurance_status: 'not_required', compliance_status: 'not_required', insurance_notes: null });
    const patched = await api(emulator, compliance, path, { method: 'PATCH', json: { insurance_status: 'compliant', insurance_notes: 'COI Compliance: Compliant' } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ insurance_status: 'compliant', insurance_notes: 'COI Compliance: Compliant', derived_insurance_status: 'compliant' });
    expect(c.compliance?.updated_by_id).toBeGreaterThan(0);
  });

  it('refuses an unknown status (422) and the wrong contract kind (404)', async () => {
    const c = commitment();
    const bad = await api(emulator, compliance, `/rest/v1.0/projects/${projectId}/work_order_contracts/${c.id}/compliance`, { method: 'PATCH', json: { insurance_status: 'fine' } });
    expect(bad.status).toBe(422);
    const wrongKind = await api(emulator, compliance, `/rest/v1.0/projects/${projectId}/purchase_order_contracts/${c.id}/compliance`);
    expect(wrongKind.status).toBe(404);
  });

  it('needs the insurance permission to write (Read Only: 403)', async () => {
    const c = commitment();
    const res = await api(emulator, readOnly, `/rest/v1.0/projects/${projectId}/work_order_contracts/${c.id}/compliance`, { method: 'PATCH', json: { insurance_status: 'not_compliant' } });
    expect(res.status).toBe(403);
  });
});

describe('insurance permission and tenancy', () => {
  it('a Read Only user cannot create an insurance (403) but can read them', async () => {
    const vendorId = [...(emulator.state.directories.get(projectId) ?? [])][0]!;
    const path = `/rest/v1.0/projects/${projectId}/vendors/${vendorId}/insurances`;
    expect((await api(emulator, readOnly, path, { method: 'POST', json: { insurance: { insurance_type: 'General Liability' } } })).status).toBe(403);
    expect((await api(emulator, readOnly, path)).status).toBe(200);
  });

  it("another company's project or company, asked with this company's header, is not found", async () => {
    const otherProject = emulator.state.projects.find((p) => p.company_id === COMPANY_B)!;
    expect((await api(emulator, admin, `/rest/v1.0/projects/${otherProject.id}/insurances`, { companyId: COMPANY_A })).status).toBe(404);
    expect((await api(emulator, admin, `/rest/v1.0/companies/${COMPANY_B}/insurances`, { companyId: COMPANY_A })).status).toBe(404);
    expect((await api(emulator, admin, `/rest/v1.0/projects/${otherProject.id}/insurances`, { companyId: COMPANY_B })).status).toBe(200);
  });
});
