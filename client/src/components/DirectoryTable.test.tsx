import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DirectoryRow } from '../../../server/contracts/directory';
import { DirectoryTable } from './DirectoryTable';
import { vendorRow as vendor } from '../testing/rows';

const rows: DirectoryRow[] = [
  vendor('1', 'Acme Electric', { trade: 'Electrical', email: 'pm@acme.example' }),
  vendor('2', 'Bolt Plumbing', { trade: 'Plumbing', email: null }),
  vendor('3', 'Crane Concrete', { trade: 'Concrete', email: 'not-an-email', emailValid: false }),
  vendor('4', 'Delta Drywall', { trade: null, email: 'sales@delta.example' }),
];

const wide = { width: 1000, height: 440 };

function bodyNames(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('checkbox')[0]?.getAttribute('aria-label') ?? '');
}

describe('DirectoryTable', () => {
  it('names each checkbox after its company and shows plain email problems and status labels', () => {
    render(<DirectoryTable rows={rows} size={wide} />);
    expect(screen.getByRole('checkbox', { name: 'Acme Electric' })).toBeInstanceOf(HTMLInputElement);
    expect(screen.getByText('No email')).toBeTruthy();
    expect(screen.getByText('Invalid email').getAttribute('title')).toBe('not-an-email');
    expect(screen.getAllByText('Not requested')).toHaveLength(4);
    expect(screen.getByText('4 companies')).toBeTruthy();
  });

  it('filters by name, trade and email, case-insensitively', async () => {
    const user = userEvent.setup();
    render(<DirectoryTable rows={rows} size={wide} />);
    const search = screen.getByRole('searchbox', { name: 'Search companies' });
    await user.type(search, 'PLUMB');
    expect(bodyNames()).toEqual(['Bolt Plumbing']);
    await user.clear(search);
    await user.type(search, 'DELTA.example');
    expect(bodyNames()).toEqual(['Delta Drywall']);
    expect(screen.getByText('1 of 4 companies')).toBeTruthy();
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.getByText('No companies match “zzz”.')).toBeTruthy();
  });

  it('sorts by a column and toggles the direction, exposing aria-sort', async () => {
    const user = userEvent.setup();
    render(<DirectoryTable rows={rows} size={wide} />);
    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(bodyNames()).toEqual(['Acme Electric', 'Bolt Plumbing', 'Crane Concrete', 'Delta Drywall']);

    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(bodyNames()).toEqual(['Delta Drywall', 'Crane Concrete', 'Bolt Plumbing', 'Acme Electric']);

    const tradeHeader = screen.getByRole('columnheader', { name: /Trade/ });
    await user.click(within(tradeHeader).getByRole('button'));
    expect(tradeHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');
    // Companies without a trade go last in either direction.
    expect(bodyNames()).toEqual(['Crane Concrete', 'Acme Electric', 'Bolt Plumbing', 'Delta Drywall']);
    await user.click(within(tradeHeader).getByRole('button'));
    expect(bodyNames()).toEqual(['Bolt Plumbing', 'Acme Electric', 'Crane Concrete', 'Delta Drywall']);
  });

  it('select-all ticks only the rows the search shows, with an indeterminate state and live counts', async () => {
    const user = userEvent.setup();
    const onSelectionChange = vi.fn();
    render(<DirectoryTable rows={rows} size={wide} onSelectionChange={onSelectionChange} />);
    const selectAll = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all' });

    await user.click(screen.getByRole('checkbox', { name: 'Acme Electric' }));
    expect(screen.getByText('1 selected')).toBeTruthy();
    expect(selectAll.indeterminate).toBe(true);
    expect(selectAll.checked).toBe(false);

    // "el" matches Acme Electric by name and trade, Delta Drywall by email (sales@delta…).
    await user.type(screen.getByRole('searchbox', { name: 'Search companies' }), 'el');
    expect(bodyNames()).toEqual(['Acme Electric', 'Delta Drywall']);
    await user.click(selectAll);
    expect(screen.getByText('2 selected')).toBeTruthy();
    expect(selectAll.checked).toBe(true);
    expect(selectAll.indeterminate).toBe(false);
    const lastCall = onSelectionChange.mock.calls.at(-1)?.[0] as ReadonlySet<string>;
    expect([...lastCall].sort()).toEqual(['1', '4']);

    await user.click(selectAll);
    expect(screen.getByText('0 selected')).toBeTruthy();
    expect(selectAll.checked).toBe(false);
  });

  it('keeps the DOM bounded with 5,000 companies (virtualised rows)', async () => {
    const many = Array.from({ length: 5000 }, (_, index) => vendor(String(index + 1), `Vendor ${String(index + 1).padStart(4, '0')}`));
    const user = userEvent.setup();
    render(<DirectoryTable rows={many} size={wide} />);
    expect(screen.getByText('5,000 companies')).toBeTruthy();
    expect(screen.getAllByRole('row').length).toBeLessThan(30);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('5001');

    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByText('5,000 selected')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Vendor 0001' }).checked).toBe(true);
  });

  it('moves trade and email under the name in a 400 px side panel', () => {
    render(<DirectoryTable rows={rows} size={{ width: 380, height: 500 }} />);
    expect(screen.queryByRole('columnheader', { name: /Trade/ })).toBeNull();
    expect(screen.getByRole('columnheader', { name: /COI status/ })).toBeTruthy();
    expect(screen.getByText('pm@acme.example')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Bolt Plumbing' })).toBeTruthy();
  });
});
