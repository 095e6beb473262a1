import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Directory } from '../../../server/contracts/directory';
import type { CreateRequestsResult } from '../../../server/contracts/requests';
import { deferred, fakeApi, failure, ok, renderWithClient } from '../testing/fakeApi';
import CompanyPanel from './CompanyPanel';
import ProjectPanel from './ProjectPanel';
import { vendorRow as vendor } from '../testing/rows';

const requestId = '6f1c2b7e-0000-4000-8000-000000000001';
const directory: Directory = {
  company: { id: '42', name: 'Summit Builders' },
  project: { id: '7', name: 'Harbor Tower' },
  vendors: [
    vendor('1', 'Acme Electric', { email: 'pm@acme.example' }),
    vendor('2', 'Bolt Plumbing', { email: null, emailValid: false }),
    vendor('3', 'Crane Concrete', { email: 'not-an-email', emailValid: false }),
    vendor('4', 'Delta Drywall', { status: 'pending', requestId: '6f1c2b7e-0000-4000-8000-000000000009', requestScope: 'project' }),
  ],
  syncedAt: '2025-01-01T00:00:00Z',
};

const created: CreateRequestsResult = {
  created: [
    {
      id: requestId,
      vendorId: '1',
      vendorName: 'Acme Electric',
      projectId: '7',
      projectName: 'Harbor Tower',
      origin: 'click',
      status: 'pending',
      recipientEmail: 'pm@acme.example',
      brokerEmail: null,
      createdAt: '2025-01-02T00:00:00Z',
    },
  ],
  skipped: [{ vendorId: '2', reason: 'invalid_email', message: 'Bolt Plumbing’s address bounced before; check it in Procore.' }],
};

const projectVendors = '/api/companies/42/projects/7/vendors';
const projectRequests = '/api/companies/42/projects/7/requests';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function tick(user: ReturnType<typeof userEvent.setup>, names: string[]) {
  for (const name of names) await user.click(await screen.findByRole('checkbox', { name }));
}

