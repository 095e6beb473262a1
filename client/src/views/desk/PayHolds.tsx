import { useState } from 'react';
import styled from 'styled-components';
import type { PayHold } from '../../../../server/contracts/desk';
import { downloadPayHolds, usePayHolds } from '../../api/desk';
import { isApiError } from '../../api/http';
import { Button, colors, spacing } from '../../components/core';
import { QueryState } from '../../components/QueryState';
import { StatusPill } from '../../components/status';
import { DataTable, Notice, ScreenTitle } from '../../components/ui';

// Pay-app holds: the project's commitments whose vendor is not compliant today ("no payment goes
// out to a non-compliant vendor"), with why and for how long, exportable for accounts payable.

const Table = styled(DataTable)`
  th {
    background: ${colors.gray98};
    font-size: 12px;
  }
`;

const Bar = styled.div`
  display: flex;
  justify-content: space-between;
  align-items: center;
  gap: ${spacing.sm}px;
`;

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function holdAge(since: string | null): string {
  if (!since) return '';
  const days = Math.floor((Date.now() - new Date(since).getTime()) / 86_400_000);
  return days <= 0 ? 'since today' : days === 1 ? 'for 1 day' : `for ${days} days`;
}

export function HoldRow({ hold }: { hold: PayHold }) {
  return (
    <tr>
      <td>
        <strong>{hold.number ?? hold.commitmentId}</strong>
        <br />
        {hold.title ?? ''}
      </td>
      <td>{hold.vendorName}</td>
      <td>
        <StatusPill status={hold.status} />
      </td>
      <td>{hold.reason}</td>
      <td>{holdAge(hold.since)}</td>
      <td>{hold.grandTotal === null ? '' : money.format(hold.grandTotal)}</td>
    </tr>
  );
}

export default function PayHolds({ companyId, projectId }: { companyId: string; projectId: string }) {
  const query = usePayHolds(companyId, projectId);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ScreenTitle>Pay-app holds</ScreenTitle>
      <QueryState query={query} loadingLabel="Loading pay-app holds…">
        {({ holds }) => (
          <>
            <Bar>
              <span>
                {holds.length === 0
                  ? 'Every vendor with a commitment here is compliant today: no pay application needs holding.'
                  : `${holds.length} commitment${holds.length === 1 ? '' : 's'} to hold: the vendor is not compliant today.`}
              </span>
              <Button size="sm" variant="secondary" onClick={() => downloadPayHolds(companyId, projectId).catch((err: unknown) => setError(isApiError(err) ? err.message : 'The export failed.'))}>
                Export CSV
              </Button>
            </Bar>
            {error && <Notice tone="error">{error}</Notice>}
            {holds.length > 0 && (
              <div style={{ overflow: 'auto' }}>
                <Table aria-label="Pay-app holds">
                  <thead>
                    <tr>
                      <th>Commitment</th>
                      <th>Vendor</th>
                      <th>COI status</th>
                      <th>Reason</th>
                      <th>How long</th>
                      <th>Grand total</th>
                    </tr>
                  </thead>
                  <tbody>
                    {holds.map((h) => (
                      <HoldRow key={h.commitmentId} hold={h} />
                    ))}
                  </tbody>
                </Table>
              </div>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
