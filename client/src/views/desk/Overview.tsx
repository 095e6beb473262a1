import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import styled from 'styled-components';
import { coiStatusLabels, coiStatuses, type CoiStatus } from '../../../../server/contracts/directory';
import type { Overview as OverviewData, QueueItem, RegisterFilter } from '../../../../server/contracts/desk';
import { useOverview, type DeskScope } from '../../api/desk';
import { prefetchReview } from '../../api/review';
import { Button, colors, spacing } from '../../components/core';
import { QueryState } from '../../components/QueryState';
import { ScreenTitle } from '../../components/ui';
import { statusFill } from './StatusChart';

// The overview: counts by status, status by project, certificates expiring, the review queue and
// subs not responding. Every number opens the register filtered the same way. The chart (recharts)
// loads with its card; the review screen (pdf.js) loads when a certificate is opened.

const StatusChart = lazy(() => import('./StatusChart').then((m) => ({ default: m.StatusChart })));
const loadQueueReview = () => import('./QueueReview');
const QueueReview = lazy(loadQueueReview);

const Grid = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
  gap: ${spacing.md}px;
  overflow: auto;
`;

const Card = styled.section<{ $wide?: boolean }>`
  border: 1px solid ${colors.gray85};
  border-radius: 6px;
  padding: ${spacing.md}px;
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  ${({ $wide }) => ($wide ? 'grid-column: 1 / -1;' : '')}
  h2 {
    margin: 0;
    font-size: 16px;
  }
`;

const Numbers = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.sm}px;
`;

const NumberButton = styled.button<{ $accent: string }>`
  all: unset;
  cursor: pointer;
  display: flex;
  flex-direction: column;
  min-width: 96px;
  padding: ${spacing.sm}px;
  border-left: 4px solid ${({ $accent }) => $accent};
  border-radius: 4px;
  background: ${colors.gray98};
  strong {
    font-size: 22px;
    line-height: 28px;
  }
  span {
    font-size: 12px;
    color: ${colors.gray30};
  }
  &:hover strong {
    text-decoration: underline;
  }
  &:focus-visible {
    outline: 2px solid ${colors.blue50};
    outline-offset: 2px;
  }
`;

const List = styled.ol`
  margin: 0;
  padding: 0;
  list-style: none;
  li {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: ${spacing.sm}px;
    padding: ${spacing.xs}px 0;
    border-bottom: 1px solid ${colors.gray94};
    font-size: 13px;
  }
`;

const Muted = styled.span`
  color: ${colors.gray45};
  font-size: 12px;
`;

export type OpenRegister = (filter: Partial<RegisterFilter>) => void;

function Count({ value, label, accent, onClick }: { value: number; label: string; accent: string; onClick: () => void }) {
  return (
    <NumberButton type="button" $accent={accent} onClick={onClick} aria-label={`${value.toLocaleString('en-US')} ${label}: show in the register`}>
      {/* The space keeps the visible text ("2 Pending") a part of the name a screen reader hears. */}
      <strong>{value.toLocaleString('en-US')}</strong> <span>{label}</span>
    </NumberButton>
  );
}

function age(since: string): string {
  const days = Math.floor((Date.now() - new Date(since).getTime()) / 86_400_000);
  return days <= 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
}

function QueueList({ items, action }: { items: QueueItem[]; action: (item: QueueItem) => ReactNode }) {
  if (!items.length) return <Muted>Nothing here.</Muted>;
  return (
    <List>
      {items.map((item) => (
        <li key={item.requestId}>
          <span>
            <strong>{item.vendorName}</strong> <Muted>{item.projectName ?? 'All projects (global)'}</Muted>
          </span>
          {action(item)}
        </li>
      ))}
    </List>
  );
}

