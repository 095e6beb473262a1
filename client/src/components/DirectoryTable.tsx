import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { FixedSizeList } from 'react-window';
import styled from 'styled-components';
import type { DirectoryRow } from '../../../server/contracts/directory';
import { colors, Input, spacing } from './core';
import { DirectoryRowView, narrowColumns, RowGrid, rowHeights, wideColumns, type RowData } from './DirectoryRows';
import {
  filterRows,
  nextSort,
  selectAllState,
  sortRows,
  toggleAll,
  type SelectAllState,
  type SortKey,
  type SortState,
} from './directoryModel';
import { Checkbox } from './Checkbox';
import { useElementSize, type Size } from './useElementSize';

// Below this width (Procore's side panel is 400 px) trade and email move under the name.
const narrowBreakpoint = 560;
// Where the browser cannot measure (jsdom, very old engines) the list still renders at this size.
const fallbackSize: Size = { width: 800, height: 480 };

const Layout = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  height: 100%;
  min-height: 0;
`;

const Counts = styled.p`
  display: flex;
  gap: ${spacing.md}px;
  margin: 0;
  font-size: 12px;
  color: ${colors.gray45};
`;

const Table = styled.div`
  display: flex;
  flex-direction: column;
  flex: 1 1 auto;
  min-height: 240px;
  border: 1px solid ${colors.gray85};
  border-radius: 4px;
  overflow: hidden;
`;

const HeaderRow = styled(RowGrid)`
  height: 40px;
  background: ${colors.gray98};
  font-weight: 600;
  font-size: 12px;
`;

const SortButton = styled.button`
  all: unset;
  cursor: pointer;
  &:focus-visible {
    outline: 2px solid ${colors.blue50};
    outline-offset: 2px;
  }
`;

// The list is absolutely placed so its own height never feeds back into the measured box.
const Body = styled.div`
  position: relative;
  flex: 1 1 auto;
  min-height: 0;
`;

const Empty = styled.p`
  margin: 0;
  padding: ${spacing.lg}px;
  color: ${colors.gray45};
  font-size: 14px;
