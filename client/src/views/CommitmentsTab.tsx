import { useCallback, useMemo, useState } from 'react';
import styled from 'styled-components';
import type { CommitmentRow } from '../../../server/contracts/requests';
import { useCommitments, useRequestCommitment } from '../api/commitments';
import { errorSentence } from '../components/ApiErrorNotice';
import { Button, colors, H1, Input, spacing } from '../components/core';
import { formatDate, formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';
import { validEmail } from '../components/requestPlan';
import { useCan } from '../api/access';

// Vendors with a subcontract or purchase order in this project and no COI request yet.

const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  padding-top: ${spacing.md}px;
  min-height: 0;
  overflow: auto;
`;

const List = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
  border: 1px solid ${colors.gray85};
  border-radius: 4px;
`;

const Row = styled.li`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${spacing.sm}px;
  padding: ${spacing.sm}px ${spacing.md}px;
  border-bottom: 1px solid ${colors.gray90};
  font-size: 14px;
  &:last-child {
    border-bottom: none;
  }
`;

const Main = styled.div`
  display: flex;
  flex-direction: column;
  min-width: 0;
  flex: 1 1 220px;
`;

const Small = styled.span<{ $warn?: boolean }>`
  font-size: 12px;
  color: ${({ $warn }) => ($warn ? colors.red45 : colors.gray45)};
`;

const EmailBox = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xxs}px;
  flex: 1 1 200px;
  input {
    box-sizing: border-box;
  }
`;

const kindLabels: Record<CommitmentRow['kind'], string> = { work_order: 'Subcontract', purchase_order: 'Purchase order' };

/** Newest first, undated last; the server orders them so too, this keeps it true after local removals. */
export function newestFirst(rows: readonly CommitmentRow[]): CommitmentRow[] {
  const time = (row: CommitmentRow) => (row.createdAt === null ? Number.NEGATIVE_INFINITY : Date.parse(row.createdAt));
  return [...rows].sort((a, b) => time(b) - time(a));
}

function heading(row: CommitmentRow): string {
  const parts = [row.number === null ? null : `#${row.number}`, row.title].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' · ') : kindLabels[row.kind];
}

interface ItemProps {
  row: CommitmentRow;
  companyId: string;
  projectId: string;
  onRequested: (vendorName: string) => void;
}

function CommitmentItem({ row, companyId, projectId, onRequested }: ItemProps) {
  const canRequest = useCan('requests.create');
  const request = useRequestCommitment(companyId, projectId);
  const needsEmail = !row.emailValid || row.email === null;
  const [email, setEmail] = useState('');
  const [tried, setTried] = useState(false);
  const fixed = validEmail(email);
  const emailError = needsEmail && tried && fixed === null;
  const errorId = `commitment-email-error-${row.commitmentId}`;
  const skipped = request.data?.skipped[0];

  const send = () => {
    setTried(true);
    if (request.isPending || (needsEmail && fixed === null)) return;
    // mutateAsync, not mutate's callbacks: the row is gone from the list by the time it resolves.
    request
      .mutateAsync({ commitmentId: row.commitmentId, email: needsEmail && fixed !== null ? fixed : undefined })
      .then((result) => result.created.length > 0 && onRequested(row.vendorName))
      .catch(() => undefined);
  };

  return (
    <Row>
      <Main>
        <strong>{heading(row)}</strong>
        <span>{row.vendorName}</span>
        <Small>
          {formatMoney(row.amount)} · {kindLabels[row.kind]} · {row.status} · Created {formatDate(row.createdAt)}
        </Small>
        {!needsEmail && <Small>{row.email}</Small>}
      </Main>
      {canRequest && needsEmail && (
        <EmailBox>
          <Small $warn>{row.email === null ? 'No email in Procore' : `Not a valid email in Procore: ${row.email}`}</Small>
          <Input
            type="email"
            aria-label={`Email for ${row.vendorName}`}
            placeholder="name@company.com"
            value={email}
            error={emailError}
            aria-invalid={emailError}
            aria-describedby={emailError ? errorId : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
          {emailError && (
            <Small $warn id={errorId}>
              Enter a valid email address to send the request.
            </Small>
          )}
        </EmailBox>
      )}
      {canRequest && (
        <Button variant="secondary" size="sm" aria-label={`Request COI from ${row.vendorName}`} loading={request.isPending} onClick={send}>
          Request
        </Button>
      )}
      {request.isError && <Small $warn role="alert">{errorSentence(request.error)}</Small>}
      {skipped !== undefined && <Small $warn role="alert">{skipped.message}</Small>}
    </Row>
  );
}

function CommitmentList({ rows, companyId, projectId }: { rows: CommitmentRow[]; companyId: string; projectId: string }) {
  const ordered = useMemo(() => newestFirst(rows), [rows]);
  const [done, setDone] = useState('');
  const onRequested = useCallback((vendorName: string) => setDone(`COI requested from ${vendorName}.`), []);
  return (
    <>
      <Small role="status">{done}</Small>
      {ordered.length === 0 ? (
        <p style={{ margin: 0, color: colors.gray45 }}>Every vendor with a commitment in this project has been asked for a COI.</p>
      ) : (
        <List aria-label="Commitments without a COI request">
          {ordered.map((row) => (
            <CommitmentItem key={row.commitmentId} row={row} companyId={companyId} projectId={projectId} onRequested={onRequested} />
          ))}
        </List>
      )}
    </>
  );
}

export default function CommitmentsTab({ companyId, projectId }: { companyId: string; projectId: string }) {
  const query = useCommitments(companyId, projectId);
  return (
    <Section aria-labelledby="commitments-title">
      <H1 id="commitments-title" style={{ fontSize: 18, lineHeight: '24px', margin: 0 }}>
        Request for Commitments
      </H1>
      <Small>Vendors holding a subcontract or purchase order in this project, with no COI request yet. Newest first.</Small>
      <QueryState query={query} loadingLabel="Loading commitments…">
        {(rows) => <CommitmentList rows={rows} companyId={companyId} projectId={projectId} />}
      </QueryState>
    </Section>
  );
}
