import { memo } from 'react';
import type { ListChildComponentProps } from 'react-window';
import styled from 'styled-components';
import type { DirectoryRow } from '../../../server/contracts/directory';
import { colors, spacing } from './core';
import { emailText } from './directoryModel';
import { Checkbox } from './Checkbox';
import { GlobalTag, statusLabel, StatusPill } from './status';
import { LinkButton } from './ui';

export const wideColumns = '32px minmax(140px, 2fr) minmax(100px, 1fr) minmax(160px, 2fr) minmax(190px, 1.5fr)';
export const narrowColumns = '32px minmax(0, 1fr) auto';
export const rowHeights = { wide: 44, narrow: 64 } as const;

export const RowGrid = styled.div<{ $columns: string }>`
  display: grid;
  grid-template-columns: ${({ $columns }) => $columns};
  align-items: center;
  column-gap: ${spacing.md}px;
  padding: 0 ${spacing.md}px;
  box-sizing: border-box;
  border-bottom: 1px solid ${colors.gray90};
  font-size: 14px;
  color: ${colors.gray15};
`;

const Cell = styled.div`
  min-width: 0;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
`;

const Muted = styled(Cell)<{ $warn?: boolean }>`
  color: ${({ $warn }) => ($warn ? colors.red45 : colors.gray45)};
  font-size: 12px;
`;

export interface RowData {
  rows: readonly DirectoryRow[];
  selected: ReadonlySet<string>;
  toggle: (vendorId: string) => void;
  narrow: boolean;
  /** Project directories tag statuses that come from a global request. */
  showGlobal: boolean;
  onOpenRequest?: (row: DirectoryRow) => void;
  /** Opens the vendor's history (everything asked, received and decided, across projects). */
  onHistory?: (row: DirectoryRow) => void;
}

const StatusButton = styled.button`
  all: unset;
  cursor: pointer;
  border-radius: 12px;
  &:focus-visible {
    outline: 2px solid ${colors.blue50};
    outline-offset: 2px;
  }
  &:hover span:first-child {
    text-decoration: underline;
  }
`;

const StatusBox = styled.div`
  display: flex;
  align-items: center;
  gap: ${spacing.xs}px;
`;

/** The company directory: the vendor's project requests by status, e.g. "Projects: 2 Pending, 1 Compliant". */
function projectsText(row: DirectoryRow): string | null {
  const counts = row.projectStatuses ?? [];
  return counts.length ? `Projects: ${counts.map((c) => `${c.count} ${statusLabel(c.status)}`).join(', ')}` : null;
}

/** The status opens its request when there is one; the name says so while keeping the visible label. */
function StatusCell({ row, data }: { row: DirectoryRow; data: RowData }) {
  const { onOpenRequest } = data;
  const projects = projectsText(row);
  // Asked per project only: "Not requested" (no global request) would read as never asked.
  const pill = row.requestId === null && projects ? null : <StatusPill status={row.status} />;
  return (
    <StatusBox role="cell">
      {pill === null ? null : row.requestId !== null && onOpenRequest ? (
        <StatusButton type="button" aria-label={`${statusLabel(row.status)}: view the request for ${row.name}`} onClick={() => onOpenRequest(row)}>
          {pill}
        </StatusButton>
      ) : (
        pill
      )}
      {data.showGlobal && row.requestScope === 'global' && <GlobalTag />}
      {projects && <Muted title={projects}>{projects}</Muted>}
    </StatusBox>
  );
}

function EmailCell({ row, small }: { row: DirectoryRow; small: boolean }) {
  const text = emailText(row);
  const warn = text !== row.email;
  // An invalid address stays visible on hover, so someone can see what to fix in Procore.
  const title = warn && row.email ? row.email : undefined;
  if (small) return <Muted $warn={warn} title={title}>{text}</Muted>;
  return (
    <Cell role="cell" title={title} style={warn ? { color: colors.red45 } : undefined}>
      {text}
    </Cell>
  );
}

function VendorName({ row, onHistory }: { row: DirectoryRow; onHistory?: (row: DirectoryRow) => void }) {
  if (!onHistory) return <>{row.name}</>;
  return (
    <LinkButton type="button" aria-label={`History of ${row.name}`} onClick={() => onHistory(row)}>
      {row.name}
    </LinkButton>
  );
}

/** One virtualised row; react-window positions it with `style`. */
export const DirectoryRowView = memo(function DirectoryRowView({ index, style, data }: ListChildComponentProps<RowData>) {
  const row = data.rows[index];
  if (row === undefined) return null;
  const checked = data.selected.has(row.vendorId);
  return (
    <RowGrid
      role="row"
      aria-rowindex={index + 2}
      aria-selected={checked}
      $columns={data.narrow ? narrowColumns : wideColumns}
      style={{ ...style, background: checked ? colors.blue96 : colors.white }}
    >
      <div role="cell">
        <Checkbox aria-label={row.name} checked={checked} onChange={() => data.toggle(row.vendorId)} />
      </div>
      {data.narrow ? (
        <div role="cell" style={{ minWidth: 0 }}>
          <Cell style={{ fontWeight: 600 }}>
            <VendorName row={row} onHistory={data.onHistory} />
          </Cell>
          <Muted>{row.trade ?? 'No trade'}</Muted>
          <EmailCell row={row} small />
        </div>
      ) : (
        <>
          <Cell role="cell" style={{ fontWeight: 600 }}>
            <VendorName row={row} onHistory={data.onHistory} />
          </Cell>
          <Cell role="cell">{row.trade ?? '—'}</Cell>
          <EmailCell row={row} small={false} />
        </>
      )}
      <StatusCell row={row} data={data} />
    </RowGrid>
  );
});