`;

interface HeaderProps {
  label: string;
  sortKey: SortKey;
  sort: SortState;
  onSort: (key: SortKey) => void;
}

function SortableHeader({ label, sortKey, sort, onSort }: HeaderProps) {
  const active = sort.key === sortKey;
  const arrow = active ? (sort.direction === 'ascending' ? '▲' : '▼') : '';
  return (
    <div role="columnheader" aria-sort={active ? sort.direction : 'none'}>
      <SortButton type="button" onClick={() => onSort(sortKey)}>
        {label} <span aria-hidden="true">{arrow}</span>
      </SortButton>
    </div>
  );
}

interface TableHeaderProps {
  narrow: boolean;
  sort: SortState;
  onSort: (key: SortKey) => void;
  allState: SelectAllState;
  canSelect: boolean;
  onToggleAll: () => void;
}

function TableHeader({ narrow, sort, onSort, allState, canSelect, onToggleAll }: TableHeaderProps) {
  return (
    <div role="rowgroup">
      <HeaderRow role="row" aria-rowindex={1} $columns={narrow ? narrowColumns : wideColumns}>
        <div role="columnheader">
          <Checkbox
            aria-label="Select all"
            checked={allState === 'all'}
            indeterminate={allState === 'some'}
            disabled={!canSelect}
            onChange={onToggleAll}
          />
        </div>
        <SortableHeader label="Name" sortKey="name" sort={sort} onSort={onSort} />
        {!narrow && <SortableHeader label="Trade" sortKey="trade" sort={sort} onSort={onSort} />}
        {!narrow && <SortableHeader label="Primary contact email" sortKey="email" sort={sort} onSort={onSort} />}
        <SortableHeader label="COI status" sortKey="status" sort={sort} onSort={onSort} />
      </HeaderRow>
    </div>
  );
}

export interface DirectoryTableProps {
  rows: readonly DirectoryRow[];
  /** Fixed list size; by default the table fills its container and measures it. */
  size?: Size;
  onSelectionChange?: (vendorIds: ReadonlySet<string>) => void;
  /** Called when a status with a request behind it is clicked. */
  onOpenRequest?: (row: DirectoryRow) => void;
  onHistory?: (row: DirectoryRow) => void;
  /** Tag statuses that come from a global request (project directories). */
  showGlobal?: boolean;
  /** Each new value clears the ticks (after a Request COI was sent). */
  clearSelection?: number;
}

function companiesText(shown: number, total: number): string {
  const format = (count: number) => count.toLocaleString('en-US');
  const noun = total === 1 ? 'company' : 'companies';
  return shown === total ? `${format(total)} ${noun}` : `${format(shown)} of ${format(total)} ${noun}`;
}

/** Search, sort and selection over the directory; the search is deferred so typing stays smooth on 5,000 rows. */
function useDirectoryState(rows: readonly DirectoryRow[], onSelectionChange?: (vendorIds: ReadonlySet<string>) => void, clearSelection?: number) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'ascending' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const visible = useMemo(() => sortRows(filterRows(rows, deferredQuery), sort), [rows, deferredQuery, sort]);

  useEffect(() => onSelectionChange?.(selected), [selected, onSelectionChange]);
  useEffect(() => {
    if (clearSelection) setSelected(new Set());
  }, [clearSelection]);

  const toggle = useCallback((vendorId: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(vendorId)) next.add(vendorId);
      return next;
    });
  }, []);
  const onSort = useCallback((key: SortKey) => setSort((current) => nextSort(current, key)), []);
  const toggleVisible = useCallback(() => setSelected((current) => toggleAll(visible, current)), [visible]);
  return { query, setQuery, deferredQuery, sort, onSort, selected, toggle, toggleVisible, visible };
}

export function DirectoryTable({ rows, size, onSelectionChange, onOpenRequest, onHistory, showGlobal = false, clearSelection }: DirectoryTableProps) {
  const state = useDirectoryState(rows, onSelectionChange, clearSelection);
  const { visible, selected, toggle } = state;
  const bodyRef = useRef<HTMLDivElement>(null);
  const measured = useElementSize(bodyRef, size === undefined);
  const { width, height } = size ?? measured ?? fallbackSize;
  const narrow = width < narrowBreakpoint;
  const itemData = useMemo<RowData>(
    () => ({ rows: visible, selected, toggle, narrow, showGlobal, onOpenRequest, onHistory }),
    [visible, selected, toggle, narrow, showGlobal, onOpenRequest, onHistory],
  );

  return (
    <Layout>
      <Input
        type="search"
        aria-label="Search companies"
        placeholder="Search companies"
        value={state.query}
        onChange={(event) => state.setQuery(event.target.value)}
      />
      <Counts>
        <span aria-live="polite">{selected.size.toLocaleString('en-US')} selected</span>
        <span>{companiesText(visible.length, rows.length)}</span>
      </Counts>
      <Table role="table" aria-label="Companies" aria-rowcount={visible.length + 1}>
        <TableHeader
          narrow={narrow}
          sort={state.sort}
          onSort={state.onSort}
          allState={selectAllState(visible, selected)}
          canSelect={visible.length > 0}
          onToggleAll={state.toggleVisible}
        />
        <Body ref={bodyRef} role="rowgroup">
          {visible.length === 0 ? (
            <Empty>{rows.length === 0 ? 'This directory has no companies yet.' : `No companies match “${state.deferredQuery.trim()}”.`}</Empty>
          ) : (
            <FixedSizeList
              height={Math.max(height, rowHeights.wide)}
              width="100%"
              itemCount={visible.length}
              itemSize={narrow ? rowHeights.narrow : rowHeights.wide}
              itemData={itemData}
              itemKey={(index, data) => data.rows[index]?.vendorId ?? index}
              overscanCount={6}
              style={{ position: 'absolute', top: 0, left: 0 }}
            >
              {DirectoryRowView}
            </FixedSizeList>
          )}
        </Body>
      </Table>
    </Layout>
  );
}
