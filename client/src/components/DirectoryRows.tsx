import { memo } from 'react';
import type { ListChildComponentProps } from 'react-window';
import styled from 'styled-components';
import type { DirectoryRow } from '../../../server/contracts/directory';
import { colors, spacing } from './core';
import { emailText } from './directoryModel';
import { Checkbox } from './Checkbox';
import { GlobalTag, statusLabel, StatusPill } from './status';

export const wideColumns = '32px minmax(140px, 2fr) minmax(100px, 1fr) minmax(160px, 2fr) 190px';
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

/** The status opens its request when there is one; the name says so while keeping the visible label. */
function StatusCell({ row, data }: { row: DirectoryRow; data: RowData }) {
  const { onOpenRequest } = data;
  const pill = <StatusPill status={row.status} />;
  return (
    <StatusBox role="cell">
      {row.requestId !== null && onOpenRequest ? (
        <StatusButton type="button" aria-label={`${statusLabel(row.status)}: view the request for ${row.name}`} onClick={() => onOpenRequest(row)}>
          {pill}
        </StatusButton>
      ) : (
        pill
      )}
      {data.showGlobal && row.requestScope === 'global' && <GlobalTag />}
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
          <Cell style={{ fontWeight: 600 }}>{row.name}</Cell>
          <Muted>{row.trade ?? 'No trade'}</Muted>
          <EmailCell row={row} small />
        </div>
      ) : (
        <>
          <Cell role="cell" style={{ fontWeight: 600 }}>
            {row.name}
          </Cell>
          <Cell role="cell">{row.trade ?? '—'}</Cell>
          <EmailCell row={row} small={false} />
        </>
      )}
      <StatusCell row={row} data={data} />
    </RowGrid>
  );
});
