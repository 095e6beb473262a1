import { lazy, Suspense, useDeferredValue, useMemo, useRef, useState } from 'react';
import { FixedSizeList, type ListChildComponentProps } from 'react-window';
import styled from 'styled-components';
import { coiStatuses, coiStatusLabels, type CoiStatus } from '../../../../server/contracts/directory';
import type { RegisterFilter, RegisterRow } from '../../../../server/contracts/desk';
import { downloadProjectReport, downloadRegister, useOverview, useRegister, type DeskScope } from '../../api/desk';
import { useDirectoryTrades } from '../../api/directory';
import { isApiError } from '../../api/http';
import { Button, colors, Input, spacing } from '../../components/core';
import { GlobalTag, StatusPill } from '../../components/status';
import { LinkButton, Notice, ScreenTitle } from '../../components/ui';
import { useElementSize } from '../../components/useElementSize';
import { Loading } from '../../components/Loading';

// The compliance register: every vendor × project, filtered, searched and sorted on the server,
// virtualised here (rows are fetched a page at a time as they scroll into view), and exported
// with the same filter as CSV or Excel.

const VendorHistory = lazy(() => import('./VendorHistory'));

const columns = 'minmax(160px, 2fr) minmax(120px, 1.5fr) 150px minmax(180px, 3fr) 100px minmax(200px, 3fr)';
const rowHeight = 52;
const fallback = { width: 1000, height: 480 };

const Layout = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  flex: 1 1 auto;
  min-height: 0;
`;

const Filters = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.sm}px;
  align-items: flex-end;
  label {
    display: flex;
    flex-direction: column;
    font-size: 12px;
    color: ${colors.gray45};
  }
  select {
    font: inherit;
    padding: 6px;
  }
`;

const Grid = styled.div`
  display: grid;
  grid-template-columns: ${columns};
  column-gap: ${spacing.md}px;
  align-items: center;
  padding: 0 ${spacing.md}px;
  border-bottom: 1px solid ${colors.gray90};
  font-size: 13px;
  box-sizing: border-box;
  > * {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;

const Head = styled(Grid)`
  height: 40px;
  background: ${colors.gray98};
  font-weight: 600;
  font-size: 12px;
  button {
    all: unset;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid ${colors.blue50};
  }
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

const Body = styled.div`
  position: relative;
  flex: 1 1 auto;
  min-height: 0;
`;

const Small = styled.span`
  color: ${colors.gray45};
  font-size: 12px;
`;

const sortLabels: [RegisterFilter['sort'], string][] = [
  ['vendor', 'Vendor'],
  ['project', 'Project'],
  ['status', 'Status'],
];

const lineShort: Record<string, string> = {
  general_liability: 'GL',
  automobile_liability: 'Auto',
  umbrella_liability: 'Umbrella',
  excess_liability: 'Excess',
  workers_compensation: 'WC/EL',
  other: 'Other',
};

function policiesShort(row: RegisterRow): string {
  return row.policies.map((p) => `${lineShort[p.line] ?? p.line}${p.insurer ? ` ${p.insurer}` : ''}${p.expires ? ` to ${p.expires}` : ''}`).join(' · ');
}

interface RowsData {
  rows: (RegisterRow | undefined)[];
  onHistory: (row: RegisterRow) => void;
}

function RegisterLine({ index, style, data }: ListChildComponentProps<RowsData>) {
  const row = data.rows[index];
  if (!row) {
    return (
      <Grid role="row" aria-rowindex={index + 2} style={{ ...style, height: rowHeight }}>
        <Small>Loading…</Small>
      </Grid>
    );
  }
  return (
    <Grid role="row" aria-rowindex={index + 2} style={{ ...style, height: rowHeight }}>
      <div role="cell">
        <LinkButton type="button" aria-label={`History of ${row.vendorName}`} onClick={() => data.onHistory(row)}>
          {row.vendorName}
        </LinkButton>
        <br />
        <Small>{row.trade ?? ''}</Small>
      </div>
      <div role="cell">{row.projectName}</div>
      <div role="cell">
        <StatusPill status={row.status} /> {row.requestScope === 'global' && <GlobalTag />}
      </div>
      <div role="cell" title={row.reason ?? ''}>
        {row.reason ?? ''}
      </div>
      <div role="cell">{row.endsOn ?? ''}</div>
      <div role="cell" title={policiesShort(row)}>
        <Small>{policiesShort(row)}</Small>
      </div>
    </Grid>
  );
}

