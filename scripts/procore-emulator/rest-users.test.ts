import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from './index';
import { COMPANY_A, USER_ADMIN, USER_PM, USER_READ_ONLY, USER_SUPERINTENDENT, templateId } from './seed-people';
import { api, signIn, start } from './test-helpers';

// Company users, project users and template assignments (procore-platform.md sections 3 and 6).

let emulator: Emulator;
let admin: string;
let pm: string;
beforeAll(async () => {
  emulator = await start({ maxPerPage: { users: 2 } });
  admin = (await signIn(emulator, USER_ADMIN)).access_token;
  pm = (await signIn(emulator, USER_PM)).access_token;
});
afterAll(() => emulator.close());

const assign = (token: string, projectId: number, body: unknown) =>
  api(emulator, token, `/rest/v1.0/projects/${projectId}/permission_template_assignments`, { method: 'PATCH', json: body });

describe('users and templates', () => {
  it('pages company users and shows one, 404 for someone outside the company', async () => {
    const first = await api(emulator, admin, `/rest/v1.3/companies/${COMPANY_A}/users?per_page=50`);
    expect(first.headers.get('per-page')).toBe('2');
    expect(Number(first.headers.get('total'))).toBeGreaterThanOrEqual(6);
    expect(first.headers.get('link')).toContain('rel="next"');
    const sam = (await (await api(emulator, admin, `/rest/v1.3/companies/${COMPANY_A}/users/${USER_SUPERINTENDENT}`)).json()) as Record<string, unknown>;
    expect(sam).toMatchObject({ name: 'Sam Ortiz', company_permission_template_id: templateId(COMPANY_A, 5), permission_template: { name: 'Superintendent' } });
    expect((await api(emulator, admin, `/rest/v1.3/companies/${COMPANY_A}/users/10861099`)).status).toBe(404);
  });

  it('finds a project user only on their projects (admins on all), and hides the project from others', async () => {
    expect((await api(emulator, admin, `/rest/v1.0/projects/2783001/users/${USER_READ_ONLY}`)).status).toBe(200);
    expect((await api(emulator, admin, `/rest/v1.0/projects/2783002/users/${USER_READ_ONLY}`)).status).toBe(404);
    expect((await api(emulator, admin, `/rest/v1.0/projects/2783003/users/${USER_ADMIN}`)).status).toBe(200);
    expect((await api(emulator, pm, `/rest/v1.0/projects/2783003/users/${USER_PM}`)).status).toBe(403);
  });

  it("lists a project's templates with its own, and assigns one (admins only) without touching the company template", async () => {
    const templates = (await (await api(emulator, admin, '/rest/v1.0/projects/2783001/permission_templates')).json()) as { name: string; project_specific: boolean; type: string }[];
    expect(templates.find((t) => t.project_specific)).toMatchObject({ name: "Owner's Representative", type: 'project_specific' });
    const other = (await (await api(emulator, admin, '/rest/v1.0/projects/2783002/permission_templates')).json()) as { project_specific: boolean }[];
    expect(other.some((t) => t.project_specific)).toBe(false);

    const own = templateId(COMPANY_A, 9);
    expect((await assign(pm, 2783001, { permission_template_assignments: { user_id: USER_READ_ONLY, permission_template_id: own } })).status).toBe(403);
    expect((await assign(admin, 2783001, { permission_template_assignments: { user_id: USER_READ_ONLY } })).status).toBe(400);
    expect((await assign(admin, 2783002, { permission_template_assignments: { user_id: USER_READ_ONLY, permission_template_id: templateId(COMPANY_A, 1) } })).status).toBe(404);
    expect((await assign(admin, 2783002, { permission_template_assignments: { user_id: USER_PM, permission_template_id: own } })).status).toBe(422);
    const done = await assign(admin, 2783001, { permission_template_assignments: { user_id: USER_READ_ONLY, permission_template_id: own } });
    expect(done.status).toBe(200);
    const onProject = (await (await api(emulator, admin, `/rest/v1.0/projects/2783001/users/${USER_READ_ONLY}`)).json()) as Record<string, unknown>;
    expect(onProject).toMatchObject({ permission_template: { id: own }, company_permission_template_id: templateId(COMPANY_A, 3) });
  });
});
