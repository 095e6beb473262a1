import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import {
  COMPANY_A,
  USER_ACCOUNTANT,
  USER_ADMIN,
  USER_COMPLIANCE,
  USER_PM,
  USER_READ_ONLY,
  USER_SECOND_COMPANY,
  USER_SUPERINTENDENT,
  templateId,
} from '../../scripts/procore-emulator/seed-people';
import type { Directory } from '../contracts/directory';
import type { Access, Action, ChangeResult, RolesView } from '../contracts/permissions';
import type { Session } from '../contracts/session';
import { createUploadLink } from '../portal/links';
import { evaluateRequest } from '../requirements/evaluate-request';
import { sampleExtraction } from '../requirements/int-helpers';

// Every route × every role through the real stack. Company A's Project Manager template is
// mapped to inviter and its Accountant template to no access; Alice is a Procore company admin,
// Carla an insurance manager, Rita (Read Only) gets the default; Ben is in another company.
// Every user of company A but Anna is on project 2783001.

let stack: Stack;
const tokens = new Map<number, string>();
const base = `/api/companies/${COMPANY_A}`;
const project = '2783001';
const pdf = Buffer.from('%PDF-1.4\n% stand-in\n');
const db = () => stack.database.db;

const people = [
  { id: USER_ADMIN, name: 'company admin', role: 'compliance_manager' },
  { id: USER_COMPLIANCE, name: 'insurance manager', role: 'compliance_manager' },
  { id: USER_PM, name: 'project manager (inviter)', role: 'inviter' },
  { id: USER_READ_ONLY, name: 'read only (default)', role: 'read_only' },
  { id: USER_ACCOUNTANT, name: 'accountant (no access)', role: 'no_access' },
  { id: USER_SECOND_COMPANY, name: 'user of another company', role: 'outsider' },
] as const;

