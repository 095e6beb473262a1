import styled from 'styled-components';
import { coiStatusLabels, type DirectoryRow } from '../../../server/contracts/directory';
import { Button, colors, Input, spacing } from './core';
import { validEmail, type RecipientPlan } from './requestPlan';

// The lists inside the Request COI dialog: who is emailed, whose address needs fixing, who is
// already requested.

// Selecting thousands is allowed; listing them all would only make the dialog slow to open.
const maxListed = 100;

export const Group = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
`;

export const GroupTitle = styled.h3`
  margin: 0;
  font-size: 14px;
  line-height: 20px;
`;

export const List = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
  max-height: 220px;
  overflow: auto;
  border: 1px solid ${colors.gray90};
  border-radius: 4px;
`;

export const Item = styled.li`
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  justify-content: space-between;
  gap: ${spacing.xs}px ${spacing.sm}px;
  padding: ${spacing.xs}px ${spacing.sm}px;
  border-bottom: 1px solid ${colors.gray94};
  &:last-child {
    border-bottom: none;
  }
`;

export const Muted = styled.span`
  color: ${colors.gray45};
  font-size: 12px;
  overflow-wrap: anywhere;
`;

const FixRow = styled.div`
  display: flex;
  gap: ${spacing.sm}px;
  width: 100%;
  align-items: center;
  /* core's Input is 100% wide plus padding: let the row, not the input, decide its width. */
  input {
    box-sizing: border-box;
    min-width: 0;
    flex: 1 1 auto;
  }
`;

const FieldError = styled.span`
  color: ${colors.red45};
  font-size: 12px;
  width: 100%;
`;

export function ReadyList({ rows }: { rows: DirectoryRow[] }) {
  if (rows.length === 0) return null;
  return (
    <Group aria-label="To be emailed">
      <GroupTitle>To be emailed</GroupTitle>
      <List>
        {rows.slice(0, maxListed).map((row) => (
          <Item key={row.vendorId}>
            <strong>{row.name}</strong>
            <Muted>{row.email}</Muted>
          </Item>
        ))}
        {rows.length > maxListed && (
          <Item>
            <Muted>and {(rows.length - maxListed).toLocaleString('en-US')} more</Muted>
          </Item>
        )}
      </List>
    </Group>
  );
}

interface FixProps {
  row: DirectoryRow;
  value: string;
  onChange: (vendorId: string, value: string) => void;
  onLeaveOut: (vendorId: string, leaveOut: boolean) => void;
}

function problemText(row: DirectoryRow): string {
  return row.email === null || row.email.trim() === '' ? 'No email in Procore' : `Not a valid email in Procore: ${row.email}`;
}

function EmailFix({ row, value, onChange, onLeaveOut }: FixProps) {
  const errorId = `fix-error-${row.vendorId}`;
  const invalid = value.trim() !== '' && validEmail(value) === null;
  return (
    <Item>
      <strong>{row.name}</strong>
      <Muted>{problemText(row)}</Muted>
      <FixRow>
        <Input
          type="email"
          aria-label={`Email for ${row.name}`}
          placeholder="name@company.com"
          value={value}
          error={invalid}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => onChange(row.vendorId, event.target.value)}
        />
        <Button variant="tertiary" size="sm" aria-label={`Leave ${row.name} out`} onClick={() => onLeaveOut(row.vendorId, true)}>
          Leave out
        </Button>
      </FixRow>
      {invalid && <FieldError id={errorId}>Enter a valid email address, like name@company.com.</FieldError>}
    </Item>
  );
}

interface FixListProps {
  rows: DirectoryRow[];
  typed: Readonly<Record<string, string>>;
  leftOut: ReadonlySet<string>;
  onChange: (vendorId: string, value: string) => void;
  onLeaveOut: (vendorId: string, leaveOut: boolean) => void;
  onLeaveAllOut: (leaveOut: boolean) => void;
}

const companies = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'company' : 'companies'}`;

/** "A, B, C and 435 more": a long selection stays one short line. */
export function shortList(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${(names.length - shown).toLocaleString('en-US')} more`;
}

function problemCounts(rows: DirectoryRow[]): string {
  const missing = rows.filter((row) => row.email === null || row.email.trim() === '').length;
  const invalid = rows.length - missing;
  const parts = [missing > 0 ? `${missing.toLocaleString('en-US')} with no email` : null, invalid > 0 ? `${invalid.toLocaleString('en-US')} with an invalid one` : null];
  return parts.filter(Boolean).join(', ');
}

const BulkRow = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${spacing.sm}px;
`;

export function FixList({ rows, typed, leftOut, onChange, onLeaveOut, onLeaveAllOut }: FixListProps) {
  if (rows.length === 0) return null;
  const included = rows.filter((row) => !leftOut.has(row.vendorId));
  const out = rows.filter((row) => leftOut.has(row.vendorId));
  const unresolved = included.filter((row) => validEmail(typed[row.vendorId] ?? '') === null).length;
  return (
    <Group aria-label="Email needed">
      <GroupTitle>{`Email needed: ${companies(rows.length)} (${problemCounts(rows)})`}</GroupTitle>
      {included.length > 0 && (
        <>
          <BulkRow>
            <Muted>Type an address for each company, or leave it out. The address is remembered for next time.</Muted>
            {unresolved > 1 && (
              <Button variant="secondary" size="sm" onClick={() => onLeaveAllOut(true)}>
                {`Leave all ${unresolved.toLocaleString('en-US')} out`}
              </Button>
            )}
          </BulkRow>
          <List style={{ maxHeight: 320 }}>
            {included.slice(0, maxListed).map((row) => (
              <EmailFix key={row.vendorId} row={row} value={typed[row.vendorId] ?? ''} onChange={onChange} onLeaveOut={onLeaveOut} />
            ))}
            {included.length > maxListed && (
              <Item>
                <Muted>and {(included.length - maxListed).toLocaleString('en-US')} more: leave them out, or fix their emails in Procore</Muted>
              </Item>
            )}
          </List>
        </>
      )}
      {out.length > 0 && (
        <BulkRow role="status">
          <Muted>{`Left out (${companies(out.length)}, no request is sent): ${shortList(out.map((row) => row.name))}`}</Muted>
          <Button variant="tertiary" size="sm" onClick={() => onLeaveAllOut(false)}>
            {out.length === 1 ? `Include ${out[0]!.name}` : 'Include them again'}
          </Button>
        </BulkRow>
      )}
    </Group>
  );
}

export function AlreadyList({ plan }: { plan: RecipientPlan }) {
  if (plan.already.length === 0) return null;
  return (
    <Group aria-label="Already requested">
      <GroupTitle>Already requested (not sent again)</GroupTitle>
      <List>
        {plan.already.slice(0, maxListed).map((row) => (
          <Item key={row.vendorId}>
            <strong>{row.name}</strong>
            <Muted>
              already requested · {coiStatusLabels[row.status]}
              {row.requestScope === 'global' ? ' · Global' : ''}
            </Muted>
          </Item>
        ))}
        {plan.already.length > maxListed && (
          <Item>
            <Muted>and {(plan.already.length - maxListed).toLocaleString('en-US')} more</Muted>
          </Item>
        )}
      </List>
    </Group>
  );
}
