import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Directory } from '../../../../server/contracts/directory';
import type { Overview, PayHolds as Holds, RegisterPage } from '../../../../server/contracts/desk';
import { fakeApi, ok, renderWithClient } from '../../testing/fakeApi';
import CompanyPanel from '../CompanyPanel';
import PayHolds from './PayHolds';
import ProjectPanel from '../ProjectPanel';

const overview: Overview = {
  project: null,
  statusCounts: [
    { status: 'compliant', count: 12 },
    { status: 'pending', count: 3 },
  ],
  byProject: [{ projectId: '7', projectName: 'Harbor Tower', counts: [{ status: 'compliant', count: 12 }, { status: 'pending', count: 3 }] }],
  expiring: { within30: 2, within60: 4, within90: 5 },
  reviewQueue: { count: 1, oldest: [{ requestId: 'r1', vendorId: '1', vendorName: 'Acme Electric', projectId: '7', projectName: 'Harbor Tower', since: '2026-11-01T00:00:00Z', remindersSent: 0 }] },
  notResponding: { count: 0, oldest: [] },
  writeBackProblems: { count: 0, oldest: [] },
};

const page: RegisterPage = {
  total: 1,
  rows: [
    {
      vendorId: '1', vendorName: 'Acme Electric', trade: 'Electrical', projectId: '7', projectName: 'Harbor Tower', status: 'compliant', requestId: 'r1',
      requestScope: 'project', reason: 'Meets the requirements', endsOn: '2026-12-20', lastActivity: '2026-11-30T10:00:00Z',
      policies: [{ line: 'general_liability', insurer: 'Hartwell', expires: '2026-12-20', limits: { eachOccurrence: 1_000_000 } }],
    },
  ],
};

const directory: Directory = { company: { id: '42', name: 'Summit' }, project: null, vendors: [], syncedAt: '2026-11-01T00:00:00Z' };

afterEach(() => vi.unstubAllGlobals());

describe('overview and register', () => {
  it('shows counts by status, expiring and the review queue; a number opens the register filtered the same way', async () => {
    const api = fakeApi({
      'GET /api/companies/42/vendors': [ok(directory)],
      'GET /api/companies/42/overview': [ok(overview), ok(overview), ok(overview)],
      'GET /api/companies/42/register?expiresWithin=30&sort=expires&offset=0&limit=200': [ok(page)],
      'GET /api/companies/42/vendors/1/history': [
        ok({ vendor: { id: '1', name: 'Acme Electric' }, truncated: false, entries: [{ at: '2026-11-01T10:00:00Z', kind: 'requested', requestId: 'r1', projectName: 'Harbor Tower', actor: 'automatic (commitment SC-012)', summary: 'Certificate requested: requested automatically when the commitment was created in Procore.' }] }),
      ],
    });
    const user = userEvent.setup();
    renderWithClient(<CompanyPanel companyId="42" />);
    await user.click(await screen.findByRole('tab', { name: 'Overview' }));
    expect(await screen.findByRole('button', { name: '12 Compliant: show in the register' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: '0 Waived: show in the register' })).toBeTruthy();
    const queue = screen.getByRole('region', { name: 'Review queue' });
    expect(within(queue).getByRole('button', { name: 'Review Acme Electric' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '2 in 30 days: show in the register' }));
    const table = await screen.findByRole('table', { name: 'Compliance register' }, { timeout: 10_000 });
    expect(await within(table).findByText('Acme Electric')).toBeTruthy();
    expect(within(table).getByText('Meets the requirements')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Certificate ends' }) as HTMLSelectElement).value).toBe('30');
    await waitFor(() => expect(api.callsTo('GET', '/api/companies/42/register?expiresWithin=30&sort=expires&offset=0&limit=200')).toHaveLength(1));

    await user.click(within(table).getByRole('button', { name: 'History of Acme Electric' }));
    const drawer = await screen.findByRole('dialog', { name: 'History: Acme Electric' }, { timeout: 10_000 });
    const entries = await within(drawer).findAllByRole('listitem');
    expect(entries.map((e) => e.textContent)).toEqual([expect.stringContaining('automatic (commitment SC-012)')]);
  }, 60_000);

  it('lists the commitments to hold with the vendor, status, reason and how long', async () => {
    const holds: Holds = {
      holds: [{ commitmentId: '11', number: 'SC-012', title: 'Electrical rough-in', kind: 'work_order', grandTotal: 250000, vendorId: '1', vendorName: 'Acme Electric', status: 'awaiting_new_coi', requestId: 'r1', reason: 'Awaiting New COI: General liability expired on May 1, 2026.', since: new Date(Date.now() - 3 * 86_400_000).toISOString() }],
    };
    fakeApi({ 'GET /api/companies/42/projects/7/pay-app-holds': [ok(holds)] });
    renderWithClient(<PayHolds companyId="42" projectId="7" />);
    const table = await screen.findByRole('table', { name: 'Pay-app holds' });
    expect(within(table).getByText('SC-012')).toBeTruthy();
    expect(within(table).getByText('Awaiting New COI: General liability expired on May 1, 2026.')).toBeTruthy();
    expect(within(table).getByText('for 3 days')).toBeTruthy();
    expect(within(table).getByText('$250,000')).toBeTruthy();
    expect(screen.getByText('1 commitment to hold: the vendor is not compliant today.')).toBeTruthy();
  });

  it('opens on a commitment page with that commitment’s hold, said first', async () => {
    const holds: Holds = {
      holds: [{ commitmentId: '11', number: 'SC-012', title: null, kind: 'work_order', grandTotal: null, vendorId: '1', vendorName: 'Acme Electric', status: 'pending', requestId: 'r1', reason: 'Requested; no certificate received yet', since: new Date().toISOString() }],
    };
    fakeApi({
      'GET /api/companies/42/projects/7/pay-app-holds': [ok(holds)],
      'GET /api/companies/42/projects/7/vendors': [ok({ ...directory, project: { id: '7', name: 'Harbor Tower' } })],
    });
    renderWithClient(<ProjectPanel companyId="42" projectId="7" commitmentId="11" />);
    expect(await screen.findByText('Hold pay applications for SC-012', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Acme Electric is not compliant today since today: Requested; no certificate received yet')).toBeTruthy();
  }, 30_000);

  it('fetches a queued review and its file when its Review button is pointed at, before the click', async () => {
    const documentId = '7a1c2b7e-0000-4000-8000-000000000001';
    const review = { requestId: 'r1', status: 'under_review', document: { id: documentId, filename: 'acme.pdf', contentType: 'application/pdf', pages: 1 }, values: [], verdict: null, corrections: [] };
    const api = fakeApi({
      'GET /api/companies/42/vendors': [ok(directory)],
      'GET /api/companies/42/overview': [ok(overview)],
      'GET /api/companies/42/requests/r1/review': [ok(review)],
      [`GET /api/companies/42/documents/${documentId}/file`]: [ok('bytes')],
    });
    const user = userEvent.setup();
    renderWithClient(<CompanyPanel companyId="42" />);
    await user.click(await screen.findByRole('tab', { name: 'Overview' }));
    const button = await screen.findByRole('button', { name: 'Review Acme Electric' }, { timeout: 10_000 });
    expect(api.callsTo('GET', '/api/companies/42/requests/r1/review')).toHaveLength(0);
    await user.hover(button);
    await waitFor(() => expect(api.callsTo('GET', `/api/companies/42/documents/${documentId}/file`)).toHaveLength(1));
    expect(api.callsTo('GET', '/api/companies/42/requests/r1/review')).toHaveLength(1);
  });
});