async function call<T = unknown>(userId: number, path: string, method = 'GET', body?: unknown, contentType = 'application/json') {
  const res = await stack.api(tokens.get(userId)!, path, {
    method,
    headers: { 'content-type': contentType },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  const json = (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as { data: T; error?: { message: string } };
  return { status: res.status, data: json.data, message: json.error?.message ?? '' };
}

/** Project directory vendors (for project requests) and other company vendors (for global requests and request rows). */
let vendors: string[] = [];
let companyVendors: string[] = [];
const take = (list: string[]) => {
  const v = list.shift();
  if (!v) throw new Error('out of vendors');
  return v;
};

async function requestRow(status = 'pending', projectId: string | null = project): Promise<string> {
  const [row] = (await db()('coi_requests')
    .insert({ company_id: COMPANY_A, vendor_id: take(companyVendors), project_id: projectId, origin: projectId ? 'click' : 'global', status, recipient_email: `office-${randomUUID()}@vendor.example` })
    .returning('id')) as { id: string }[];
  return row!.id;
}

/** A request whose certificate was read and checked (deficient: the sample's policies have run out). */
async function checkedRequest(): Promise<{ requestId: string; documentId: string }> {
  const requestId = await requestRow('under_review');
  await createUploadLink(db(), stack.app.services.sealer, { companyId: String(COMPANY_A), requestId, ttlDays: 30 });
  const located = ['/policies/0/limits/eachOccurrence', '/policies/0/expirationDate', '/certificateHolder/name', '/insured/name'];
  const fields = Object.fromEntries(located.map((p, i) => [p, { page: 1, box: [400, 600 - 14 * i, 520, 610 - 14 * i] as [number, number, number, number], confidence: 1 }]));
  const [doc] = (await db()('documents')
    .insert({
      company_id: COMPANY_A, request_id: requestId, upload_id: randomUUID(), filename: 'coi.pdf', content_type: 'application/pdf', size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest(), bytes: pdf, read_status: 'read', extraction: JSON.stringify({ ...sampleExtraction(), fields }),
    })
    .returning('id')) as { id: string }[];
  await evaluateRequest(stack.app.services, requestId);
  return { requestId, documentId: doc!.id };
}

const set = { name: 'Matrix', lines: { general_liability: { minimums: { eachOccurrence: 1_000_000 } } } };
const commitments: string[] = [];

interface Route {
  name: string;
  action: Action | 'session';
  /** What an allowed user gets when it is not 200 (a rule of the domain, after authorization passed). */
  allowedStatus?: number;
  /** Builds a fresh target (a request to cancel, a set to remove) and returns method, path and body. */
  make(): Promise<{ method: string; path: string; body?: unknown; contentType?: string }>;
}

const reviewPath = async (suffix = '') => `${base}/requests/${(await checkedRequest()).requestId}/review${suffix}`;

const routes: Route[] = [
  { name: 'session with company and project', action: 'session', make: async () => ({ method: 'GET', path: `/api/session?companyId=${COMPANY_A}&projectId=${project}` }) },
  { name: 'company directory', action: 'directory.view', make: async () => ({ method: 'GET', path: `${base}/vendors` }) },
  { name: 'project directory', action: 'directory.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/vendors` }) },
  { name: 'project requests', action: 'requests.create', make: async () => ({ method: 'POST', path: `${base}/projects/${project}/requests`, body: { vendorIds: [take(vendors)] } }) },
  { name: 'global requests', action: 'requests.create', make: async () => ({ method: 'POST', path: `${base}/requests`, body: { vendorIds: [take(companyVendors)] } }) },
  { name: 'commitments to request', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/commitments` }) },
  { name: 'request a commitment', action: 'requests.create', make: async () => ({ method: 'POST', path: `${base}/projects/${project}/commitments/${commitments.shift() ?? '1'}/request`, body: {} }) },
  { name: 'request detail', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/requests/${await requestRow()}` }) },
  { name: 'cancel', action: 'requests.manage', make: async () => ({ method: 'POST', path: `${base}/requests/${await requestRow()}/cancel`, body: {} }) },
  { name: 'archive', action: 'requests.manage', make: async () => ({ method: 'POST', path: `${base}/requests/${await requestRow()}/archive`, body: {} }) },
  { name: 'unarchive', action: 'requests.manage', make: async () => ({ method: 'POST', path: `${base}/requests/${await requestRow('archived')}/unarchive`, body: {} }) },
  { name: 'delete', action: 'requests.delete', make: async () => ({ method: 'DELETE', path: `${base}/requests/${await requestRow()}`, body: { reason: 'sent by mistake' } }) },
  { name: 'read settings', action: 'settings.view', make: async () => ({ method: 'GET', path: `${base}/settings` }) },
  { name: 'change settings', action: 'settings.edit', make: async () => ({ method: 'PATCH', path: `${base}/settings`, body: { reminderEveryDays: 5 } }) },
  { name: 'change the renewal window and time zone', action: 'settings.edit', make: async () => ({ method: 'PATCH', path: `${base}/settings`, body: { renewalDays: 20, timeZone: 'America/Chicago' } }) },
  { name: 'automatic requests that did not happen', action: 'settings.view', make: async () => ({ method: 'GET', path: `${base}/settings/automatic-requests` }) },
  { name: 'service account state', action: 'settings.view', make: async () => ({ method: 'GET', path: `${base}/settings/procore-grant` }) },
  { name: 'connect the service account', action: 'serviceAccount.connect', make: async () => ({ method: 'PUT', path: `${base}/settings/procore-grant`, body: { kind: 'dmsa' } }) },
  { name: 'disconnect the service account', action: 'serviceAccount.connect', make: async () => ({ method: 'DELETE', path: `${base}/settings/procore-grant` }) },
  { name: 'company requirements', action: 'requirements.view', make: async () => ({ method: 'GET', path: `${base}/requirements` }) },
  { name: 'save company requirements', action: 'requirements.edit', make: async () => ({ method: 'PUT', path: `${base}/requirements`, body: set }) },
  { name: 'preview company requirements', action: 'requirements.edit', make: async () => ({ method: 'POST', path: `${base}/requirements/preview`, body: set }) },
  { name: 'project requirements', action: 'requirements.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/requirements` }) },
  { name: 'save project requirements', action: 'requirements.edit', make: async () => ({ method: 'PUT', path: `${base}/projects/${project}/requirements`, body: set }) },
  { name: 'preview project requirements', action: 'requirements.edit', make: async () => ({ method: 'POST', path: `${base}/projects/${project}/requirements/preview`, body: set }) },
  {
    name: 'remove project requirements',
    action: 'requirements.edit',
    make: async () => {
      if (!(await db()('requirement_sets').where({ company_id: COMPANY_A, project_id: project }).first())) {
        await db()('requirement_sets').insert({ company_id: COMPANY_A, project_id: project, body: JSON.stringify(set) });
      }
      return { method: 'DELETE', path: `${base}/projects/${project}/requirements` };
    },
  },
  { name: 'carrier table', action: 'carriers.view', make: async () => ({ method: 'GET', path: `${base}/carriers` }) },
  { name: 'import carriers', action: 'carriers.import', make: async () => ({ method: 'PUT', path: `${base}/carriers`, body: 'naic,carrier name,am best rating,fsc\n12044,Bayline,A-,VIII\n', contentType: 'text/csv' }) },
  { name: 'review', action: 'review.certificates', make: async () => ({ method: 'GET', path: await reviewPath() }) },
  { name: 'correct', action: 'review.certificates', make: async () => ({ method: 'POST', path: await reviewPath('/corrections'), body: { pointer: '/policies/0/limits/eachOccurrence', value: 2_000_000, reason: 'Broker confirmed' } }) },
  { name: 'approve', action: 'review.certificates', make: async () => ({ method: 'POST', path: await reviewPath('/approve'), body: { reason: 'Owner accepted', until: '2099-01-01' } }) },
  // The sample certificate is deficient: approving it as compliant is refused after authorization.
  { name: 'approve as compliant', action: 'review.certificates', allowedStatus: 409, make: async () => ({ method: 'POST', path: await reviewPath('/approve-compliant'), body: {} }) },
  {
    name: 'add a coverage line',
    action: 'review.certificates',
    make: async () => ({
      method: 'POST',
      path: await reviewPath('/lines'),
      body: { line: 'automobile_liability', effectiveDate: '2026-01-01', expirationDate: '2027-01-01', limits: { combinedSingleLimit: 1_000_000 }, reason: 'The reader missed it' },
    }),
  },
  { name: 'note', action: 'review.certificates', make: async () => ({ method: 'POST', path: await reviewPath('/note'), body: { message: 'Please renew.' } }) },
  { name: 'open a review full screen', action: 'review.certificates', make: async () => ({ method: 'POST', path: await reviewPath('/hand-off'), body: {} }) },
  { name: 'take the review opened from the panel', action: 'review.certificates', make: async () => ({ method: 'POST', path: `${base}/review-hand-off/take`, body: {} }) },
  { name: 'finish review', action: 'review.certificates', make: async () => ({ method: 'POST', path: await reviewPath('/finish'), body: {} }) },
  { name: 'certificate file', action: 'review.certificates', make: async () => ({ method: 'GET', path: `${base}/documents/${(await checkedRequest()).documentId}/file` }) },
  { name: 'company overview', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/overview` }) },
  { name: 'project overview', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/overview` }) },
  { name: 'company register', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/register` }) },
  { name: 'project register', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/register` }) },
  { name: 'register as CSV', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/register.csv` }) },
  { name: 'project register as Excel', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/register.xlsx` }) },
  { name: 'project report', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/report.pdf` }) },
  { name: 'pay-app holds', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/pay-app-holds` }) },
  { name: 'pay-app holds as CSV', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/pay-app-holds.csv` }) },
  { name: 'vendor history', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/vendors/${vendors[0] ?? companyVendors[0]}/history` }) },
  { name: 'review queue', action: 'review.certificates', make: async () => ({ method: 'GET', path: `${base}/review-queue` }) },
  { name: 'project review queue', action: 'review.certificates', make: async () => ({ method: 'GET', path: `${base}/projects/${project}/review-queue` }) },
  { name: 'my daily digest', action: 'requests.view', make: async () => ({ method: 'GET', path: `${base}/digest` }) },
  { name: 'opt in to the daily digest', action: 'requests.view', make: async () => ({ method: 'PUT', path: `${base}/digest`, body: { subscribed: true } }) },
  { name: 'SMS settings', action: 'settings.view', make: async () => ({ method: 'GET', path: `${base}/settings/sms` }) },
  { name: 'change SMS settings', action: 'settings.edit', make: async () => ({ method: 'PATCH', path: `${base}/settings/sms`, body: { enabled: false } }) },
  { name: "a sub's mobile", action: 'requests.manage', make: async () => ({ method: 'PUT', path: `${base}/requests/${await requestRow()}/mobile`, body: { mobile: '+14155550123' } }) },
  { name: 'users and roles', action: 'roles.manage', make: async () => ({ method: 'GET', path: `${base}/roles` }) },
  { name: 'map a template', action: 'roles.manage', make: async () => ({ method: 'PUT', path: `${base}/roles/templates/${templateId(COMPANY_A, 4)}`, body: { role: 'read_only' } }) },
  { name: 'override a role', action: 'roles.manage', make: async () => ({ method: 'PUT', path: `${base}/roles/users/${USER_SUPERINTENDENT}/override`, body: { role: 'inviter', reason: 'Runs the site paperwork' } }) },
  {
    name: 'remove an override',
    action: 'roles.manage',
    make: async () => {
      await db()('role_overrides').insert({ company_id: COMPANY_A, user_id: USER_SUPERINTENDENT, role: 'inviter', reason: 'seeded' }).onConflict(['company_id', 'user_id']).ignore();
      return { method: 'DELETE', path: `${base}/roles/users/${USER_SUPERINTENDENT}/override` };
    },
  },
];

