import { coiStatuses, type DirectoryRow } from '../../../server/contracts/directory';

export type SortKey = 'name' | 'trade' | 'email' | 'status';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Case-insensitive match on name, trade and email. */
export function filterRows(rows: readonly DirectoryRow[], query: string): DirectoryRow[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [...rows];
  return rows.filter((row) =>
    [row.name, row.trade, row.email].some((field) => field !== null && field.toLocaleLowerCase().includes(needle)),
  );
}

function sortValue(row: DirectoryRow, key: SortKey): string | number | null {
  if (key === 'status') return coiStatuses.indexOf(row.status);
  return row[key];
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorts a copy; empty values always go last, whatever the direction, and ties fall back to name. */
export function sortRows(rows: readonly DirectoryRow[], sort: SortState): DirectoryRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((left, right) => {
    const a = sortValue(left, sort.key);
    const b = sortValue(right, sort.key);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const byKey = compareValues(a, b);
      if (byKey !== 0) return sign * byKey;
    }
    return collator.compare(left.name, right.name);
  });
}

export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export type SelectAllState = 'none' | 'some' | 'all';

export function selectAllState(visible: readonly DirectoryRow[], selected: ReadonlySet<string>): SelectAllState {
  const count = visible.filter((row) => selected.has(row.vendorId)).length;
  if (count === 0) return 'none';
  return count === visible.length ? 'all' : 'some';
}

/** Select-all acts on the rows the search shows: all of them, or none of them when all are ticked. */
export function toggleAll(visible: readonly DirectoryRow[], selected: ReadonlySet<string>): Set<string> {
  const next = new Set(selected);
  if (selectAllState(visible, selected) === 'all') visible.forEach((row) => next.delete(row.vendorId));
  else visible.forEach((row) => next.add(row.vendorId));
  return next;
}

export function emailText(row: DirectoryRow): string {
  if (row.email === null || row.email.trim() === '') return 'No email';
  return row.emailValid ? row.email : 'Invalid email';
}
