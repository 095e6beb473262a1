import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Directory } from '../../../server/contracts/directory';
import type { RequestDetail as Detail } from '../../../server/contracts/requests';
import { fakeApi, failure, ok, renderWithClient } from '../testing/fakeApi';
import ProjectPanel from './ProjectPanel';
import RequestDetail from './RequestDetail';

const requestId = '6f1c2b7e-0000-4000-8000-000000000003';
const path = `/api/companies/42/requests/${requestId}`;

const pending: Detail = {
  id: requestId,
  vendorId: '1',
  vendorName: 'Acme Electric',
  projectId: null,
  projectName: null,
  origin: 'global',
  status: 'pending',
  recipientEmail: 'pm@acme.example',
  brokerEmail: 'broker@insure.example',
  createdAt: '2025-02-01T15:00:00Z',
  deleted: false,
  // Out of order on purpose: the drawer reads oldest first, newest last.
  timeline: [
    { id: '2', at: '2025-02-01T15:01:00Z', kind: 'email_sent', actor: 'Mail', summary: 'Request emailed to pm@acme.example.' },
    { id: '1', at: '2025-02-01T15:00:00Z', kind: 'requested', actor: 'Pat Manager', summary: 'Pat Manager requested a COI for all projects.' },
  ],
  documents: [{ id: 'd1', filename: 'acme-coi.pdf', size: 48_000, createdAt: '2025-02-03T10:00:00Z', readStatus: 'read' }],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderDetail() {
  const onClose = vi.fn();
  renderWithClient(<RequestDetail companyId="42" requestId={requestId} onClose={onClose} />);
  return onClose;
}

describe('Request detail', () => {
  it('opens from a status in the directory, which tags global requests', async () => {
    const directory: Directory = {
      company: { id: '42', name: 'Summit' },
      project: { id: '7', name: 'Harbor Tower' },
      vendors: [{ vendorId: '1', name: 'Acme Electric', trade: null, contactName: null, email: 'pm@acme.example', emailValid: true, status: 'pending', requestId, requestScope: 'global' }],
      syncedAt: '2025-01-01T00:00:00Z',
    };
    fakeApi({ 'GET /api/companies/42/projects/7/vendors': [ok(directory)], [`GET ${path}`]: [ok(pending)] });
    const user = userEvent.setup();
    renderWithClient(<ProjectPanel companyId="42" projectId="7" />);
    await user.click(await screen.findByRole('button', { name: 'Pending: view the request for Acme Electric' }));
    expect(screen.getAllByText('Global').length).toBeGreaterThan(0);
    const drawer = await screen.findByRole('dialog', { name: 'COI request' });
    expect(await within(drawer).findByText('broker@insure.example')).toBeTruthy();
  });

  it('shows the facts, the timeline newest last and the documents received', async () => {
    fakeApi({ [`GET ${path}`]: [ok(pending)] });
    renderDetail();
    const drawer = await screen.findByRole('dialog', { name: 'COI request' });
    expect(await within(drawer).findByText('Acme Electric')).toBeTruthy();
    expect(within(drawer).getByText(/All projects/)).toBeTruthy();
    expect(within(drawer).getByText('pm@acme.example')).toBeTruthy();

    const timeline = within(drawer).getByRole('region', { name: 'Timeline' });
    const events = within(timeline).getAllByRole('listitem');
    expect(events.map((event) => event.textContent)).toEqual([
      expect.stringContaining('Pat Manager requested a COI for all projects.'),
      expect.stringContaining('Request emailed to pm@acme.example.'),
    ]);
    expect(events[0]?.textContent).toContain('Pat Manager');
    expect(events[1]?.querySelector('time')?.getAttribute('dateTime')).toBe('2025-02-01T15:01:00Z');
    const documents = within(drawer).getByRole('region', { name: 'Documents received' });
    expect(within(documents).getByText(/acme-coi\.pdf/)).toBeTruthy();
  });

  it('cancels a Pending request, then offers no Cancel once it is not Pending', async () => {
    const api = fakeApi({
      [`GET ${path}`]: [ok(pending), ok({ ...pending, status: 'cancelled' })],
      [`POST ${path}/cancel`]: [ok({ ...pending, status: 'cancelled' })],
    });
    const user = userEvent.setup();
    renderDetail();
    const drawer = await screen.findByRole('dialog', { name: 'COI request' });
    await user.click(await within(drawer).findByRole('button', { name: 'Cancel request' }));
    expect(await within(drawer).findByText('The request was cancelled.')).toBeTruthy();
    expect(within(drawer).getByText('Cancelled')).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: 'Cancel request' })).toBeNull();
    expect(within(drawer).queryByRole('button', { name: 'Archive' })).toBeNull();
    expect(api.callsTo('POST', `${path}/cancel`)).toHaveLength(1);
  });

  it('offers Archive but not Cancel once a certificate is under review', async () => {
    fakeApi({ [`GET ${path}`]: [ok({ ...pending, status: 'under_review' })] });
    renderDetail();
    const drawer = await screen.findByRole('dialog', { name: 'COI request' });
    expect(await within(drawer).findByRole('button', { name: 'Archive' })).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: 'Cancel request' })).toBeNull();
  });

  it('archives only after confirming, then offers Unarchive, which brings it back', async () => {
    const api = fakeApi({
      [`GET ${path}`]: [ok({ ...pending, status: 'under_review' }), ok({ ...pending, status: 'archived' }), ok({ ...pending, status: 'under_review' })],
      [`POST ${path}/archive`]: [ok({ ...pending, status: 'archived' })],
      [`POST ${path}/unarchive`]: [ok({ ...pending, status: 'under_review' })],
    });
    const user = userEvent.setup();
    renderDetail();
    const drawer = await screen.findByRole('dialog', { name: 'COI request' });
    await user.click(await within(drawer).findByRole('button', { name: 'Archive' }));
    expect(within(drawer).getByText('Archive this request?')).toBeTruthy();
    expect(api.callsTo('POST', `${path}/archive`)).toHaveLength(0);
    await user.click(within(drawer).getByRole('button', { name: 'Keep the request' }));
    expect(within(drawer).queryByText('Archive this request?')).toBeNull();
    await user.click(within(drawer).getByRole('button', { name: 'Archive' }));
    await user.click(within(drawer).getByRole('button', { name: 'Archive request' }));
    expect(await within(drawer).findByText(/The request was archived. You can unarchive it here./)).toBeTruthy();
    expect(api.callsTo('POST', `${path}/archive`)).toHaveLength(1);

    await user.click(await within(drawer).findByRole('button', { name: 'Unarchive' }));
    expect(await within(drawer).findByText('The request was unarchived.')).toBeTruthy();
    expect(api.callsTo('POST', `${path}/unarchive`)).toHaveLength(1);
    expect(within(drawer).queryByRole('button', { name: 'Unarchive' })).toBeNull();
    expect(within(drawer).getByRole('button', { name: 'Archive' })).toBeTruthy();
  });

  it('asks for a reason to delete and shows the server’s 403 message plainly', async () => {
    const message = 'Only compliance managers can delete requests. Archive it instead, or ask a compliance manager.';
    const api = fakeApi({ [`GET ${path}`]: [ok(pending)], [`DELETE ${path}`]: [failure(403, 'forbidden', message)] });
    const user = userEvent.setup();
    renderDetail();
    const drawer = await screen.findByRole('dialog', { name: 'COI request' });
    await user.click(await within(drawer).findByRole('button', { name: 'Delete' }));
    await user.click(within(drawer).getByRole('button', { name: 'Delete request' }));
    expect(within(drawer).getByText(/Say why in a few words/)).toBeTruthy();
    expect(api.callsTo('DELETE', path)).toHaveLength(0);

    await user.type(within(drawer).getByRole('textbox', { name: 'Reason for deleting' }), 'Sent to the wrong company');
    await user.click(within(drawer).getByRole('button', { name: 'Delete request' }));
    expect((await within(drawer).findByRole('alert')).textContent).toBe(message);
    expect(api.callsTo('DELETE', path)[0]?.body).toEqual({ reason: 'Sent to the wrong company' });
  });

  it('closes on Escape', async () => {
    fakeApi({ [`GET ${path}`]: [ok(pending)] });
    const user = userEvent.setup();
    const onClose = renderDetail();
    await screen.findByRole('dialog', { name: 'COI request' });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