// The issue's table, written out here rather than taken from the policy under test.
const reads: Action[] = ['directory.view', 'requests.view', 'requirements.view', 'carriers.view', 'settings.view'];
const may: Record<'compliance_manager' | 'inviter' | 'read_only' | 'no_access', readonly Action[] | 'all'> = {
  compliance_manager: 'all',
  inviter: [...reads, 'requests.create', 'requests.manage'],
  read_only: reads,
  no_access: [],
};

function expected(person: (typeof people)[number], route: Route): number {
  const { role } = person;
  if (role === 'outsider') return 404;
  if (route.action === 'session') return 200;
  // Connecting the service account is for compliance managers who are Procore company admins.
  if (route.action === 'serviceAccount.connect') return person.id === USER_ADMIN ? 200 : 403;
  const allowed = may[role];
  return allowed === 'all' || allowed.includes(route.action) ? (route.allowedStatus ?? 200) : 403;
}

beforeAll(async () => {
  stack = await startStack();
  for (const p of [...people, { id: USER_SUPERINTENDENT }]) tokens.set(p.id, await stack.signIn(p.id));
  // Everyone opens the app once, so the Users and roles screen lists them.
  for (const id of tokens.keys()) await call(id, `/api/session?companyId=${COMPANY_A}`);
  // The company's own set asks for general liability alone (the sample certificate's GL has run out: deficient).
  await db()('requirement_sets').insert({ company_id: COMPANY_A, project_id: null, body: JSON.stringify(set) });
  const map = (t: number, role: string) => call(USER_COMPLIANCE, `${base}/roles/templates/${templateId(COMPANY_A, t)}`, 'PUT', { role });
  expect((await map(1, 'inviter')).status).toBe(200);
  expect((await map(6, 'no_access')).status).toBe(200);
  const dir = await call<Directory>(USER_ADMIN, `${base}/projects/${project}/vendors`);
  const rows = await call<{ commitments: { commitmentId: string; emailValid: boolean }[] }>(USER_ADMIN, `${base}/projects/${project}/commitments`);
  commitments.push(...rows.data.commitments.filter((c) => c.emailValid).map((c) => c.commitmentId));
  const inCommitments = new Set((await db()('commitments').where({ project_id: project }).pluck('vendor_id')).map(String));
  vendors = dir.data.vendors.filter((v) => v.emailValid && !inCommitments.has(v.vendorId)).map((v) => v.vendorId);
  const company = await call<Directory>(USER_ADMIN, `${base}/vendors`);
  const onProject = new Set(dir.data.vendors.map((v) => v.vendorId));
  companyVendors = company.data.vendors.filter((v) => v.emailValid && !onProject.has(v.vendorId)).map((v) => v.vendorId);
}, 120_000);
afterAll(async () => stack?.close());

