import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Directory } from '../../../server/contracts/directory';
import type { CommitmentRow, CreateRequestsResult } from '../../../server/contracts/requests';
import { fakeApi, ok, renderWithClient } from '../testing/fakeApi';
import CommitmentsTab from './CommitmentsTab';
import ProjectPanel from './ProjectPanel';

function commitment(commitmentId: string, vendorName: string, createdAt: string | null, overrides: Partial<CommitmentRow> = {}): CommitmentRow {
  return {
    commitmentId,
    kind: 'work_order',
    number: `SC-${commitmentId}`,
    title: `${vendorName} scope`,
    status: 'Approved',
    amount: 1000,
    createdAt,
    vendorId: `v${commitmentId}`,
    vendorName,
    email: `office@${commitmentId}.example`,
    emailValid: true,
    ...overrides,
  };
}

// Deliberately out of order: the tab shows the newest first, undated last.
const commitments: CommitmentRow[] = [
  commitment('900', 'Acme Electric', '2025-03-01T12:00:00Z', { amount: 1234567.5 }),
  commitment('901', 'Bolt Plumbing', null, { kind: 'purchase_order', number: null, title: 'Fixtures', amount: null }),
  commitment('902', 'Crane Concrete', '2025-04-10T12:00:00Z', { email: null, emailValid: false }),
];

const base = '/api/companies/42/projects/7';

function result(vendorId: string, vendorName: string): CreateRequestsResult {
  return {
    created: [
      {
        id: '6f1c2b7e-0000-4000-8000-000000000002',
        vendorId,
        vendorName,
        projectId: '7',
        projectName: 'Harbor Tower',
        origin: 'commitment',
        status: 'pending',
        recipientEmail: 'office@example.com',
        brokerEmail: null,
        createdAt: '2025-05-01T00:00:00Z',
      },
    ],
    skipped: [],
  };
}

function rowTexts(): string[] {
  const list = screen.getByRole('list', { name: 'Commitments without a COI request' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Request for Commitments tab', () => {
  it('is a tab of the project view and lists commitments newest first with amount, kind, status and date', async () => {
    const directory: Directory = { company: { id: '42', name: 'Summit' }, project: { id: '7', name: 'Harbor Tower' }, vendors: [], syncedAt: '2025-01-01T00:00:00Z' };
    fakeApi({ [`GET ${base}/vendors`]: [ok(directory)], [`GET ${base}/commitments`]: [ok({ commitments })] });
    const user = userEvent.setup();
    renderWithClient(<ProjectPanel companyId="42" projectId="7" />);

    const tab = screen.getByRole('tab', { name: 'Request for Commitments' });
    expect(screen.getByRole('tab', { name: 'Directory' }).getAttribute('aria-selected')).toBe('true');
    await user.click(tab);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    await screen.findByRole('list', { name: 'Commitments without a COI request' });

    const [first, second, third] = rowTexts();
    expect(first).toContain('#SC-902 · Crane Concrete scope');
    expect(second).toContain('Acme Electric');
    expect(second).toContain('$1,234,567.50 · Subcontract · Approved · Created Mar 1, 2025');
    expect(third).toContain('Fixtures');
    expect(third).toContain('— · Purchase order');
    expect(screen.getByRole('tabpanel').contains(screen.getByRole('button', { name: 'Request COI from Bolt Plumbing' }))).toBe(true);
  });

  it('requests one vendor, removes its row and says so; the last request leaves a plain sentence', async () => {
    const api = fakeApi({
      [`GET ${base}/commitments`]: [ok({ commitments: commitments.slice(0, 1) })],
      [`POST ${base}/commitments/900/request`]: [ok(result('v900', 'Acme Electric'))],
    });
    const user = userEvent.setup();
    renderWithClient(<CommitmentsTab companyId="42" projectId="7" />);

    await user.click(await screen.findByRole('button', { name: 'Request COI from Acme Electric' }));
    expect(await screen.findByText('COI requested from Acme Electric.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Request COI from Acme Electric' })).toBeNull();
    expect(screen.getByText('Every vendor with a commitment in this project has been asked for a COI.')).toBeTruthy();
    expect(api.callsTo('POST', `${base}/commitments/900/request`)).toEqual([{ method: 'POST', path: `${base}/commitments/900/request`, body: {} }]);
  });

  it('asks for an email first when the vendor has none, then sends it with the request', async () => {
    const api = fakeApi({
      [`GET ${base}/commitments`]: [ok({ commitments: [commitments[2]] })],
      [`POST ${base}/commitments/902/request`]: [ok(result('v902', 'Crane Concrete'))],
    });
    const user = userEvent.setup();
    renderWithClient(<CommitmentsTab companyId="42" projectId="7" />);

    const request = await screen.findByRole('button', { name: 'Request COI from Crane Concrete' });
    expect(screen.getByText('No email in Procore')).toBeTruthy();
    await user.click(request);
    expect(screen.getByText('Enter a valid email address to send the request.')).toBeTruthy();
    expect(api.callsTo('POST', `${base}/commitments/902/request`)).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Email for Crane Concrete' }), ' Office@Crane.example ');
    await user.click(request);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Request COI from Crane Concrete' })).toBeNull());
    expect(api.callsTo('POST', `${base}/commitments/902/request`)[0]?.body).toEqual({ email: 'office@crane.example' });
  });
});
