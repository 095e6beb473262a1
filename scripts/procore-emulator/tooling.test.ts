import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index';
import { COMPANY_A, USER_ADMIN } from './seed-people';
import { api, signIn, start } from './test-helpers';
import type { MailItem } from './types';

const mails: MailItem[] = [
  { to: ['old@example.com'], cc: [], from: 'app@example.com', subject: 'Older', text: 'old', html: '', date: '2025-01-01T00:00:00.000Z' },
  { to: ['sub@example.com'], cc: ['pm@example.com'], from: 'app@example.com', subject: 'Please upload your COI', text: 'x', html: '<p><a href="http://localhost:3999/upload/abc">Upload</a></p>', date: '2025-02-01T00:00:00.000Z' },
];

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start({ mail: () => mails });
});
afterAll(() => emulator.close());

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${emulator.url}/__emulator${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('__emulator tooling', () => {
  it('summarises the seeded state', async () => {
    const state = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as {
      companies: { id: number; installed: boolean; vendors: number }[]; projects: unknown[]; users: unknown[]; commitments: unknown[]; sample_vendors: unknown[];
    };
    expect(state.companies).toHaveLength(3);
    expect(state.companies.filter((c) => !c.installed)).toHaveLength(1);
    expect(state.companies[0]).toMatchObject({ id: COMPANY_A, vendors: 300 });
    expect(state.projects.length).toBeGreaterThanOrEqual(5);
    expect(state.users.length).toBeGreaterThanOrEqual(5);
    expect(state.commitments.length).toBeGreaterThan(10);
    expect(state.sample_vendors.length).toBeGreaterThan(0);
  });

  it('creates vendors (optionally into a project directory) and validates input', async () => {
    const created = await post('/vendors', { company_id: COMPANY_A, project_id: 2783002, name: 'Tooling Drywall Co.', trade: 'Drywall', email: 'est@tooling.example.com' });
    expect(created.status).toBe(201);
    const vendor = (await created.json()) as { id: number };
    expect(emulator.state.directories.get(2783002)?.has(vendor.id)).toBe(true);
    const token = (await signIn(emulator, USER_ADMIN)).access_token;
    const read = await (await api(emulator, token, `/rest/v1.0/vendors/${vendor.id}?company_id=${COMPANY_A}`)).json();
    expect(read).toMatchObject({ name: 'Tooling Drywall Co.', trades: [{ name: 'Drywall' }], project_ids: [2783002], email_address: 'est@tooling.example.com' });

    const missing = await post('/vendors', { company_id: COMPANY_A });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'Invalid vendor', details: { name: expect.any(Array) as unknown[] } });
    expect((await post('/vendors', { company_id: 1, name: 'X' })).status).toBe(400);
    expect((await post('/vendors', { company_id: COMPANY_A, project_id: 2783004, name: 'X' })).status).toBe(400);
    expect((await post('/vendors', { company_id: COMPANY_A, name: 'X', trade: 'Juggling' })).status).toBe(400);
  });

  it('creates commitments and validates input', async () => {
    const vendorId = [...(emulator.state.directories.get(2783001) ?? [])][1];
    const created = await post('/commitments', { project_id: 2783001, vendor_id: vendorId, kind: 'purchase_order', title: 'Rebar', grand_total: 5000, status: 'Approved' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ kind: 'purchase_order', title: 'Rebar', grand_total: '5000.0', status: 'Approved', executed: true });
    expect((await post('/commitments', { project_id: 2783001, vendor_id: vendorId, kind: 'lease' })).status).toBe(400);
    expect((await post('/commitments', { project_id: 2783004, vendor_id: vendorId, kind: 'work_order' })).status).toBe(400);
  });

  it('lists mail newest first and renders the mailbox with clickable links', async () => {
    const list = (await (await fetch(`${emulator.url}/__emulator/mail`)).json()) as MailItem[];
    expect(list.map((m) => m.subject)).toEqual(['Please upload your COI', 'Older']);
    const html = await (await fetch(`${emulator.url}/__emulator/mailbox`)).text();
    expect(html).toContain('Please upload your COI');
    expect(html).toContain('pm@example.com');
    expect(html).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(html).toContain('&lt;a href=&quot;http://localhost:3999/upload/abc&quot;&gt;');
  });

  it('injects faults for the next matching requests', async () => {
    const token = (await signIn(emulator, USER_ADMIN)).access_token;
    expect((await post('/faults', { path_prefix: 'rest', status: 503 })).status).toBe(400);
    expect((await post('/faults', { path_prefix: '/rest/v1.0/projects', status: 503, count: 2, retry_after: 3 })).status).toBe(201);
    const first = await api(emulator, token, `/rest/v1.0/projects?company_id=${COMPANY_A}`);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await api(emulator, token, `/rest/v1.0/projects?company_id=${COMPANY_A}`)).status).toBe(503);
    expect((await api(emulator, token, `/rest/v1.0/projects?company_id=${COMPANY_A}`)).status).toBe(200);
  });
});