describe('every route × every role', () => {
  for (const route of routes) {
    it(`${route.name}: ${route.action}`, async () => {
      const answers: string[] = [];
      const wanted: string[] = [];
      for (const person of people) {
        const r = await route.make();
        const res = await call(person.id, r.path, r.method, r.body, r.contentType);
        answers.push(`${person.name}: ${res.status}${res.status >= 400 ? ` ${res.message}` : ''}`);
        wanted.push(`${person.name}: ${expected(person, route)}`);
      }
      expect(answers.map((a) => a.replace(/^(.*?: \d{3}).*$/, '$1'))).toEqual(wanted);
    });
  }
});

describe('projects', () => {
  it('needs the user on the project in Procore, except company admins; the mirrored copy is no exception', async () => {
    expect((await call(USER_ADMIN, `${base}/projects/2783002/vendors`)).status).toBe(200);
    const rita = await call(USER_READ_ONLY, `${base}/projects/2783002/vendors`);
    expect(rita.status).toBe(403);
    expect(rita.message).toBe('You are not on the project Oak Street Lofts in Procore. Ask the project\'s admin to add you to its directory.');
    const pete = await call(USER_PM, `${base}/projects/2783003/requests`, 'POST', { vendorIds: [vendors[0]] });
    expect(pete.status).toBe(403);
    expect((await call(USER_ADMIN, `${base}/projects/2783003/vendors`)).status).toBe(200);
    const elsewhere = await requestRow('pending', '2783003');
    expect((await call(USER_PM, `${base}/requests/${elsewhere}/cancel`, 'POST', {})).status).toBe(403);
    expect((await call(USER_PM, `${base}/requests/${elsewhere}`)).status).toBe(403);
    expect((await call(USER_ADMIN, `${base}/requests/${elsewhere}/cancel`, 'POST', {})).status).toBe(200);
    expect((await call(USER_PM, `${base}/projects/999999/vendors`)).status).toBe(404);
  });

  it('tells the panel what the user may do, and who to ask', async () => {
    const pete = (await call<Session>(USER_PM, `/api/session?companyId=${COMPANY_A}&projectId=2783003`)).data.access!;
    expect(pete).toMatchObject({ role: 'inviter', source: 'template', onProject: false, actions: [] });
    const here = (await call<Session>(USER_PM, `/api/session?companyId=${COMPANY_A}&projectId=${project}`)).data.access!;
    expect(here.actions).toContain('requests.create');
    expect(here.actions).not.toContain('requirements.edit');
    const anna = (await call<Session>(USER_ACCOUNTANT, `/api/session?companyId=${COMPANY_A}`)).data.access as Access;
    expect(anna).toMatchObject({ role: 'no_access', actions: [] });
    expect(anna.askWho).toBe('Ask Alice Morgan or Carla Nguyen (compliance managers) to change your role under Users and roles.');
    expect((await call<Session>(USER_PM, '/api/session')).data.access).toBeNull();
  });
});

