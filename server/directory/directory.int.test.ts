import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { COMPANY_A, COMPANY_B, COMPANY_NOT_INSTALLED, USER_ADMIN, USER_SECOND_COMPANY } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';

let stack: Stack;
let admin: string;
beforeAll(async () => {
  stack = await startStack({ emulator: { vendors: 320 } });
  admin = await stack.signIn(USER_ADMIN);
});
afterAll(async () => stack?.close());

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe('company directory', () => {
  it('lists every vendor Procore has (all pages) with trade, contact email and status', async () => {
    const res = await stack.api(admin, `/api/companies/${COMPANY_A}/vendors`);
    expect(res.status).toBe(200);
    const { data } = await json<{ data: Directory }>(res);
    const seeded = [...stack.emulator.state.vendors.values()].filter((v) => v.company_id === COMPANY_A && v.is_active !== false);
    expect(data.vendors).toHaveLength(seeded.length);
    expect(data.company.name).toBe('Summit Ridge Builders');
    expect(data.project).toBeNull();
    expect(data.vendors.every((v) => v.status === 'not_requested')).toBe(true);
    expect(data.vendors.some((v) => v.trade)).toBe(true);
    expect(data.vendors.some((v) => v.email === null)).toBe(true);
    expect(data.vendors.some((v) => v.email !== null && !v.emailValid)).toBe(true);
    const names = data.vendors.map((v) => v.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('sees a vendor added in Procore once the mirror is re-read', async () => {
    const created = await fetch(`${stack.emulator.url}/__emulator/vendors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company_id: COMPANY_A, name: 'Zephyr Glazing Co', trade: 'Glazing', email: 'office@zephyr.example' }),
    });
    expect(created.status).toBeLessThan(300);
    await stack.database.db('directory_syncs').delete();
    const { data } = await json<{ data: Directory }>(await stack.api(admin, `/api/companies/${COMPANY_A}/vendors`));
    expect(data.vendors.find((v) => v.name === 'Zephyr Glazing Co')?.email).toBe('office@zephyr.example');
  });
});

describe('project directory', () => {
  it("lists only that project's companies", async () => {
    const project = stack.emulator.state.projects.find((p) => p.company_id === COMPANY_A)!;
    const res = await stack.api(admin, `/api/companies/${COMPANY_A}/projects/${project.id}/vendors`);
    expect(res.status).toBe(200);
    const { data } = await json<{ data: Directory }>(res);
    const expected = stack.emulator.state.directories.get(project.id)!;
    expect(data.project).toEqual({ id: String(project.id), name: project.name });
    expect(new Set(data.vendors.map((v) => Number(v.vendorId)))).toEqual(new Set([...expected].filter((id) => stack.emulator.state.vendors.get(id)?.is_active !== false)));
  });

  it("answers 404 for a project of another company", async () => {
    const other = stack.emulator.state.projects.find((p) => p.company_id === COMPANY_B)!;
    const res = await stack.api(admin, `/api/companies/${COMPANY_A}/projects/${other.id}/vendors`);
    expect(res.status).toBe(404);
  });
});

describe('tenancy and errors', () => {
  it("gives a user of company B a 404 for company A's directory, even once A's data is mirrored", async () => {
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    const res = await stack.api(outsider, `/api/companies/${COMPANY_A}/vendors`);
    expect(res.status).toBe(404);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe('not_found');
    expect(JSON.stringify(body)).not.toContain('Summit Ridge');
    expect((await stack.api(outsider, `/api/companies/${COMPANY_B}/vendors`)).status).toBe(200);
  });

  it('says plainly when the app is not installed for a company', async () => {
    const res = await stack.api(admin, `/api/companies/${COMPANY_NOT_INSTALLED}/vendors`);
    expect(res.status).toBe(403);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe('app_not_installed');
    expect(body.error.message).toMatch(/not installed/);
  });

  it('rejects malformed ids with a specific message', async () => {
    const res = await stack.api(admin, `/api/companies/abc/vendors`);
    expect(res.status).toBe(400);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/companyId/);
  });

  it('retries after Procore is briefly unavailable', async () => {
    await stack.database.db('directory_syncs').delete();
    await fetch(`${stack.emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path_prefix: '/rest/v1.0/vendors', status: 503, count: 1, retry_after: 1 }),
    });
    const res = await stack.api(admin, `/api/companies/${COMPANY_A}/vendors`);
    expect(res.status).toBe(200);
  });

  it('answers health with the database state and version', async () => {
    const res = await fetch(`${stack.app.url}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', version: '0.1.0' });
  });
});