describe('Request COI from the project directory', () => {
  it('lists recipients, requires fixing emails, posts once with the fixes, shows skipped companies and marks rows Pending', async () => {
    const post = deferred();
    // The refetch after sending never answers here: the Pending status can only come from the cache update.
    const api = fakeApi({ [`GET ${projectVendors}`]: [ok(directory), deferred().promise], [`POST ${projectRequests}`]: [post.promise] });
    const user = userEvent.setup();
    renderWithClient(<ProjectPanel companyId="42" projectId="7" />);

    const button = await screen.findByRole('button', { name: 'Request COI' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await tick(user, ['Acme Electric', 'Bolt Plumbing', 'Crane Concrete', 'Delta Drywall']);
    expect(button.textContent).toContain('(4)');
    await user.click(button);

    // The dialog's module loads on first use; the first test pays for it on a busy machine.
    const dialog = await screen.findByRole('dialog', { name: 'Request COI' }, { timeout: 10_000 });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const toEmail = within(dialog).getByRole('region', { name: 'To be emailed' });
    expect(within(toEmail).getByText('Acme Electric')).toBeTruthy();
    expect(within(toEmail).getByText('pm@acme.example')).toBeTruthy();
    const already = within(dialog).getByRole('region', { name: 'Already requested' });
    expect(within(already).getByText('Delta Drywall')).toBeTruthy();
    expect(within(already).getByText(/already requested · Pending/)).toBeTruthy();

    const send = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Send 3 requests' });
    expect(send.disabled).toBe(true);
    const boltEmail = within(dialog).getByRole('textbox', { name: 'Email for Bolt Plumbing' });
    await user.type(boltEmail, 'office@bolt');
    expect(within(dialog).getByText(/Enter a valid email address/)).toBeTruthy();
    expect(boltEmail.getAttribute('aria-invalid')).toBe('true');
    await user.type(boltEmail, '.example');
    expect(send.disabled).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Leave Crane Concrete out' }));
    expect(within(dialog).getByText('Left out (1 company, no request is sent): Crane Concrete')).toBeTruthy();

    const sendTwo = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Send 2 requests' });
    expect(sendTwo.disabled).toBe(false);
    await user.dblClick(sendTwo);
    await waitFor(() => expect(sendTwo.disabled).toBe(true));
    expect(api.callsTo('POST', projectRequests)).toEqual([
      { method: 'POST', path: projectRequests, body: { vendorIds: ['1', '2'], emails: { '2': 'office@bolt.example' } } },
    ]);

    post.resolve(ok(created));
    expect(await within(dialog).findByText('1 request sent. They show as Pending now.')).toBeTruthy();
    const notSent = within(dialog).getByRole('region', { name: 'Not sent' });
    expect(within(notSent).getByText('Bolt Plumbing')).toBeTruthy();
    expect(within(notSent).getByText('Bolt Plumbing’s address bounced before; check it in Procore.')).toBeTruthy();
    expect(within(dialog).getByText('Left out (1): Crane Concrete.')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // The ticks clear by default once requests are sent.
    expect(screen.getByText('0 selected')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Request COI' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Pending: view the request for Acme Electric' })).toBeTruthy();
    expect(api.callsTo('GET', projectVendors).length).toBe(2);
  }, 60_000);

  it('leaves every company without a usable email out with one click, showing counts and a short list', async () => {
    const many: Directory = {
      ...directory,
      vendors: [
        vendor('1', 'Acme Electric'),
        ...Array.from({ length: 300 }, (_, i) => vendor(`m${i}`, `Missing ${String(i).padStart(3, '0')}`, { email: null, emailValid: false })),
        ...Array.from({ length: 138 }, (_, i) => vendor(`b${i}`, `Bad ${String(i).padStart(3, '0')}`, { email: 'nope', emailValid: false })),
      ],
    };
    const api = fakeApi({ [`GET ${projectVendors}`]: [ok(many), ok(many)], [`POST ${projectRequests}`]: [ok(created)] });
    const user = userEvent.setup();
    renderWithClient(<ProjectPanel companyId="42" projectId="7" />);
    await user.click(await screen.findByRole('checkbox', { name: 'Select all' }));
    await user.click(screen.getByRole('button', { name: 'Request COI' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request COI' });
    const needed = within(dialog).getByRole('region', { name: 'Email needed' });
    expect(within(needed).getByText('Email needed: 438 companies (300 with no email, 138 with an invalid one)')).toBeTruthy();
    expect(within(needed).getAllByRole('textbox').length).toBe(100);
    const status = within(dialog).getByText(/^Fix the email of/);
    expect(status.textContent).toBe('Fix the email of Missing 000, Missing 001, Missing 002 and 435 more, or leave them out, to send.');

    await user.click(within(needed).getByRole('textbox', { name: 'Email for Missing 000' }));
    await user.paste('ops@missing.example');
    await user.click(within(needed).getByRole('button', { name: 'Leave all 437 out' }));
    expect(within(needed).getByText('Left out (437 companies, no request is sent): Missing 001, Missing 002, Missing 003 and 434 more')).toBeTruthy();
    expect(within(needed).getAllByRole('textbox').length).toBe(1);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Keep these companies ticked after sending' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send 2 requests' }));
    expect(api.callsTo('POST', projectRequests)[0]?.body).toEqual({ vendorIds: ['1', 'm0'], emails: { m0: 'ops@missing.example' } });
    expect(await within(dialog).findByText(/1 request sent/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(screen.getByText('439 selected')).toBeTruthy();
  }, 60_000);

  it('closes on Escape and shows the server’s error without closing when the post fails', async () => {
    fakeApi({
      [`GET ${projectVendors}`]: [ok(directory)],
      [`POST ${projectRequests}`]: [failure(400, 'invalid_input', 'Only companies in the Harbor Tower directory can be requested; not: 1.')],
    });
    const user = userEvent.setup();
    renderWithClient(<ProjectPanel companyId="42" projectId="7" />);
    await tick(user, ['Acme Electric']);
    const opener = screen.getByRole('button', { name: 'Request COI' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Request COI' });
    await user.click(within(dialog).getByRole('button', { name: 'Send 1 request' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Only companies in the Harbor Tower directory can be requested; not: 1.');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

describe('Request COI from the company home', () => {
  it('posts global (annual) requests over the company directory', async () => {
    const companyDirectory: Directory = { ...directory, project: null, vendors: [vendor('1', 'Acme Electric', { email: 'pm@acme.example' })] };
    const global = { ...created, skipped: [], created: created.created.map((request) => ({ ...request, projectId: null, projectName: null, origin: 'global' as const })) };
    const api = fakeApi({ 'GET /api/companies/42/vendors': [ok(companyDirectory)], 'POST /api/companies/42/requests': [ok(global)] });
    const user = userEvent.setup();
    renderWithClient(<CompanyPanel companyId="42" />);
    await tick(user, ['Acme Electric']);
    await user.click(screen.getByRole('button', { name: 'Request COI' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request COI for all projects (annual)' });
    expect(within(dialog).getByText(/covers all projects \(annual\)/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Send 1 request' }));
    expect(await within(dialog).findByText(/1 request sent/)).toBeTruthy();
    expect(api.callsTo('POST', '/api/companies/42/requests')[0]?.body).toEqual({ vendorIds: ['1'] });
  });
});
