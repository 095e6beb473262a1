import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import styled from 'styled-components';
import type { FinishResult, CertificateReview as Review } from '../../../server/contracts/review';
import { useDocumentBytes, useReview, useReviewAction, type ReviewAction } from '../api/review';
import { isApiError } from '../api/http';
import { Button, colors, spacing } from '../components/core';
import { QueryState } from '../components/QueryState';
import { Notice } from '../components/ui';
import { useElementSize } from '../components/useElementSize';
import { ReviewActions } from './review/Actions';
import { Findings } from './review/Findings';
import { PageView } from './review/PageView';
import { ValueList } from './review/ValueList';
import { markReview } from './review/marks';

// The review screen (compliance managers): the certificate on the left with a highlight over each
// value read, the verdict, the decision and the values on the right. Loaded lazily with pdf.js.

const Screen = styled.div`
  position: fixed;
  inset: 0;
  z-index: 1100;
  display: flex;
  flex-direction: column;
  background: ${colors.white};
  color: ${colors.gray15};
  font-size: 14px;
  &:focus {
    outline: none;
  }
`;

const Header = styled.header`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${spacing.md}px;
  padding: ${spacing.sm}px ${spacing.lg}px;
  border-bottom: 1px solid ${colors.gray85};
  h2 {
    margin: 0;
    font-size: 18px;
  }
`;

const Body = styled.div`
  flex: 1;
  min-height: 0;
  display: grid;
  grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr);
  @media (max-width: 720px) {
    grid-template-columns: minmax(0, 1fr);
    overflow: auto;
  }
`;

const Pane = styled.div`
  overflow: auto;
  padding: ${spacing.md}px;
  display: flex;
  flex-direction: column;
  gap: ${spacing.md}px;
`;

const plain = (error: unknown) => (isApiError(error) ? error.message : 'Something went wrong. Try again.');

const finished: Record<FinishResult['subcontractor'], string> = {
  emailed: 'Review finished. The subcontractor was emailed what to fix; the request is Awaiting New COI.',
  already_told: 'Review finished. The subcontractor was already told exactly this, so nothing was sent; the request is Awaiting New COI.',
  not_needed: 'Review finished. The certificate meets the requirements; the request is Compliant.',
};

function Certificate({ companyId, review, selected, onSelect }: { companyId: string; review: Review; selected: string | null; onSelect: (p: string) => void }) {
  const pane = useRef<HTMLDivElement>(null);
  const size = useElementSize(pane, true);
  const bytes = useDocumentBytes(companyId, review.document.id);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (bytes.data) markReview('file');
  }, [bytes.data]);
  const selectedPage = review.values.find((v) => v.pointer === selected)?.page;
  useEffect(() => {
    if (selectedPage) setPage(selectedPage);
  }, [selectedPage]);
  const width = Math.max(320, Math.min(1000, (size?.width ?? 720) - 4));
  return (
    <Pane ref={pane} role="region" aria-label="Certificate" tabIndex={0}>
      {review.document.pages > 1 && (
        <div>
          {Array.from({ length: review.document.pages }, (_, i) => (
            <Button key={i} type="button" size="sm" variant={page === i + 1 ? 'primary' : 'tertiary'} aria-pressed={page === i + 1} onClick={() => setPage(i + 1)}>
              Page {i + 1}
            </Button>
          ))}
        </div>
      )}
      {bytes.isError && <Notice tone="error">{plain(bytes.error)}</Notice>}
      {bytes.data && (
        <PageView bytes={bytes.data} contentType={review.document.contentType} page={page} width={width} values={review.values} selected={selected} onSelect={onSelect} />
      )}
    </Pane>
  );
}

