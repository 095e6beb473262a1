import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import styled from 'styled-components';
import type { Directory, DirectoryRow } from '../../../server/contracts/directory';
import type { RequestScope } from '../api/requests';
import { useCan } from '../api/access';
import { Button, colors, H1, spacing } from '../components/core';
import { DirectoryTable } from '../components/DirectoryTable';
import { QueryState } from '../components/QueryState';

// The dialog and the request drawer load on first use: most visits only look at statuses.
const RequestCoiDialog = lazy(() => import('./RequestCoiDialog'));
const RequestDetail = lazy(() => import('./RequestDetail'));
const VendorHistory = lazy(() => import('./desk/VendorHistory'));

const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  flex: 1 1 auto;
  min-height: 0;
`;

const TitleRow = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${spacing.sm}px;
`;

const Actions = styled.div`
  display: flex;
  gap: ${spacing.sm}px;
`;

const Subtitle = styled.p`
  margin: 0;
  font-size: 12px;
  color: ${colors.gray45};
`;

function title(directory: Directory): string {
  return directory.project ? `${directory.project.name}: project directory` : `${directory.company.name}: company directory`;
}

function syncedText(syncedAt: string): string {
  const date = new Date(syncedAt);
  return Number.isNaN(date.getTime()) ? 'Synced from Procore' : `Synced from Procore ${date.toLocaleString()}`;
}

interface DirectoryPanelProps {
  query: UseQueryResult<Directory>;
  loadingLabel: string;
  scope: RequestScope;
  /** More buttons beside Request COI (the company panel's Settings). */
  actions?: ReactNode;
}

/** The directory heading, Request COI and the table, shared by the project and company panels. */
export function DirectoryPanel({ query, loadingLabel, scope, actions }: DirectoryPanelProps) {
  return (
    <QueryState query={query} loadingLabel={loadingLabel}>
      {(directory) => <DirectoryView directory={directory} scope={scope} actions={actions} />}
    </QueryState>
  );
}

function RequestButton({ count, onClick }: { count: number; onClick: () => void }) {
  return (
    // The name stays exactly "Request COI"; the count is shown beside it for sighted users.
    <Button variant="primary" aria-label="Request COI" disabled={count === 0} onClick={onClick}>
      Request COI{count > 0 && <span aria-hidden="true">{` (${count.toLocaleString('en-US')})`}</span>}
    </Button>
  );
}

function DirectoryView({ directory, scope, actions }: { directory: Directory; scope: RequestScope; actions?: ReactNode }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [dialogRows, setDialogRows] = useState<DirectoryRow[] | null>(null);
  const [openRequest, setOpenRequest] = useState<string | null>(null);
  const [cleared, setCleared] = useState(0);
  const selectedRows = useMemo(() => directory.vendors.filter((row) => selected.has(row.vendorId)), [directory.vendors, selected]);
  const onOpenRequest = useCallback((row: DirectoryRow) => setOpenRequest(row.requestId), []);
  const [history, setHistory] = useState<DirectoryRow | null>(null);
  const canViewRequests = useCan('requests.view');
  const global = scope.projectId === null;
  const canRequest = useCan('requests.create');

  return (
    <Section aria-labelledby="directory-title">
      <TitleRow>
        <H1 id="directory-title" style={{ fontSize: 18, lineHeight: '24px', margin: 0 }}>
          {title(directory)}
        </H1>
        <Actions>
          {actions}
          {canRequest && <RequestButton count={selectedRows.length} onClick={() => setDialogRows(selectedRows)} />}
        </Actions>
      </TitleRow>
      <Subtitle>
        {syncedText(directory.syncedAt)}
        {global && ' · Requests made here are global: one annual certificate covers all projects (Global Subcontractors).'}
      </Subtitle>
      <DirectoryTable rows={directory.vendors} onSelectionChange={setSelected} onOpenRequest={onOpenRequest} onHistory={canViewRequests ? setHistory : undefined} showGlobal={!global} clearSelection={cleared} />
      <Suspense fallback={null}>
        {dialogRows !== null && <RequestCoiDialog scope={scope} rows={dialogRows} onClose={() => setDialogRows(null)} onClearSelection={() => setCleared((n) => n + 1)} />}
        {openRequest !== null && <RequestDetail companyId={scope.companyId} requestId={openRequest} onClose={() => setOpenRequest(null)} />}
        {history !== null && <VendorHistory companyId={scope.companyId} vendorId={history.vendorId} vendorName={history.name} onClose={() => setHistory(null)} />}
      </Suspense>
    </Section>
  );
}
