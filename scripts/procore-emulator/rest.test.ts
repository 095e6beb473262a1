import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index';
import { COMPANY_A, COMPANY_B, COMPANY_NOT_INSTALLED, USER_ADMIN, USER_COMPLIANCE, USER_PM, USER_SECOND_COMPANY } from './seed-people';
import { api, signIn, start } from './test-helpers';

let emulator: Emulator;
let admin: string;
let compliance: string;
beforeAll(async () => {
  emulator = await start({ maxPerPage: { projects: 2 } });
  admin = (await signIn(emulator, USER_ADMIN)).access_token;
  compliance = (await signIn(emulator, USER_COMPLIANCE)).access_token;
});
afterAll(() => emulator.close());

function links(response: Response): Record<string, string> {
  const header = response.headers.get('link') ?? '';
  return Object.fromEntries([...header.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((m) => [m[2] ?? '', m[1] ?? '']));
}

describe('platform rules', () => {
  it('requires Procore-Company-Id except on /me and /companies', async () => {
    const missing = await api(emulator, compliance, '/rest/v1.0/projects?company_id=4271001', { companyId: null });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Missing Procore-Company-Id header!');
    expect((await api(emulator, compliance, '/rest/v1.0/me', { companyId: null })).status).toBe(200);
    expect((await api(emulator, compliance, '/rest/v1.0/companies', { companyId: null })).status).toBe(200);
  });

  it('answers 401 without a token', async () => {
    const response = await fetch(`${emulator.url}/rest/v1.0/me`);
    expect(response.status).toBe(401);
  });

  it('answers 403 for a company the user cannot see and for the company without the app', async () => {
    const second = (await signIn(emulator, USER_SECOND_COMPANY)).access_token;
    const hidden = await api(emulator, second, `/rest/v1.0/vendors?company_id=${COMPANY_A}`, { companyId: COMPANY_A });
    expect(hidden.status).toBe(403);
    const companies = (await (await api(emulator, admin, '/rest/v1.0/companies', { companyId: null })).json()) as { id: number }[];
    expect(companies.map((c) => c.id)).toEqual([COMPANY_A, COMPANY_B, COMPANY_NOT_INSTALLED]);
    const notInstalled = await api(emulator, admin, `/rest/v1.0/projects?company_id=${COMPANY_NOT_INSTALLED}`, { companyId: COMPANY_NOT_INSTALLED });
    expect(notInstalled.status).toBe(403);
    expect(await notInstalled.text()).toContain('App is not connected to this company');
  });

  it('answers 404 for unknown records and routes', async () => {
    expect((await api(emulator, admin, '/rest/v1.0/vendors/1?company_id=4271001')).status).toBe(404);
    expect((await api(emulator, admin, '/rest/v1.0/projects/999')).status).toBe(404);
    expect((await api(emulator, admin, '/rest/v1.0/nothing-here')).status).toBe(404);
  });

  it('limits non-admins to their projects', async () => {
    const pm = (await signIn(emulator, USER_PM)).access_token;
    const response = await api(emulator, pm, `/rest/v1.0/projects?company_id=${COMPANY_A}&per_page=2`);
    expect(response.headers.get('total')).toBe('2');
    expect((await api(emulator, pm, '/rest/v1.0/projects/2783003/vendors')).status).toBe(403);
  });
});

describe('paging', () => {
  it('pages the vendor list with Total, Per-Page and absolute Link rels', async () => {
    const first = await api(emulator, compliance, `/rest/v1.0/vendors?company_id=${COMPANY_A}&per_page=100`);
    const total = Number(first.headers.get('total'));
    expect(total).toBeGreaterThan(250);
    expect(first.headers.get('per-page')).toBe('100');
    const rels = links(first);
    expect(Object.keys(rels).sort()).toEqual(['first', 'last', 'next']);
    expect(rels.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rest\/v1\.0\/vendors\?.*page=2/);
    const lastPage = Math.ceil(total / 100);
    expect(new URL(rels.last ?? '').searchParams.get('page')).toBe(String(lastPage));

    const seen = new Set<number>();
    let url: string | undefined = `/rest/v1.0/vendors?company_id=${COMPANY_A}&per_page=100`;
    let pages = 0;
    while (url) {
      const response = await api(emulator, compliance, url);
      for (const v of (await response.json()) as { id: number }[]) seen.add(v.id);
      const next = links(response).next;
      if (!next) expect(Object.keys(links(response))).toContain('prev');
      url = next ? next.replace(emulator.url, '') : undefined;
      pages += 1;
    }
    expect(pages).toBe(lastPage);
    expect(seen.size).toBe(total);
  });

  it('clamps per_page to the endpoint maximum', async () => {
    const response = await api(emulator, compliance, `/rest/v1.0/vendors?company_id=${COMPANY_A}&per_page=5000`);
    expect(response.headers.get('per-page')).toBe('1000');
    const projects = await api(emulator, admin, `/rest/v1.0/projects?company_id=${COMPANY_A}&per_page=50`);
    expect(projects.headers.get('per-page')).toBe('2');
    expect(((await projects.json()) as unknown[]).length).toBe(2);
  });
});

describe('rate limits', () => {
  it('reports the nearest window and answers 429 with Retry-After when exceeded', async () => {
    const limited = await start({ rateLimit: { hourly: 50, spike: 3, spikeWindowSeconds: 30 } });
    try {
      const t = (await signIn(limited, USER_ADMIN)).access_token;
      const first = await api(limited, t, '/rest/v1.0/me', { companyId: null });
      expect(first.headers.get('x-rate-limit-limit')).toBe('3');
      expect(first.headers.get('x-rate-limit-remaining')).toBe('2');
      expect(Number(first.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
      await api(limited, t, '/rest/v1.0/me', { companyId: null });
      await api(limited, t, '/rest/v1.0/me', { companyId: null });
      const blocked = await api(limited, t, '/rest/v1.0/me', { companyId: null });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('x-rate-limit-remaining')).toBe('0');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      const other = (await signIn(limited, USER_COMPLIANCE)).access_token;
      expect((await api(limited, other, '/rest/v1.0/me', { companyId: null })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('records', () => {
  it('returns the full vendor shape and honours view, search and id filters', async () => {
    const [vendor] = (await (await api(emulator, compliance, `/rest/v1.0/vendors?company_id=${COMPANY_A}&per_page=1`)).json()) as Record<string, unknown>[];
    expect(vendor).toMatchObject({ id: expect.any(Number) as number, name: expect.any(String) as string, is_active: true, trades: expect.any(Array) as unknown[], project_ids: expect.any(Array) as unknown[] });
    expect(vendor).toHaveProperty('primary_contact');
    expect(vendor).toHaveProperty('email_address');
    const id = vendor?.id as number;
    const byId = (await (await api(emulator, compliance, `/rest/v1.0/vendors?company_id=${COMPANY_A}&filters[id][]=${id}&view=minimal`)).json()) as unknown[];
    expect(byId).toEqual([{ id, name: vendor?.name, is_active: true, logo: null }]);
    const search = (await (await api(emulator, compliance, `/rest/v1.0/vendors?company_id=${COMPANY_A}&filters[search]=electrical&sort=name`)).json()) as { name: string; email_address: string | null }[];
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((v) => `${v.name} ${v.email_address ?? ''}`.toLowerCase().includes('electrical'))).toBe(true);
    expect(search.map((v) => v.name)).toEqual([...search.map((v) => v.name)].sort((a, b) => a.localeCompare(b)));
  });

  it('filters projects, company vendors and contracts by updated_at, and not a project directory', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const range = `filters[updated_at]=${since}...`;
    const project = emulator.state.projects.find((p) => p.company_id === COMPANY_A)!;
    project.updated_at = new Date().toISOString();
    const vendor = [...emulator.state.vendors.values()].find((v) => v.company_id === COMPANY_A && v.is_active && emulator.state.directories.get(project.id)?.has(v.id))!;
    vendor.updated_at = new Date().toISOString();
    const contract = [...emulator.state.commitments.values()].find((c) => c.project_id === project.id && c.kind === 'work_order' && c.deleted_at === null)!;
    contract.updated_at = new Date().toISOString();
    const ids = async (path: string) => ((await (await api(emulator, admin, path)).json()) as { id: number }[]).map((r) => r.id);
    expect(await ids(`/rest/v1.0/projects?company_id=${COMPANY_A}&${range}`)).toEqual([project.id]);
    expect(await ids(`/rest/v1.0/vendors?company_id=${COMPANY_A}&${range}`)).toEqual([vendor.id]);
    expect(await ids(`/rest/v1.0/work_order_contracts?project_id=${project.id}&${range}`)).toEqual([contract.id]);
    expect((await ids(`/rest/v1.0/projects/${project.id}/vendors?per_page=1000&${range}`)).length).toBe(emulator.state.directories.get(project.id)!.size);
  });

  it('serves the company me record with the insurance manager flag', async () => {
    const me = await (await api(emulator, compliance, `/rest/v1.0/companies/${COMPANY_A}/me`)).json();
    expect(me).toMatchObject({ id: USER_COMPLIANCE, is_insurance_manager: true, company_permission_template_id: expect.any(Number) as number });
  });

  it('serves project directories, users, permissions, templates and commitments', async () => {
    const vendors = await api(emulator, admin, '/rest/v1.1/projects/2783001/vendors');
    expect(Number(vendors.headers.get('total'))).toBeGreaterThanOrEqual(30);
    const users = (await (await api(emulator, admin, '/rest/v1.0/projects/2783001/users')).json()) as { id: number }[];
    expect(users.map((u) => u.id)).toContain(USER_PM);
    const permissions = (await (await api(emulator, compliance, `/rest/v1.0/settings/permissions?company_id=${COMPANY_A}`)).json()) as { tools: { name: string }[] };
    expect(permissions.tools.map((t) => t.name)).toContain('directory');
    const templates = (await (await api(emulator, admin, `/rest/v1.0/companies/${COMPANY_A}/permission_templates`)).json()) as { name: string }[];
    expect(templates.map((t) => t.name)).toContain('Compliance Manager');
    const wos = (await (await api(emulator, admin, '/rest/v1.0/work_order_contracts?project_id=2783001')).json()) as { id: number; vendor: { company: string }; grand_total: string }[];
    expect(wos[0]?.vendor.company).toBeTruthy();
    expect(wos[0]?.grand_total).toMatch(/^\d+\.\d$/);
    const one = await api(emulator, admin, `/rest/v1.0/work_order_contracts/${wos[0]?.id}?project_id=2783001`);
    expect(one.status).toBe(200);
    const all = (await (await api(emulator, admin, '/rest/v1.0/commitments?project_id=2783001&per_page=100')).json()) as { status: string }[];
    expect(all.map((c) => c.status)).toContain('Void');
  });
});
