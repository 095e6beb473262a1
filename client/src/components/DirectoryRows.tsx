import { memo } from 'react';
import type { ListChildComponentProps } from 'react-window';
import styled from 'styled-components';
import type { DirectoryRow } from '../../../server/contracts/directory';
import { colors, spacing } from './core';
import { emailText } from './directoryModel';
import { Checkbox, StatusPill } from './ui';

export const wideColumns = '32px minmax(140px, 2fr) minmax(100px, 1fr) minmax(160px, 2fr) 150px';
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
      <div role="cell">
        <StatusPill status={row.status} />
      </div>
    </RowGrid>
  );
});
