import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { COMPANY_A, USER_ADMIN, USER_COMPLIANCE, USER_PM, USER_SECOND_COMPANY } from '../../scripts/procore-emulator/seed-people';
import { defaultRequirements } from '../compliance/default-requirements';
import type { Directory } from '../contracts/directory';
import type { CarriersView, RequirementsPreview, RequirementsView } from '../contracts/requirements-api';
import { currentPolicies, sampleExtraction, storeReadUpload } from './int-helpers';

// The requirements API through the real stack: Procore sign-in, roles from Procore (Carla is
// the insurance manager, Alice is an admin but not), tenancy, validation, audit, carriers.

let stack: Stack;
let manager: string;
let admin: string;
const projectId = '2783001';
const otherProjectId = '2783002';
const base = `/api/companies/${COMPANY_A}`;

beforeAll(async () => {
  stack = await startStack({ env: { WORKERS: 'off' } });
  manager = await stack.signIn(USER_COMPLIANCE);
  admin = await stack.signIn(USER_ADMIN);
});
afterAll(async () => stack?.close());

const db = () => stack.database.db;
const lenient = { name: 'Lenient', lines: { general_liability: { minimums: { eachOccurrence: 500_000 } } } };
const strict = { name: 'Hospital', lines: { general_liability: { minimums: { eachOccurrence: 2_000_000 } } } };

async function call<T>(token: string, path: string, method = 'GET', body?: unknown): Promise<{ status: number; data: T; error: { message: string; details?: unknown } }> {
  const res = await stack.api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = (await res.json()) as { data: T; error: { message: string; details?: unknown } };
  return { status: res.status, data: json.data, error: json.error };
}

describe('requirement sets', () => {
  it('fall back from project to company default to the built-in template, and say which', async () => {
    const builtIn = await call<RequirementsView>(admin, `${base}/requirements`);
    expect(builtIn.status).toBe(200);
    expect(builtIn.data).toMatchObject({ source: 'built-in', projectId: null, updatedAt: null });
    expect(builtIn.data.requirements.name).toBe(defaultRequirements.name);

    const saved = await call<RequirementsView>(manager, `${base}/requirements`, 'PUT', lenient);
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({ source: 'company', updatedBy: 'Carla Nguyen', requirements: { name: 'Lenient' } });
    const viaProject = await call<RequirementsView>(admin, `${base}/projects/${projectId}/requirements`);
    expect(viaProject.data).toMatchObject({ source: 'company', projectId, requirements: { name: 'Lenient' } });

    const own = await call<RequirementsView>(manager, `${base}/projects/${projectId}/requirements`, 'PUT', strict);
    expect(own.data).toMatchObject({ source: 'project', requirements: { name: 'Hospital' } });
    expect((await call<RequirementsView>(admin, `${base}/projects/${otherProjectId}/requirements`)).data.source).toBe('company');
    expect((await call<RequirementsView>(admin, `${base}/requirements`)).data.requirements.name).toBe('Lenient');

    const removed = await call<RequirementsView>(manager, `${base}/projects/${projectId}/requirements`, 'DELETE');
    expect(removed.data).toMatchObject({ source: 'company', requirements: { name: 'Lenient' } });
    expect((await call(manager, `${base}/projects/${projectId}/requirements`, 'DELETE')).status).toBe(404);

    const audit = await db()('audit_events').where({ company_id: COMPANY_A }).orderBy('id');
    expect(audit.map((e) => [e.kind, e.actor_label, e.data.projectId])).toEqual([
      ['requirements_saved', 'Carla Nguyen', null],
      ['requirements_saved', 'Carla Nguyen', projectId],
      ['requirements_removed', 'Carla Nguyen', projectId],
    ]);
  });

  it('rejects invalid sets with every problem and its path, saving nothing', async () => {
    const before = await db()('requirement_sets').count<{ count: string }[]>('* as count');
    const bad = {
      name: 'Broken',
      lines: { general_liability: { minimums: { eachOccurrence: -1 } }, flood_insurance: {} },
      tiers: [
        { name: 'Small', commitmentValue: { min: 0, max: 1_000_000 }, lines: {} },
        { name: 'Large', commitmentValue: { min: 500_000 }, lines: {} },
      ],
    };
    const res = await call(manager, `${base}/projects/${otherProjectId}/requirements`, 'PUT', bad);
    expect(res.status).toBe(400);
    const issues = (res.error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues).toEqual(expect.arrayContaining([
      { path: 'lines.general_liability.minimums.eachOccurrence', message: 'must not be negative' },
      { path: 'lines', message: expect.stringContaining('unknown coverage line "flood_insurance"') },
    ]));
    const overlap = await call(manager, `${base}/requirements`, 'PUT', { ...bad, lines: {} });
    expect(overlap.status).toBe(400);
    expect((overlap.error.details as { issues: unknown[] }).issues).toContainEqual({ path: 'tiers.1.commitmentValue', message: 'overlaps the value range of tier "Small"' });
    expect(await db()('requirement_sets').count<{ count: string }[]>('* as count')).toEqual(before);
  });

  it('lets only compliance managers change them', async () => {
    const reader = await stack.signIn(USER_PM);
    const res = await call(reader, `${base}/requirements`, 'PUT', strict);
    expect(res.status).toBe(403);
    expect(res.error.message).toMatch(/^Your role \(read-only\) cannot change insurance requirements\. Ask .*Carla Nguyen/);
    expect((await call(reader, `${base}/projects/${projectId}/requirements`, 'DELETE')).status).toBe(403);
    expect((await call<RequirementsView>(admin, `${base}/requirements`)).data.requirements.name).toBe('Lenient');
  });

  it("hides another company's requirements behind 404", async () => {
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    expect((await call(outsider, `${base}/requirements`)).status).toBe(404);
    expect((await call(outsider, `${base}/projects/${projectId}/requirements`)).status).toBe(404);
    expect((await call(outsider, `${base}/requirements`, 'PUT', lenient)).status).toBe(404);
    expect((await call(outsider, `${base}/carriers`)).status).toBe(404);
  });
});