describe('users and roles', () => {
  const view = async () => (await call<RolesView>(USER_COMPLIANCE, `${base}/roles`)).data;

  it("lists Procore's templates (company and project) and everyone who opened the app, with their role's source", async () => {
    const v = await view();
    expect(v.templates.find((t) => t.id === String(templateId(COMPANY_A, 1)))).toMatchObject({ name: 'Project Manager', scope: 'company', role: 'inviter', updatedBy: 'Carla Nguyen' });
    expect(v.templates.find((t) => t.name === "Owner's Representative")).toMatchObject({ scope: 'project', role: null });
    expect(v.templates.map((t) => t.name)).toEqual(expect.arrayContaining(['Superintendent', 'Accountant', 'Read Only', 'Company Admin']));
    const by = new Map(v.users.map((u) => [u.name, u]));
    expect(by.get('Alice Morgan')).toMatchObject({ role: 'compliance_manager', source: 'company_admin', isCompanyAdmin: true });
    expect(by.get('Carla Nguyen')).toMatchObject({ role: 'compliance_manager', source: 'default', templateName: 'Compliance Manager' });
    expect(by.get('Pete Alvarez')).toMatchObject({ role: 'inviter', source: 'template', templateName: 'Project Manager' });
    expect(by.get('Rita Okafor')).toMatchObject({ role: 'read_only', source: 'default' });
    expect(by.get('Anna Kowalski')).toMatchObject({ role: 'no_access', source: 'template' });
    expect(by.has('Ben Carter')).toBe(false);
  });

  it('applies an override on the next call, with its reason, and audits it', async () => {
    expect((await call(USER_READ_ONLY, `${base}/projects/${project}/requests`, 'POST', { vendorIds: [vendors[0]] })).status).toBe(403);
    const res = await call<ChangeResult>(USER_COMPLIANCE, `${base}/roles/users/${USER_READ_ONLY}/override`, 'PUT', { role: 'inviter', reason: 'Covers for Pete this month' });
    expect(res.status).toBe(200);
    expect(res.data.view.users.find((u) => u.name === 'Rita Okafor')).toMatchObject({ role: 'inviter', source: 'override', overrideReason: 'Covers for Pete this month' });
    expect((await call(USER_READ_ONLY, `${base}/projects/${project}/requests`, 'POST', { vendorIds: [take(vendors)] })).status).toBe(200);
    const audit = await db()('audit_events').where({ kind: 'role_override_set' }).orderBy('id', 'desc').first();
    expect(audit).toMatchObject({ actor_label: 'Carla Nguyen', data: { userName: 'Rita Okafor', from: null, to: 'inviter', reason: 'Covers for Pete this month' } });
    expect((await call(USER_COMPLIANCE, `${base}/roles/users/${USER_READ_ONLY}/override`, 'PUT', { role: 'inviter', reason: '' })).status).toBe(400);
    expect((await call(USER_COMPLIANCE, `${base}/roles/users/${USER_READ_ONLY}/override`, 'DELETE')).status).toBe(200);
    expect((await call(USER_READ_ONLY, `${base}/projects/${project}/requests`, 'POST', { vendorIds: [vendors[0]] })).status).toBe(403);
  });

  it('follows a template change in Procore once the cached role is a minute old', async () => {
    await fetch(`${stack.emulator.url}/__emulator/memberships`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: USER_READ_ONLY, company_id: COMPANY_A, permission_template_id: templateId(COMPANY_A, 1) }),
    });
    expect((await call<Session>(USER_READ_ONLY, `/api/session?companyId=${COMPANY_A}`)).data.access?.role).toBe('read_only');
    await db()('company_users').where({ user_id: USER_READ_ONLY }).update({ role_checked_at: new Date(Date.now() - 61_000) });
    expect((await call<Session>(USER_READ_ONLY, `/api/session?companyId=${COMPANY_A}`)).data.access).toMatchObject({ role: 'inviter', source: 'template' });
  });

  it('refuses templates Procore no longer has and users Procore removed, changing nothing', async () => {
    const gone = await call(USER_COMPLIANCE, `${base}/roles/templates/5509999`, 'PUT', { role: 'inviter' });
    expect(gone.status).toBe(404);
    expect(gone.message).toMatch(/^Procore has no permission template 5509999 in this company any more/);
    await fetch(`${stack.emulator.url}/__emulator/memberships`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: USER_SUPERINTENDENT, company_id: COMPANY_A, remove: true }),
    });
    await db()('role_overrides').where({ user_id: USER_SUPERINTENDENT }).delete();
    const removed = await call(USER_COMPLIANCE, `${base}/roles/users/${USER_SUPERINTENDENT}/override`, 'PUT', { role: 'inviter', reason: 'Runs the site paperwork' });
    expect(removed.status).toBe(404);
    expect(removed.message).toBe('Sam Ortiz is no longer in this company in Procore, so their role cannot be changed.');
    expect(await db()('role_overrides').where({ user_id: USER_SUPERINTENDENT })).toHaveLength(0);
    expect(await db()('role_mappings').where({ template_id: 5509999 })).toHaveLength(0);
  });

  it('lets two managers map at once: the last write wins, each is audited, and the replaced one is named', async () => {
    const template = templateId(COMPANY_A, 5);
    const before = await db()('audit_events').where({ kind: 'role_mapping_changed' }).count<{ count: string }[]>('* as count');
    const [a, b] = await Promise.all([
      call<ChangeResult>(USER_COMPLIANCE, `${base}/roles/templates/${template}`, 'PUT', { role: 'inviter', previous: null }),
      call<ChangeResult>(USER_ADMIN, `${base}/roles/templates/${template}`, 'PUT', { role: 'read_only', previous: null }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const notices = [a.data.notice, b.data.notice].filter(Boolean);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^(Carla Nguyen|Alice Morgan) had just changed Superintendent to (Inviter|Read-only); your choice replaced it\.$/);
    const last = await db()('audit_events').where({ kind: 'role_mapping_changed' }).orderBy('id', 'desc').first();
    const stored = await db()('role_mappings').where({ template_id: template }).first('role');
    expect(stored.role).toBe(last.data.to);
    const after = await db()('audit_events').where({ kind: 'role_mapping_changed' }).count<{ count: string }[]>('* as count');
    expect(Number(after[0]!.count) - Number(before[0]!.count)).toBe(2);
  });

  it('cannot lock itself out: company admins stay managers, and the last manager cannot be demoted', async () => {
    const admin = await call(USER_COMPLIANCE, `${base}/roles/users/${USER_ADMIN}/override`, 'PUT', { role: 'read_only', reason: 'test' });
    expect(admin.status).toBe(409);
    expect(admin.message).toBe('Alice Morgan is a Procore company admin; company admins are always compliance managers.');
    // Alice stops being a company admin in Procore: Carla is then the only compliance manager.
    await fetch(`${stack.emulator.url}/__emulator/memberships`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: USER_ADMIN, company_id: COMPANY_A, is_company_admin: false, permission_template_id: templateId(COMPANY_A, 3) }),
    });
    await db()('company_users').update({ role_checked_at: null });
    expect((await call<Session>(USER_ADMIN, `/api/session?companyId=${COMPANY_A}`)).data.access?.role).toBe('read_only');
    const self = await call(USER_COMPLIANCE, `${base}/roles/users/${USER_COMPLIANCE}/override`, 'PUT', { role: 'read_only', reason: 'stepping down' });
    expect(self.status).toBe(409);
    expect(self.message).toMatch(/without a compliance manager/);
    const mapping = await call(USER_COMPLIANCE, `${base}/roles/templates/${templateId(COMPANY_A, 2)}`, 'PUT', { role: 'inviter' });
    expect(mapping.status).toBe(409);
    expect(await db()('role_overrides').where({ user_id: USER_COMPLIANCE })).toHaveLength(0);
    expect(await db()('role_mappings').where({ template_id: templateId(COMPANY_A, 2) })).toHaveLength(0);
  });
});
