import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ProcoreGrantState } from '../../../server/contracts/requests';
import { fakeApi, failure, ok, renderWithClient } from '../testing/fakeApi';
import { ProcoreGrantSection } from './ProcoreGrantSection';

const path = '/api/companies/42/settings/procore-grant';
const connected: ProcoreGrantState = {
  grant: {
    kind: 'dmsa',
    label: 'COI Compliance service account (DMSA)',
    connectedBy: 'Alice Morgan',
    connectedAt: '2026-12-01T15:00:00.000Z',
    lastOkAt: '2026-12-03T07:05:00.000Z',
    lastError: null,
    lastErrorAt: null,
  },
  waitingWrites: 0,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

const section = async () => screen.findByRole('region', { name: 'Procore connection for background work' });

describe('Procore connection in Settings', () => {
  it('says it is not connected, how many updates wait, and connects the service account', async () => {
    const api = fakeApi({ [`GET ${path}`]: [ok({ grant: null, waitingWrites: 3 })], [`PUT ${path}`]: [ok(connected)] });
    renderWithClient(<ProcoreGrantSection companyId="42" />);
    const region = await section();
    expect(await within(region).findByText(/Not connected/)).toBeTruthy();
    expect(within(region).getByText('3 Procore update(s) wait for a working connection.')).toBeTruthy();
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Connect the service account' }));
    expect(await within(region).findByText(/connected by Alice Morgan/)).toBeTruthy();
    expect(within(region).getByText(/Last worked/)).toBeTruthy();
    expect(api.callsTo('PUT', path)).toEqual([{ method: 'PUT', path, body: { kind: 'dmsa' } }]);
  });

  it('tells a refused admin why, and shows a grant that stopped working', async () => {
    const broken = { ...connected, grant: { ...connected.grant!, lastError: 'Procore refused the service account’s credentials.', lastErrorAt: '2026-12-03T08:00:00.000Z' } };
    fakeApi({ [`GET ${path}`]: [ok(broken)], [`PUT ${path}`]: [failure(403, 'forbidden', 'Only a Procore company admin can connect the service account for background work.')] });
    renderWithClient(<ProcoreGrantSection companyId="42" />);
    const region = await section();
    expect(await within(region).findByText(/Procore not updated: reconnect/)).toBeTruthy();
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Reconnect the service account' }));
    expect(await within(region).findByText(/Only a Procore company admin/)).toBeTruthy();
  });
});