describe('preview', () => {
  it('counts the vendors whose status a proposed set would change, and which way', async () => {
    const dir = (await call<Directory>(admin, `${base}/projects/${otherProjectId}/vendors`)).data;
    const [a, b, c] = dir.vendors;
    const requests: string[] = [];
    for (const v of [a!, b!, c!]) {
      const [row] = (await db()('coi_requests')
        .insert({ company_id: COMPANY_A, vendor_id: v.vendorId, project_id: otherProjectId, origin: 'click', status: 'under_review', recipient_email: 'x@vendor.example' })
        .returning('id')) as { id: string }[];
      requests.push(row!.id);
    }
    // The certificates name each vendor as insured, so only the limits and forms decide: GL each
    // occurrence $500,000 and no umbrella to make it up meets "Lenient" but no tier of the built-in set.
    const forVendor = (name: string, patch = {}) => {
      const e = currentPolicies(sampleExtraction({ ...patch, insured: { name, address: null } }));
      e.policies = e.policies.filter((p) => p.line !== 'umbrella_liability');
      e.policies[0]!.limits.eachOccurrence = 500_000;
      return e;
    };
    await storeReadUpload(db(), { companyId: String(COMPANY_A), requestId: requests[0]! }, [forVendor(a!.name)]);
    await storeReadUpload(db(), { companyId: String(COMPANY_A), requestId: requests[1]! }, [forVendor(b!.name)]);
    await storeReadUpload(db(), { companyId: String(COMPANY_A), requestId: requests[2]! }, [forVendor(c!.name, { form: null })]);

    // In force: "Lenient" (company default). Proposed: the stricter built-in template.
    const res = await call<RequirementsPreview>(manager, `${base}/projects/${otherProjectId}/requirements/preview`, 'POST', defaultRequirements);
    expect(res.status).toBe(200);
    expect(res.data.currentSource).toBe('company');
    expect(res.data.summary).toMatchObject({ total: 3, changed: 2, unchanged: 1, transitions: [{ from: 'compliant', to: 'deficient', count: 2 }] });
    expect(res.data.changes.map((x) => x.vendorName).sort()).toEqual([a!.name, b!.name].sort());

    const companyWide = await call<RequirementsPreview>(manager, `${base}/requirements/preview`, 'POST', defaultRequirements);
    expect(companyWide.data.summary.total).toBeGreaterThanOrEqual(3);
    const invalid = await call(manager, `${base}/requirements/preview`, 'POST', { name: '' });
    expect(invalid.status).toBe(400);
  });
});

describe('carriers', () => {
  const csv = (text: string) => ({ method: 'PUT', body: text, headers: { 'content-type': 'text/csv' } });

  it('rejects a file with bad rows line by line, importing nothing', async () => {
    const good = 'NAIC,Name,Rating,Size Class\n23817,Granite State Casualty,A,XII\n41290,Meridian Mutual,A+,XV\n';
    expect((await stack.api(manager, `${base}/carriers`, csv(good))).status).toBe(200);
    const bad = 'NAIC,Name,Rating,Size Class\n12345,Fine Carrier,A-,VIII\n1234,Short NAIC,A,X\n55555,Bad Rating,Z,X\n';
    const res = await stack.api(manager, `${base}/carriers`, csv(bad));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; details: { errors: { line: number; message: string }[] } } };
    expect(body.error.details.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(body.error.details.errors[0]!.message).toContain('NAIC "1234"');
    expect(body.error.message).toContain('Line 3');
    const after = (await call<CarriersView>(admin, `${base}/carriers`)).data;
    expect(after.count).toBe(2);
  });

  it('replaces the whole table on a good import, for compliance managers only', async () => {
    const next = 'naic,carrier name,am best rating,fsc\n12044,Bayline,A-,VIII\nAA-1120337,Lloyds Syndicate,A,XV\n99999,Unrated Mutual,NR,\n';
    expect((await stack.api(await stack.signIn(USER_PM), `${base}/carriers`, csv(next))).status).toBe(403);
    const res = await stack.api(manager, `${base}/carriers`, csv(next));
    expect(res.status).toBe(200);
    const view = ((await res.json()) as { data: CarriersView }).data;
    expect(view.count).toBe(3);
    expect(view.sample).toEqual([
      { naic: '12044', name: 'Bayline', amBest: 'A- VIII' },
      { naic: 'AA-1120337', name: 'Lloyds Syndicate', amBest: 'A XV' },
      { naic: '99999', name: 'Unrated Mutual', amBest: 'NR' },
    ]);
    expect(await db()('carriers').where({ company_id: COMPANY_A, naic: '23817' })).toHaveLength(0);
    expect((await stack.api(manager, `${base}/carriers`, { method: 'PUT', body: '{}' })).status).toBe(400);
  });
});