function Cards({ data, scope, onOpenRegister }: { data: OverviewData; scope: DeskScope; onOpenRegister: OpenRegister }) {
  const [reviewing, setReviewing] = useState<string | null>(null);
  const client = useQueryClient();
  // Pointed at or focused: the screen's code, the review and its file are fetched before the click.
  const warm = (requestId: string) => {
    loadQueueReview().catch(() => undefined); // a failed load shows when the screen opens
    prefetchReview(client, scope.companyId, requestId).catch(() => undefined); // the screen shows any error itself
  };
  const count = (status: CoiStatus) => data.statusCounts.find((c) => c.status === status)?.count ?? 0;
  const total = data.statusCounts.reduce((n, c) => n + c.count, 0);
  return (
    <Grid>
      <Card aria-labelledby="card-status" $wide>
        <h2 id="card-status">{`Status of ${total.toLocaleString('en-US')} vendor${total === 1 ? '' : 's'} × project${scope.projectId ? '' : 's'}`}</h2>
        <Numbers>
          {coiStatuses.map((status) => (
            <Count key={status} value={count(status)} label={coiStatusLabels[status]} accent={statusFill[status]} onClick={() => onOpenRegister({ status })} />
          ))}
        </Numbers>
      </Card>
      {scope.projectId === null && (
        <Card aria-labelledby="card-projects" $wide>
          <h2 id="card-projects">Status by project</h2>
          {data.byProject.length ? (
            <Suspense fallback={<Muted>Drawing the chart…</Muted>}>
              <StatusChart byProject={data.byProject} onOpen={(projectId, status) => onOpenRegister({ projectId, status })} />
            </Suspense>
          ) : (
            <Muted>No project directory has been read yet.</Muted>
          )}
        </Card>
      )}
      <Card aria-labelledby="card-expiring">
        <h2 id="card-expiring">Certificates expiring</h2>
        <Numbers>
          <Count value={data.expiring.within30} label="in 30 days" accent={colors.red50} onClick={() => onOpenRegister({ expiresWithin: '30', sort: 'expires' })} />
          <Count value={data.expiring.within60} label="in 60 days" accent={colors.orange50} onClick={() => onOpenRegister({ expiresWithin: '60', sort: 'expires' })} />
          <Count value={data.expiring.within90} label="in 90 days" accent={colors.yellow50} onClick={() => onOpenRegister({ expiresWithin: '90', sort: 'expires' })} />
        </Numbers>
      </Card>
      <Card aria-labelledby="card-review">
        <h2 id="card-review">Review queue</h2>
        <Numbers>
          <Count value={data.reviewQueue.count} label="waiting for a person" accent={colors.blue50} onClick={() => onOpenRegister({ queue: 'review' })} />
        </Numbers>
        <QueueList
          items={data.reviewQueue.oldest}
          action={(item) => (
            <Button
              size="sm"
              variant="secondary"
              aria-label={`Review ${item.vendorName}`}
              onPointerEnter={() => warm(item.requestId)}
              onFocus={() => warm(item.requestId)}
              onClick={() => setReviewing(item.requestId)}
            >
              {`Review · ${age(item.since)}`}
            </Button>
          )}
        />
      </Card>
      <Card aria-labelledby="card-silent">
        <h2 id="card-silent">Subs not responding</h2>
        <Numbers>
          <Count value={data.notResponding.count} label="pending after 3 reminders" accent={colors.gray45} onClick={() => onOpenRegister({ queue: 'not_responding' })} />
        </Numbers>
        <QueueList items={data.notResponding.oldest} action={(item) => <Muted>{`${item.remindersSent} reminders · asked ${age(item.since)} ago`}</Muted>} />
      </Card>
      <Card aria-labelledby="card-writeback">
        <h2 id="card-writeback">Procore write-back problems</h2>
        <Numbers>
          <Count value={data.writeBackProblems.count} label="not yet written to Procore" accent={colors.red50} onClick={() => onOpenRegister({ queue: 'write_back' })} />
        </Numbers>
        <QueueList items={data.writeBackProblems.oldest} action={(item) => <Muted>{item.note ?? ''}</Muted>} />
      </Card>
      {reviewing !== null && (
        <Suspense fallback={null}>
          <QueueReview scope={scope} start={reviewing} onClose={() => setReviewing(null)} />
        </Suspense>
      )}
    </Grid>
  );
}

export default function Overview({ scope, onOpenRegister }: { scope: DeskScope; onOpenRegister: OpenRegister }) {
  const query = useOverview(scope);
  return (
    <>
      <ScreenTitle>Compliance overview</ScreenTitle>
      <QueryState query={query} loadingLabel="Loading the overview…">
        {(data) => <Cards data={data} scope={scope} onOpenRegister={onOpenRegister} />}
      </QueryState>
    </>
  );
}
