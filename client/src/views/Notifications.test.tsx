import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SmsSettings } from '../../../server/contracts/notifications';
import { fakeApi, failure, ok, renderWithClient } from '../testing/fakeApi';
import { SmsSettingsSection } from './SmsSettingsSection';
import { MobileField } from './MobileField';
import { DigestToggle } from './DigestToggle';

const path = '/api/companies/42/settings/sms';
const off: SmsSettings = { enabled: false, baseUrl: null, accountSid: null, fromNumber: null, hasAuthToken: false, inboundUrl: 'https://coi.example/webhooks/sms/42' };
const on: SmsSettings = { enabled: true, baseUrl: 'https://sms.example', accountSid: 'AC123456789', fromNumber: '+15005550006', hasAuthToken: true, inboundUrl: off.inboundUrl };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('text message settings', () => {
  it('saves the account, sends the token once and never shows it, and names the reply address', async () => {
    const api = fakeApi({ [`GET ${path}`]: [ok(off)], [`PATCH ${path}`]: [ok(on)] });
    renderWithClient(<SmsSettingsSection companyId="42" />);
    const region = await screen.findByRole('region', { name: 'Text message reminders' });
    expect(await within(region).findByText(/https:\/\/coi.example\/webhooks\/sms\/42/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(region).getByRole('checkbox'));
    await user.type(within(region).getByLabelText('API base URL'), 'https://sms.example');
    await user.type(within(region).getByLabelText('Account SID'), 'AC123456789');
    await user.type(within(region).getByLabelText('Auth token'), 'secret-token-1');
    await user.type(within(region).getByLabelText('From number'), '+15005550006');
    await user.click(within(region).getByRole('button', { name: 'Save text message settings' }));
    expect(await within(region).findByText('Text message settings saved.')).toBeTruthy();
    expect(api.callsTo('PATCH', path)[0]!.body).toEqual({ enabled: true, baseUrl: 'https://sms.example', accountSid: 'AC123456789', authToken: 'secret-token-1', fromNumber: '+15005550006' });
    expect((within(region).getByLabelText(/Auth token \(kept/) as HTMLInputElement).value).toBe('');
  });

  it('says what is wrong with a from number that is not E.164 and does not save', async () => {
    const api = fakeApi({ [`GET ${path}`]: [ok(on)] });
    renderWithClient(<SmsSettingsSection companyId="42" />);
    const region = await screen.findByRole('region', { name: 'Text message reminders' });
    const from = await within(region).findByLabelText('From number');
    const user = userEvent.setup();
    await user.clear(from);
    await user.type(from, '555-0100');
    expect(within(region).getByText(/The from number must be a mobile number in international \(E.164\) form/)).toBeTruthy();
    expect((within(region).getByRole('button', { name: 'Save text message settings' }) as HTMLButtonElement).disabled).toBe(true);
    expect(api.callsTo('PATCH', path)).toEqual([]);
  });
});

describe("a sub's mobile", () => {
  it('refuses a number that is not international and saves one that is', async () => {
    const mobilePath = '/api/companies/42/requests/r-1/mobile';
    const api = fakeApi({ [`PUT ${mobilePath}`]: [ok({ mobile: '+14155550123' })] });
    renderWithClient(<MobileField companyId="42" requestId="r-1" mobile={null} />);
    const input = screen.getByLabelText('Mobile for text reminders');
    const user = userEvent.setup();
    await user.type(input, '(415) 555-0123');
    expect(screen.getByText(/international form/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save mobile' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(input);
    await user.type(input, '+14155550123');
    await user.click(screen.getByRole('button', { name: 'Save mobile' }));
    await vi.waitFor(() => expect(api.callsTo('PUT', mobilePath)).toEqual([{ method: 'PUT', path: mobilePath, body: { mobile: '+14155550123' } }]));
  });
});

describe('daily digest toggle', () => {
  it('turns the digest on for the signed-in user and shows a refusal plainly', async () => {
    const digestPath = '/api/companies/42/digest';
    const api = fakeApi({ [`GET ${digestPath}`]: [ok({ subscribed: false })], [`PUT ${digestPath}`]: [ok({ subscribed: true }), failure(503, 'unavailable', 'The service is briefly unavailable.')] });
    renderWithClient(<DigestToggle companyId="42" />);
    const box = await screen.findByRole('checkbox', { name: 'Email me a daily digest' });
    const user = userEvent.setup();
    await user.click(box);
    await vi.waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    expect(api.callsTo('PUT', digestPath)[0]!.body).toEqual({ subscribed: true });
    await user.click(box);
    expect(await screen.findByRole('alert')).toBeTruthy();
    // Refused: the box shows what the server keeps again.
    expect((box as HTMLInputElement).checked).toBe(true);
  });
});