function ReviewBody({ companyId, requestId, review }: { companyId: string; requestId: string; review: Review }) {
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => markReview('data'), []);
  const action = useReviewAction(companyId, requestId);
  const [done, setDone] = useState<string | null>(null);
  const run = (a: ReviewAction, sentence: string) => action.mutateAsync(a).then(() => setDone(sentence));
  const located = new Set(review.values.filter((v) => v.box !== null).map((v) => v.pointer));
  return (
    <Body>
      <Certificate companyId={companyId} review={review} selected={selected} onSelect={setSelected} />
      <Pane>
        {action.isError && <Notice tone="error">{plain(action.error)}</Notice>}
        {done && !action.isError && <Notice tone="info">{done}</Notice>}
        <Findings verdict={review.verdict} located={located} onSelect={setSelected} />
        <ReviewActions
          pending={action.isPending}
          canApproveCompliant={review.verdict !== null && review.verdict.deficiencies.length === 0 && (review.status === 'under_review' || review.status === 'awaiting_new_coi')}
          onApproveCompliant={() => void run({ kind: 'approve-compliant' }, 'Approved as compliant. Nothing was sent to the subcontractor.').catch(() => undefined)}
          onAddLine={(body) => void run({ kind: 'add-line', body }, 'Line added; the certificate was checked again. Nothing was sent to the subcontractor.').catch(() => undefined)}
          onFinish={() => void action.mutateAsync({ kind: 'finish' }).then((r) => setDone(r ? finished[r.subcontractor] : null), () => undefined)}
          onApprove={(body) => void run({ kind: 'approve', body }, `Waived until ${body.until}.`).catch(() => undefined)}
          onNote={(body) => void run({ kind: 'note', body }, 'Note emailed to the subcontractor; the request is Awaiting New COI.').catch(() => undefined)}
        />
        <h3>Extracted values</h3>
        <ValueList values={review.values} selected={selected} onSelect={setSelected} pending={action.isPending} onCorrect={(body) => run({ kind: 'correct', body }, 'Corrected; the certificate was checked again. Nothing was sent to the subcontractor.')} />
      </Pane>
    </Body>
  );
}

export interface QueueNavigation {
  /** "3 of 12 in the review queue" */
  position: string;
  onPrevious?: () => void;
  onNext?: () => void;
}

interface CertificateReviewProps {
  companyId: string;
  requestId: string;
  onClose: () => void;
  /** Opened from the review queue: previous and next, also with Alt+← and Alt+→. */
  navigation?: QueueNavigation;
}

const Nav = styled.div`
  display: flex;
  align-items: center;
  gap: ${spacing.sm}px;
  font-size: 12px;
  color: ${colors.gray45};
`;

export default function CertificateReview({ companyId, requestId, onClose, navigation }: CertificateReviewProps) {
  const query = useReview(companyId, requestId);
  const screen = useRef<HTMLDivElement>(null);
  useEffect(() => {
    markReview('screen');
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    screen.current?.focus();
    return () => opener?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    // The drawer underneath must not see this screen's keys (its Escape would close it too).
    event.stopPropagation();
    if (event.key === 'Escape') onClose();
    if (event.altKey && event.key === 'ArrowLeft' && navigation?.onPrevious) {
      event.preventDefault();
      navigation.onPrevious();
    }
    if (event.altKey && event.key === 'ArrowRight' && navigation?.onNext) {
      event.preventDefault();
      navigation.onNext();
    }
  };
  return createPortal(
    <Screen ref={screen} role="dialog" aria-modal="true" aria-labelledby="review-title" tabIndex={-1} onKeyDown={onKeyDown}>
      <Header>
        <h2 id="review-title">Certificate review{query.data ? ` · ${query.data.document.filename}` : ''}</h2>
        <Nav>
          {navigation && (
            <>
              <span>{navigation.position}</span>
              <Button type="button" size="sm" variant="secondary" aria-keyshortcuts="Alt+ArrowLeft" disabled={!navigation.onPrevious} onClick={navigation.onPrevious}>
                Previous
              </Button>
              <Button type="button" size="sm" variant="secondary" aria-keyshortcuts="Alt+ArrowRight" disabled={!navigation.onNext} onClick={navigation.onNext}>
                Next
              </Button>
            </>
          )}
          <Button type="button" variant="secondary" onClick={onClose}>
            Close
          </Button>
        </Nav>
      </Header>
      <QueryState query={query} loadingLabel="Loading the certificate…">
        {(review) => <ReviewBody companyId={companyId} requestId={requestId} review={review} />}
      </QueryState>
    </Screen>,
    document.body,
  );
}
