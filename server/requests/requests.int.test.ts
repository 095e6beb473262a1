import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { waitFor } from '../../test/wait';
import { COMPANY_A, USER_ADMIN, USER_COMPLIANCE, USER_PM, USER_SECOND_COMPANY } from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { CreateRequestsResult, RequestDetail } from '../contracts/requests';

let stack: Stack;
let admin: string;
let directory: Directory;
const projectId = 2783001;
const base = `/api/companies/${COMPANY_A}`;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.signIn(USER_ADMIN);
  directory = ((await (await stack.api(admin, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data;
});
afterAll(async () => stack?.close());

const post = (token: string, path: string, body: unknown) => stack.api(token, path, { method: 'POST', body: JSON.stringify(body) });
const withEmail = () => directory.vendors.filter((v) => v.emailValid);

describe('project requests', () => {
  it('creates Pending requests and emails each primary contact a personal upload link', async () => {
    const picked = withEmail().slice(0, 3);
    const res = await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: picked.map((v) => v.vendorId) });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: CreateRequestsResult };
    expect(data.created.map((r) => r.vendorId).sort()).toEqual(picked.map((v) => v.vendorId).sort());
    expect(data.created.every((r) => r.status === 'pending' && r.origin === 'click' && r.projectName === 'Riverside Medical Center')).toBe(true);

    const mails = await waitFor(() => {
      const m = stack.mail.messages().filter((x) => picked.some((v) => x.to.includes(v.email!)));
      return m.length === 3 ? m : null;
    }, 20_000, 'three request emails');
    for (const m of mails) {
      expect(m.subject).toContain('Summit Ridge Builders');
      expect(m.subject).toContain('Riverside Medical Center');
      expect(m.from).toContain('Summit Ridge Builders');
      expect(m.text).toMatch(new RegExp(`${stack.app.url}/portal/[A-Za-z0-9_-]{43}`));
      expect(m.html).toContain('/portal/');
    }
    const links = mails.map((m) => /\/portal\/([A-Za-z0-9_-]{43})/.exec(m.text)![1]);
    expect(new Set(links).size).toBe(3);
    const stored = await stack.database.db('upload_links').select('token_hash', 'token_enc');
    for (const l of links) expect(JSON.stringify(stored)).not.toContain(l);

    const after = ((await (await stack.api(admin, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data;
    for (const v of picked) expect(after.vendors.find((r) => r.vendorId === v.vendorId)?.status).toBe('pending');

    const detail = ((await (await stack.api(admin, `${base}/requests/${data.created[0]!.id}`)).json()) as { data: RequestDetail }).data;
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds).toContain('requested');
    await waitFor(async () => {
      const d = ((await (await stack.api(admin, `${base}/requests/${data.created[0]!.id}`)).json()) as { data: RequestDetail }).data;
      return d.timeline.some((e) => e.kind === 'email_sent');
    }, 10_000, 'email_sent event');
    expect(detail.timeline[0]!.actor).toBe('Alice Morgan');
  });

  it('never creates a second open request or a second email, even for racing clicks', async () => {
    const picked = withEmail().slice(3, 5).map((v) => v.vendorId);
    const results = await Promise.all([1, 2, 3].map(() => post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: picked })));
    const bodies = await Promise.all(results.map(async (r) => ((await r.json()) as { data: CreateRequestsResult }).data));
    expect(bodies.reduce((n, b) => n + b.created.length, 0)).toBe(2);
    expect(bodies.flatMap((b) => b.skipped).every((s) => s.reason === 'already_requested')).toBe(true);
    const rows = await stack.database.db('coi_requests').whereIn('vendor_id', picked).where({ project_id: projectId });
    expect(rows).toHaveLength(2);
    const emails = await stack.database.db('emails').whereIn('request_id', rows.map((r) => r.id));
    expect(emails).toHaveLength(2);
  });

  it('refuses companies outside the project directory and empty selections, changing nothing', async () => {
    const before = await stack.database.db('coi_requests').count<{ count: string }[]>('* as count');
    const outsider = [...stack.emulator.state.vendors.values()].find((v) => v.company_id === COMPANY_A && !stack.emulator.state.directories.get(projectId)!.has(v.id))!;
    const res = await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: [withEmail()[6]!.vendorId, String(outsider.id)] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(String(outsider.id));
    const empty = await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: [] });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/at least one/);
    const bad = await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: ['abc'] });
    expect(bad.status).toBe(400);
    expect(await stack.database.db('coi_requests').count<{ count: string }[]>('* as count')).toEqual(before);
  });

  it('skips a company without a valid email until the dialog fixes it, and remembers the fix', async () => {
    const broken = directory.vendors.find((v) => !v.emailValid)!;
    const first = ((await (await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: [broken.vendorId] })).json()) as { data: CreateRequestsResult }).data;
    expect(first.created).toHaveLength(0);
    expect(first.skipped[0]!.reason).toMatch(/missing_email|invalid_email/);
    const bad = await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: [broken.vendorId], emails: { [broken.vendorId]: 'not-an-email' } });
    expect(bad.status).toBe(400);
    const fixed = ((await (await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: [broken.vendorId], emails: { [broken.vendorId]: 'Fixed@Example.com' } })).json()) as { data: CreateRequestsResult }).data;
    expect(fixed.created[0]!.recipientEmail).toBe('fixed@example.com');
    await stack.database.db('directory_syncs').delete();
    const again = ((await (await stack.api(admin, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data;
    expect(again.vendors.find((v) => v.vendorId === broken.vendorId)?.email).toBe('fixed@example.com');
  });
});

