import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RolesView } from '../../../server/contracts/permissions';
import { fakeApi, failure, ok, renderWithClient } from '../testing/fakeApi';
import UsersAndRoles from './UsersAndRoles';

const path = '/api/companies/42/roles';
const view: RolesView = {
  templates: [
    { id: '11', name: 'Project Manager', scope: 'company', category: 'internal', role: null, updatedBy: null, updatedAt: null },
    { id: '19', name: "Owner's Representative", scope: 'project', category: 'external', role: 'read_only', updatedBy: 'Carla Nguyen', updatedAt: '2026-12-01T10:00:00Z' },
  ],
  users: [
    { id: '1', name: 'Alice Morgan', login: 'alice@x.example', templateName: 'Company Admin', isCompanyAdmin: true, role: 'compliance_manager', source: 'company_admin', overrideReason: null },
    { id: '2', name: 'Pete Alvarez', login: 'pete@x.example', templateName: 'Project Manager', isCompanyAdmin: false, role: 'read_only', source: 'default', overrideReason: null },
    { id: '4', name: 'Rita Okafor', login: 'rita@x.example', templateName: 'Read Only', isCompanyAdmin: false, role: 'inviter', source: 'override', overrideReason: 'Covers for Pete' },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openScreen() {
  renderWithClient(<UsersAndRoles companyId="42" onClose={() => undefined} />);
  const dialog = await screen.findByRole('dialog', { name: 'Users and roles' });
  await within(dialog).findByRole('table', { name: 'Procore permission templates' });
  return dialog;
}

// Rendering core-react tables in jsdom is slow on a busy machine: allow it time.
describe('Users and roles', { timeout: 20_000 }, () => {
  it("lists Procore's templates with their roles and the people with role and source, searchable", async () => {
    fakeApi({ [`GET ${path}`]: [ok(view)] });
    const user = userEvent.setup();
    const dialog = await openScreen();
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Role for Project Manager' }).value).toBe('');
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: "Role for Owner's Representative" }).value).toBe('read_only');
    const people = within(dialog).getByRole('table', { name: 'People who opened COI Compliance' });
    expect(within(people).getByText('Covers for Pete')).toBeTruthy();
    expect(within(people).getByText('Always a compliance manager')).toBeTruthy();
    expect(within(people).queryByRole('button', { name: "Override Alice Morgan's role" })).toBeNull();
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search people' }), 'rita');
    expect(within(people).queryByText('Pete Alvarez')).toBeNull();
    expect(within(people).getByText('Rita Okafor')).toBeTruthy();
  });

  it('maps a template, sending the role the manager saw, and shows who it replaced', async () => {
    const mapped: RolesView = { ...view, templates: [{ ...view.templates[0]!, role: 'inviter', updatedBy: 'Alice Morgan' }, view.templates[1]!] };
    const notice = 'Alice Morgan had just changed Project Manager to Read-only; your choice replaced it.';
    const api = fakeApi({ [`GET ${path}`]: [ok(view)], [`PUT ${path}/templates/11`]: [ok({ view: mapped, notice })] });
    const user = userEvent.setup();
    const dialog = await openScreen();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Role for Project Manager' }), 'inviter');
    expect(await within(dialog).findByText(notice)).toBeTruthy();
    expect(api.callsTo('PUT', `${path}/templates/11`)[0]?.body).toEqual({ role: 'inviter', previous: null });
  });

  it('overrides a role only with a reason, and shows a refusal plainly', async () => {
    const api = fakeApi({
      [`GET ${path}`]: [ok(view)],
      [`PUT ${path}/users/2/override`]: [failure(409, 'conflict', 'This change would leave COI Compliance without a compliance manager. Give someone else the compliance manager role first.')],
    });
    const user = userEvent.setup();
    const dialog = await openScreen();
    await user.click(within(dialog).getByRole('button', { name: "Override Pete Alvarez's role" }));
    const form = within(dialog).getByRole('form', { name: 'Override for Pete Alvarez' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'New role for Pete Alvarez' }), 'no_access');
    const save = within(form).getByRole<HTMLButtonElement>('button', { name: 'Save override' });
    expect(save.disabled).toBe(true);
    await user.type(within(form).getByRole('textbox', { name: "Reason for Pete Alvarez's override" }), 'Left the project');
    await user.click(save);
    expect(await within(dialog).findByText(/without a compliance manager/)).toBeTruthy();
    expect(api.callsTo('PUT', `${path}/users/2/override`)[0]?.body).toEqual({ role: 'no_access', reason: 'Left the project' });
  });
});