export default function Register({ scope, initial }: { scope: DeskScope; initial: Partial<RegisterFilter> }) {
  const [filter, setFilter] = useState<Partial<RegisterFilter>>(initial);
  const [search, setSearch] = useState(initial.q ?? '');
  const q = useDeferredValue(search.trim());
  const effective = useMemo(() => ({ ...filter, q: q || undefined }), [filter, q]);
  const query = useRegister(scope, effective);
  const projects = useOverview(scope).data?.byProject ?? [];
  const trades = useDirectoryTrades(scope.companyId, scope.projectId);
  const body = useRef<HTMLDivElement>(null);
  const measured = useElementSize(body, true);
  const { height } = measured ?? fallback;
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [history, setHistory] = useState<RegisterRow | null>(null);
  const total = query.data?.pages[0]?.total ?? 0;
  const loaded = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const set = (patch: Partial<RegisterFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const sortBy = (sort: RegisterFilter['sort']) => setFilter((f) => ({ ...f, sort, direction: f.sort === sort && f.direction !== 'desc' ? 'desc' : 'asc' }));
  const arrow = (sort: RegisterFilter['sort']) => ((filter.sort ?? 'vendor') === sort ? (filter.direction === 'desc' ? ' ▼' : ' ▲') : '');
  const ariaSort = (sort: RegisterFilter['sort']) => ((filter.sort ?? 'vendor') === sort ? (filter.direction === 'desc' ? 'descending' : 'ascending') : 'none');
  const exportAs = (ext: 'csv' | 'xlsx' | 'pdf') => {
    setExporting(ext);
    setExportError(null);
    const download = ext === 'pdf' ? downloadProjectReport(scope.companyId, scope.projectId ?? '') : downloadRegister(scope, effective, ext);
    download.then(
      () => setExporting(null),
      (err: unknown) => {
        setExporting(null);
        setExportError(isApiError(err) ? err.message : 'The export could not be made. Try again.');
      },
    );
  };
  return (
    <Layout>
      <ScreenTitle>Compliance register</ScreenTitle>
      <Filters role="search" aria-label="Register filters">
        <label>
          Search
          <Input type="search" aria-label="Search the register" placeholder="Vendor, project or trade" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          Status
          <select aria-label="Status" value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as CoiStatus | undefined })}>
            <option value="">Any status</option>
            {coiStatuses.map((s) => (
              <option key={s} value={s}>
                {coiStatusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        {scope.projectId === null && (
          <label>
            Project
            <select aria-label="Project" value={filter.projectId ?? ''} onChange={(e) => set({ projectId: e.target.value || undefined })}>
              <option value="">Every project</option>
              {projects.map((p) => (
                <option key={p.projectId} value={p.projectId}>
                  {p.projectName}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Trade
          <select aria-label="Trade" value={filter.trade ?? ''} onChange={(e) => set({ trade: e.target.value || undefined })}>
            <option value="">Any trade</option>
            {trades.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Certificate ends
          <select aria-label="Certificate ends" value={filter.expiresWithin ?? ''} onChange={(e) => set({ expiresWithin: (e.target.value || undefined) as RegisterFilter['expiresWithin'] })}>
            <option value="">Any time</option>
            <option value="30">Within 30 days</option>
            <option value="60">Within 60 days</option>
            <option value="90">Within 90 days</option>
          </select>
        </label>
        {filter.queue && (
          <Button size="sm" variant="tertiary" onClick={() => set({ queue: undefined })}>
            {{ review: 'Review queue only ✕', not_responding: 'Not responding only ✕', write_back: 'Write-back problems only ✕' }[filter.queue]}
          </Button>
        )}
        <Button size="sm" variant="secondary" loading={exporting === 'csv'} onClick={() => exportAs('csv')}>
          Export CSV
        </Button>
        <Button size="sm" variant="secondary" loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')}>
          Export Excel
        </Button>
        {scope.projectId !== null && (
          <Button size="sm" variant="secondary" loading={exporting === 'pdf'} onClick={() => exportAs('pdf')}>
            Printable report (PDF)
          </Button>
        )}
      </Filters>
      {exportError && <Notice tone="error">{exportError}</Notice>}
      <Small aria-live="polite">{query.isPending ? 'Loading…' : `${total.toLocaleString('en-US')} ${total === 1 ? 'row' : 'rows'}`}</Small>
      {query.isError ? (
        <Notice tone="error">{isApiError(query.error) ? query.error.message : 'The register could not be loaded.'}</Notice>
      ) : (
        <Table role="table" aria-label="Compliance register" aria-rowcount={total + 1}>
          <div role="rowgroup">
            <Head role="row" aria-rowindex={1}>
              {sortLabels.map(([key, label]) => (
                <div role="columnheader" key={key} aria-sort={ariaSort(key)}>
                  <button type="button" onClick={() => sortBy(key)}>{`${label}${arrow(key)}`}</button>
                </div>
              ))}
              <div role="columnheader">Reason</div>
              <div role="columnheader" aria-sort={ariaSort('expires')}>
                <button type="button" onClick={() => sortBy('expires')}>{`Ends${arrow('expires')}`}</button>
              </div>
              <div role="columnheader">Policies</div>
            </Head>
          </div>
          <Body ref={body} role="rowgroup">
            {query.isPending ? (
              <Loading label="Loading the register…" />
            ) : (
              <FixedSizeList
                height={Math.max(height, rowHeight)}
                width="100%"
                itemCount={total}
                itemSize={rowHeight}
                itemData={{ rows: loaded, onHistory: setHistory }}
                overscanCount={8}
                style={{ position: 'absolute', top: 0, left: 0 }}
                onItemsRendered={({ visibleStopIndex }) => {
                  if (visibleStopIndex >= loaded.length - 20 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
                }}
              >
                {RegisterLine}
              </FixedSizeList>
            )}
          </Body>
        </Table>
      )}
      {history && (
        <Suspense fallback={null}>
          <VendorHistory companyId={scope.companyId} vendorId={history.vendorId} vendorName={history.vendorName} onClose={() => setHistory(null)} />
        </Suspense>
      )}
    </Layout>
  );
}
