import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CompanySettings } from '../../../server/contracts/requests';
import { fakeApi, failure, ok, renderWithClient } from '../testing/fakeApi';
import SettingsDialog from './SettingsDialog';

const path = '/api/companies/42/settings';
const saved: CompanySettings = { autoRequestCommitments: false, autoRequestProjectVendors: false, reminderDays: [3, 7, 14], reminderEveryDays: 7, linkTtlDays: 30, renewalDays: 30, timeZone: 'America/New_York' };
const autoLabel = 'Request a COI automatically when a commitment is created in Procore';
const joinLabel = 'Request a COI automatically when a vendor is added to a project in Procore';
const problemsPath = `${path}/automatic-requests`;
const noProblems = { [`GET ${problemsPath}`]: [ok({ problems: [] })] };

afterEach(() => {
  vi.unstubAllGlobals();
});

async function openSettings() {
  renderWithClient(<SettingsDialog companyId="42" onClose={() => undefined} />);
  const dialog = await screen.findByRole('dialog', { name: 'Settings' });
  await within(dialog).findByRole('checkbox', { name: autoLabel });
  return dialog;
}

describe('Company settings', () => {
  it('shows the saved settings and PATCHes only what changed', async () => {
    const next: CompanySettings = { ...saved, autoRequestCommitments: true, reminderDays: [2, 5] };
    const api = fakeApi({ ...noProblems, [`GET ${path}`]: [ok(saved)], [`PATCH ${path}`]: [ok(next)] });
    const user = userEvent.setup();
    const dialog = await openSettings();
    const reminderDays = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Reminder days' });
    expect(reminderDays.value).toBe('3, 7, 14');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Then remind every (days)' }).value).toBe('7');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Upload link lifetime (days)' }).value).toBe('30');
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save settings' });
    expect(save.disabled).toBe(true);

    await user.click(within(dialog).getByRole('checkbox', { name: autoLabel }));
    await user.clear(reminderDays);
    await user.type(reminderDays, '2, 5');
    await user.click(save);

    expect(await within(dialog).findByText('Settings saved.')).toBeTruthy();
    expect(api.callsTo('PATCH', path)).toEqual([{ method: 'PATCH', path, body: { autoRequestCommitments: true, reminderDays: [2, 5] } }]);
  });

  it('says what is wrong with an out-of-range value and does not save', async () => {
    const api = fakeApi({ ...noProblems, [`GET ${path}`]: [ok(saved)] });
    const user = userEvent.setup();
    const dialog = await openSettings();
    const every = within(dialog).getByRole('textbox', { name: 'Then remind every (days)' });
    await user.clear(every);
    await user.type(every, '365');
    expect(within(dialog).getByText(/every 1–90 days/)).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save settings' }).disabled).toBe(true);
    expect(api.callsTo('PATCH', path)).toHaveLength(0);
  });

  it('shows the server’s 403 message plainly to someone who is not a compliance manager', async () => {
    fakeApi({ ...noProblems, [`GET ${path}`]: [ok(saved)], [`PATCH ${path}`]: [failure(403, 'forbidden', 'Only compliance managers can change these settings.')] });
    const user = userEvent.setup();
    const dialog = await openSettings();
    const link = within(dialog).getByRole('textbox', { name: 'Upload link lifetime (days)' });
    await user.clear(link);
    await user.type(link, '45');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Only compliance managers can change these settings.');
  });

  it('turns on requests for vendors added to a project and lists automatic requests that need a person', async () => {
    const problem = { at: '2026-12-01T15:00:00.000Z', projectName: 'Harbor Point Tower', message: 'Not requested: Acme Drywall has no email address; add one to request.' };
    const api = fakeApi({
      [`GET ${problemsPath}`]: [ok({ problems: [problem] })],
      [`GET ${path}`]: [ok(saved)],
      [`PATCH ${path}`]: [ok({ ...saved, autoRequestProjectVendors: true })],
    });
    const user = userEvent.setup();
    const dialog = await openSettings();
    const list = await within(dialog).findByRole('list', { name: 'Automatic requests that need a person' });
    expect(list.textContent).toContain('Harbor Point Tower: Not requested: Acme Drywall has no email address; add one to request.');
    await user.click(within(dialog).getByRole('checkbox', { name: joinLabel }));
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    expect(await within(dialog).findByText('Settings saved.')).toBeTruthy();
    expect(api.callsTo('PATCH', path)).toEqual([{ method: 'PATCH', path, body: { autoRequestProjectVendors: true } }]);
  });

  it('changes the renewal window and the time zone, refusing a name that is not a time zone', async () => {
    const api = fakeApi({ ...noProblems, [`GET ${path}`]: [ok(saved)], [`PATCH ${path}`]: [ok({ ...saved, renewalDays: 45, timeZone: 'America/Chicago' })] });
    const user = userEvent.setup();
    const dialog = await openSettings();
    const renewal = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Renewal window (days)' });
    const zone = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Time zone' });
    expect([renewal.value, zone.value]).toEqual(['30', 'America/New_York']);
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save settings' });
    await user.clear(renewal);
    await user.type(renewal, '45');
    await user.clear(zone);
    await user.type(zone, 'Central Time');
    expect(within(dialog).getByText('“Central Time” is not a time zone name. Use one such as America/New_York or Europe/London.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    await user.clear(zone);
    await user.type(zone, 'America/Chicago');
    await user.click(save);
    expect(await within(dialog).findByText('Settings saved.')).toBeTruthy();
    expect(api.callsTo('PATCH', path)).toEqual([{ method: 'PATCH', path, body: { renewalDays: 45, timeZone: 'America/Chicago' } }]);
  });
});
