import { lazy, Suspense, useState } from 'react';
import styled from 'styled-components';
import type { RequestDetail as Detail } from '../../../server/contracts/requests';
import { useRequestDetail } from '../api/requests';
import { colors, spacing } from '../components/core';
import { Dialog } from '../components/Dialog';
import { formatBytes, formatDate, formatDateTime } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Group, GroupTitle, Muted } from '../components/Recipients';
import { GlobalTag, StatusPill } from '../components/status';
import { RequestActions } from './RequestActions';
import { ReviewButton } from './ReviewButton';
import { useCan } from '../api/access';
import { MobileField } from './MobileField';

// The review screen brings pdf.js along: loaded only when a manager opens it.
const CertificateReview = lazy(() => import('./CertificateReview'));

// One request in a side drawer (fits Procore's 400 px side panel): who, where, its status,
// everything that happened to it, what was received, and what can still be done.

const Facts = styled.dl`
  display: grid;
  grid-template-columns: max-content minmax(0, 1fr);
  gap: ${spacing.xs}px ${spacing.md}px;
  margin: 0;
  dt {
    color: ${colors.gray45};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

const Events = styled.ol`
  list-style: none;
  margin: 0;
  padding: 0 0 0 ${spacing.md}px;
  border-left: 2px solid ${colors.gray90};
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
`;

const Documents = styled.ul`
  margin: 0;
  padding-left: ${spacing.lg}px;
`;

function FactList({ detail }: { detail: Detail }) {
  return (
    <Facts aria-label="Request">
      <dt>Vendor</dt>
      <dd>{detail.vendorName}</dd>
      <dt>Project</dt>
      <dd>
        {detail.projectName ?? (
          <>
            All projects <GlobalTag />
          </>
        )}
      </dd>
      <dt>Status</dt>
      <dd>
        <StatusPill status={detail.status} />
      </dd>
      <dt>Recipient</dt>
      <dd>{detail.recipientEmail}</dd>
      <dt>Broker</dt>
      <dd>{detail.brokerEmail ?? 'None yet'}</dd>
      {detail.recipientMobile ? (
        <>
          <dt>Mobile</dt>
          <dd>{detail.recipientMobile}{detail.mobileOptedOut ? ' (replied STOP: no texts)' : ''}</dd>
        </>
      ) : null}
      <dt>Requested</dt>
      <dd>{formatDateTime(detail.createdAt)}</dd>
      {detail.procore ? (
        <>
          <dt>Procore</dt>
          {/* The alert sits inside the dd: a dd with a role of its own breaks the list. */}
          <dd>{detail.procore.state === 'reconnect' ? <span role="alert">{detail.procore.message}</span> : detail.procore.message}</dd>
        </>
      ) : null}
    </Facts>
  );
}

function Timeline({ events }: { events: Detail['timeline'] }) {
  // Oldest first, newest last: it reads as the story of the request.
  const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <Group aria-labelledby="timeline-title">
      <GroupTitle id="timeline-title">Timeline</GroupTitle>
      {ordered.length === 0 ? (
        <Muted>Nothing has happened yet.</Muted>
      ) : (
        <Events>
          {ordered.map((event) => (
            <li key={event.id}>
              <Muted>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {event.actor}
              </Muted>
              <div>{event.summary}</div>
            </li>
          ))}
        </Events>
      )}
    </Group>
  );
}

function DocumentList({ documents }: { documents: Detail['documents'] }) {
  return (
    <Group aria-labelledby="documents-title">
      <GroupTitle id="documents-title">Documents received</GroupTitle>
      {documents.length === 0 ? (
        <Muted>No documents received yet.</Muted>
      ) : (
        <Documents>
          {documents.map((document) => (
            <li key={document.id}>
              {document.filename} <Muted>· {formatBytes(document.size)} · {formatDate(document.createdAt)}</Muted>
            </li>
          ))}
        </Documents>
      )}
    </Group>
  );
}

interface RequestDetailProps {
  companyId: string;
  requestId: string;
  onClose: () => void;
}

export default function RequestDetail({ companyId, requestId, onClose }: RequestDetailProps) {
  const query = useRequestDetail(companyId, requestId);
  const [reviewing, setReviewing] = useState(false);
  const canReview = useCan('review.certificates');
  const canManage = useCan('requests.manage');
  return (
    <>
      <Dialog title="COI request" onClose={onClose} drawer>
        <QueryState query={query} loadingLabel="Loading the request…">
          {(detail) => (
            <>
              <FactList detail={detail} />
              {canReview && detail.documents.some((d) => d.readStatus === 'read') && (
                <ReviewButton companyId={companyId} requestId={requestId} onOpenHere={() => setReviewing(true)} />
              )}
              {canManage && !detail.deleted && <MobileField key={detail.recipientMobile ?? ''} companyId={companyId} requestId={requestId} mobile={detail.recipientMobile ?? null} />}
              <RequestActions detail={detail} companyId={companyId} onClose={onClose} />
              <Timeline events={detail.timeline} />
              <DocumentList documents={detail.documents} />
            </>
          )}
        </QueryState>
      </Dialog>
      {reviewing && (
        <Suspense fallback={null}>
          <CertificateReview companyId={companyId} requestId={requestId} onClose={() => setReviewing(false)} />
        </Suspense>
      )}
    </>
  );
}