describe('global requests and request life', () => {
  it('a global request shows on every project of the vendor until a project has its own', async () => {
    const v = withEmail()[8]!;
    const res = await post(admin, `${base}/requests`, { vendorIds: [v.vendorId] });
    const { data } = (await res.json()) as { data: CreateRequestsResult };
    expect(data.created[0]).toMatchObject({ projectId: null, origin: 'global', status: 'pending' });
    const row = ((await (await stack.api(admin, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data.vendors.find((r) => r.vendorId === v.vendorId)!;
    expect(row).toMatchObject({ status: 'pending', requestScope: 'global' });
    const company = ((await (await stack.api(admin, `${base}/vendors`)).json()) as { data: Directory }).data.vendors.find((r) => r.vendorId === v.vendorId)!;
    expect(company.status).toBe('pending');
  });

  it('cancels a Pending request (its link dies), archives, and lets only compliance managers delete', async () => {
    const [a, b] = withEmail().slice(10, 12);
    const { data } = (await (await post(admin, `${base}/projects/${projectId}/requests`, { vendorIds: [a!.vendorId, b!.vendorId] })).json()) as { data: CreateRequestsResult };
    const ra = data.created.find((r) => r.vendorId === a!.vendorId)!;
    const rb = data.created.find((r) => r.vendorId === b!.vendorId)!;
    const cancelled = await post(admin, `${base}/requests/${ra.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { data: { status: string } }).data.status).toBe('cancelled');
    expect(await stack.database.db('upload_links').where({ request_id: ra.id }).whereNull('revoked_at')).toHaveLength(0);
    expect((await post(admin, `${base}/requests/${ra.id}/cancel`, {})).status).toBe(409);
    const row = ((await (await stack.api(admin, `${base}/projects/${projectId}/vendors`)).json()) as { data: Directory }).data.vendors.find((r) => r.vendorId === a!.vendorId)!;
    expect(row.status).toBe('not_requested');

    expect((await post(admin, `${base}/requests/${rb.id}/archive`, {})).status).toBe(200);
    // Procore's Project Manager template is unmapped: read-only, who may not delete.
    const pm = await stack.signIn(USER_PM);
    const del = await stack.api(pm, `${base}/requests/${rb.id}`, { method: 'DELETE', body: JSON.stringify({ reason: 'sent by mistake' }) });
    expect(del.status).toBe(403);
    const manager = await stack.signIn(USER_COMPLIANCE);
    const ok = await stack.api(manager, `${base}/requests/${rb.id}`, { method: 'DELETE', body: JSON.stringify({ reason: 'sent by mistake' }) });
    expect(ok.status).toBe(200);
    const audit = await stack.database.db('request_events').where({ request_id: rb.id, kind: 'deleted' }).first();
    expect(audit).toMatchObject({ actor_label: 'Carla Nguyen' });
    expect(audit.data).toEqual({ reason: 'sent by mistake' });
  });

  it("gives another company's user a 404 for this company's request", async () => {
    const id = (await stack.database.db('coi_requests').where({ company_id: COMPANY_A }).first('id')).id;
    const outsider = await stack.signIn(USER_SECOND_COMPANY);
    expect((await stack.api(outsider, `${base}/requests/${id}`)).status).toBe(404);
    expect((await post(outsider, `${base}/requests/${id}/archive`, {})).status).toBe(404);
  });
});

describe('commitments', () => {
  it('lists vendors with a commitment and no request, newest first, and requests one with a click', async () => {
    const res = await stack.api(admin, `${base}/projects/${projectId}/commitments`);
    expect(res.status).toBe(200);
    const rows = ((await res.json()) as { data: { commitments: { commitmentId: string; status: string; vendorId: string; emailValid: boolean; createdAt: string | null }[] } }).data.commitments;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status !== 'Void')).toBe(true);
    const dates = rows.map((r) => r.createdAt ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const target = rows.find((r) => r.emailValid)!;
    const made = ((await (await post(admin, `${base}/projects/${projectId}/commitments/${target.commitmentId}/request`, {})).json()) as { data: CreateRequestsResult }).data;
    expect(made.created[0]).toMatchObject({ origin: 'commitment', vendorId: target.vendorId });
    const after = ((await (await stack.api(admin, `${base}/projects/${projectId}/commitments`)).json()) as { data: { commitments: { vendorId: string }[] } }).data.commitments;
    expect(after.some((r) => r.vendorId === target.vendorId)).toBe(false);
  });

  it('requests the vendor of a new commitment automatically, once, when the company turned it on', async () => {
    const readOnly = await stack.api(await stack.signIn(USER_PM), `${base}/settings`, { method: 'PATCH', body: JSON.stringify({ autoRequestCommitments: true }) });
    expect(readOnly.status).toBe(403);
    const manager = await stack.signIn(USER_COMPLIANCE);
    const on = await stack.api(manager, `${base}/settings`, { method: 'PATCH', body: JSON.stringify({ autoRequestCommitments: true }) });
    expect(on.status).toBe(200);
    // Background work uses the company's service grant: the manager who turned it on may sign out.
    expect((await stack.api(admin, `${base}/settings/procore-grant`, { method: 'PUT', body: JSON.stringify({ kind: 'dmsa' }) })).status).toBe(200);
    await stack.database.db('procore_grants').where({ user_id: USER_COMPLIANCE }).delete();
    const requested = new Set((await stack.database.db('coi_requests').pluck('vendor_id')).map(String));
    const vendor = withEmail().find((v) => !requested.has(v.vendorId))!;
    const created = await fetch(`${stack.emulator.url}/__emulator/commitments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ project_id: projectId, vendor_id: Number(vendor.vendorId), kind: 'work_order', title: 'Automatic test', grand_total: 125000 }),
    });
    expect(created.status).toBeLessThan(300);
    const request = await waitFor(() => stack.database.db('coi_requests').where({ vendor_id: vendor.vendorId, project_id: projectId, origin: 'automatic' }).first(), 20_000, 'automatic request');
    expect(request.status).toBe('pending');
    const event = await stack.database.db('request_events').where({ request_id: request.id, kind: 'requested' }).first();
    expect(event.actor_label).toMatch(/Automatic/);
    await waitFor(() => stack.mail.messages().some((m) => m.to.includes(vendor.email!)), 20_000, 'automatic request email');
    expect(await stack.database.db('coi_requests').where({ vendor_id: vendor.vendorId, project_id: projectId })).toHaveLength(1);
  });

  it('requests a vendor added to a project directory, once; says why when it cannot; ignores our own additions', async () => {
    const manager = await stack.signIn(USER_COMPLIANCE);
    expect((await stack.api(manager, `${base}/settings`, { method: 'PATCH', body: JSON.stringify({ autoRequestProjectVendors: true }) })).status).toBe(200);
    const hook = [...stack.emulator.state.hooks.values()].find((h) => h.owned_by_company_id === COMPANY_A)!;
    expect(hook.triggers.filter((t) => t.resource_name === 'Project Vendors' && t.event_type === 'create')).toHaveLength(1);
    const addVendor = async (body: Record<string, unknown>) => {
      const res = await fetch(`${stack.emulator.url}/__emulator/vendors`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ company_id: COMPANY_A, ...body }) });
      expect(res.status).toBe(201);
      return String(((await res.json()) as { id: number }).id);
    };

    const joined = await addVendor({ project_id: projectId, name: 'Keystone Scaffolding', email: 'office@keystone-scaffold.example' });
    const request = await waitFor(() => stack.database.db('coi_requests').where({ vendor_id: joined, project_id: projectId, origin: 'automatic' }).first(), 20_000, 'request for the joined vendor');
    expect(request.status).toBe('pending');
    const event = await stack.database.db('request_events').where({ request_id: request.id, kind: 'requested' }).first();
    expect(event.actor_label).toBe('Automatic (vendor added to the project in Procore)');
    await waitFor(() => stack.mail.messages().some((m) => m.to.includes('office@keystone-scaffold.example') && m.subject.includes('Riverside Medical Center')), 20_000, 'request email');
    // A commitment for the same vendor later finds the request already open.
    const commitment = await fetch(`${stack.emulator.url}/__emulator/commitments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ project_id: projectId, vendor_id: Number(joined), kind: 'work_order' }) });
    const commitmentId = ((await commitment.json()) as { id: number }).id;
    await waitFor(() => stack.database.db('webhook_events').where({ resource_id: commitmentId }).whereNotNull('processed_at').first(), 20_000, 'commitment event processed');
    expect(await stack.database.db('coi_requests').where({ vendor_id: joined })).toHaveLength(1);

    const noEmail = await addVendor({ project_id: projectId, name: 'Quiet Creek Masonry' });
    const problems = await waitFor(async () => {
      const res = await stack.api(manager, `${base}/settings/automatic-requests`);
      const body = (await res.json()) as { data: { problems: { message: string; projectName: string | null }[] } };
      return body.data.problems.length ? body.data.problems : null;
    }, 20_000, 'the reason it was not requested');
    expect(problems[0]).toEqual(expect.objectContaining({ projectName: 'Riverside Medical Center', message: 'Not requested: Quiet Creek Masonry has no email address; add one to request.' }));
    expect(await stack.database.db('coi_requests').where({ vendor_id: noEmail })).toHaveLength(0);

    // A vendor our own app adds to a project (events carry our client id) is not requested.
    const ours = await addVendor({ name: 'Ledger Line Electric', email: 'bids@ledgerline.example' });
    const token = (await (await fetch(`${stack.emulator.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'test-client', client_secret: 'test-secret' }) })).json()) as { access_token: string };
    const added = await fetch(`${stack.emulator.url}/rest/v1.0/projects/${projectId}/vendors/${ours}/actions/add`, { method: 'POST', headers: { authorization: `Bearer ${token.access_token}`, 'procore-company-id': String(COMPANY_A) } });
    expect(added.status).toBe(200);
    await waitFor(() => stack.emulator.state.deliveries.some((d) => d.payload.resource_id === Number(ours) && d.payload.resource_name === 'Project Vendors' && d.status === 'successful'), 20_000, 'delivery of our own addition');
    expect(await stack.database.db('webhook_events').where({ resource_id: ours, resource_name: 'Project Vendors' })).toHaveLength(0);
    expect(await stack.database.db('coi_requests').where({ vendor_id: ours })).toHaveLength(0);
  });

  it('keeps a renewal window and an IANA time zone, and refuses a name that is not a time zone', async () => {
    const manager = await stack.signIn(USER_COMPLIANCE);
    const patch = (body: unknown) => stack.api(manager, `${base}/settings`, { method: 'PATCH', body: JSON.stringify(body) });
    const bad = await patch({ renewalDays: 45, timeZone: 'Eastern Time' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('must be a time zone name such as America/New_York');
    expect((await stack.database.db('company_settings').where({ company_id: COMPANY_A }).first('renewal_days', 'time_zone'))).toEqual({ renewal_days: 30, time_zone: 'America/New_York' });
    const good = await patch({ renewalDays: 45, timeZone: 'America/Denver' });
    expect(((await good.json()) as { data: { renewalDays: number; timeZone: string } }).data).toMatchObject({ renewalDays: 45, timeZone: 'America/Denver' });
  });
});
