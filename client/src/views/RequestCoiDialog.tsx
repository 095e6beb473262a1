import { useCallback, useRef, useState } from 'react';
import type { DirectoryRow } from '../../../server/contracts/directory';
import type { CreateRequestsResult } from '../../../server/contracts/requests';
import { useCreateRequests, type RequestScope } from '../api/requests';
import { errorSentence } from '../components/ApiErrorNotice';
import styled from 'styled-components';
import { Button, spacing } from '../components/core';
import { Dialog, DialogActions } from '../components/Dialog';
import { AlreadyList, FixList, Group, GroupTitle, Item, List, Muted, ReadyList, shortList } from '../components/Recipients';
import { draftRequest, planRecipients, requestsText, validEmail, type RecipientPlan } from '../components/requestPlan';
import { Notice } from '../components/ui';
import { Checkbox } from '../components/Checkbox';

const KeepLabel = styled.label`
  display: flex;
  align-items: center;
  gap: ${spacing.xs}px;
  font-size: 12px;
`;

export interface RequestCoiDialogProps {
  scope: RequestScope;
  /** The ticked companies, as the directory shows them when the dialog opens. */
  rows: readonly DirectoryRow[];
  onClose: () => void;
  /** After a successful send, unless the user chose to keep the companies ticked. */
  onClearSelection?: () => void;
}

export function requestDialogTitle(scope: RequestScope): string {
  return scope.projectId === null ? 'Request COI for all projects (annual)' : 'Request COI';
}

function introText(scope: RequestScope): string {
  return scope.projectId === null
    ? 'Each company below is emailed a link to upload one certificate of insurance that covers all projects (annual). They are listed as Global Subcontractors.'
    : 'Each company below is emailed a link to upload its certificate of insurance for this project.';
}

function useFixes(rows: readonly DirectoryRow[]) {
  const [typed, setTyped] = useState<Readonly<Record<string, string>>>({});
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(() => new Set());
  const onChange = useCallback((vendorId: string, value: string) => setTyped((current) => ({ ...current, [vendorId]: value })), []);
  const onLeaveOut = useCallback((vendorId: string, leaveOut: boolean) => {
    setLeftOut((current) => {
      const next = new Set(current);
      if (leaveOut) next.add(vendorId);
      else next.delete(vendorId);
      return next;
    });
  }, []);
  /** Leaves out every company whose typed address is not valid yet (true), or brings all back (false). */
  const onLeaveAllOut = useCallback(
    (leaveOut: boolean) => {
      setLeftOut((current) => {
        if (!leaveOut) return new Set();
        const next = new Set(current);
        for (const row of rows) if (validEmail(typed[row.vendorId] ?? '') === null) next.add(row.vendorId);
        return next;
      });
    },
    [rows, typed],
  );
  return { typed, leftOut, onChange, onLeaveOut, onLeaveAllOut };
}

function ResultView({ result, plan, leftOut, onClose }: { result: CreateRequestsResult; plan: RecipientPlan; leftOut: ReadonlySet<string>; onClose: () => void }) {
  const names = new Map([...plan.ready, ...plan.needsEmail, ...plan.already].map((row) => [row.vendorId, row.name]));
  const leftOutNames = plan.needsEmail.filter((row) => leftOut.has(row.vendorId)).map((row) => row.name);
  const created = result.created.length;
  return (
    <>
      <Notice tone={created > 0 ? 'info' : 'attention'}>
        {created > 0 ? `${requestsText(created)} sent. They show as Pending now.` : 'No requests were sent.'}
      </Notice>
      {result.skipped.length > 0 && (
        <Group aria-label="Not sent">
          <GroupTitle>Not sent</GroupTitle>
          <List>
            {result.skipped.slice(0, 100).map((skip) => (
              <Item key={skip.vendorId}>
                <strong>{names.get(skip.vendorId) ?? `Company ${skip.vendorId}`}</strong>
                <Muted>{skip.message}</Muted>
              </Item>
            ))}
          </List>
        </Group>
      )}
      {result.skipped.length > 100 && <Muted>and {(result.skipped.length - 100).toLocaleString('en-US')} more not sent</Muted>}
      {leftOutNames.length > 0 && <Muted>{`Left out (${leftOutNames.length.toLocaleString('en-US')}): ${shortList(leftOutNames)}.`}</Muted>}
      <DialogActions>
        <Button variant="primary" onClick={onClose}>
          OK
        </Button>
      </DialogActions>
    </>
  );
}

/** Confirms who will be emailed, lets missing or invalid addresses be fixed, then posts once. */
export default function RequestCoiDialog({ scope, rows, onClose, onClearSelection }: RequestCoiDialogProps) {
  // Frozen at opening: the directory refetches after sending and must not reshuffle the lists.
  const [plan] = useState(() => planRecipients(rows));
  const fixes = useFixes(plan.needsEmail);
  const mutation = useCreateRequests(scope);
  const sending = useRef(false);
  const [keepTicked, setKeepTicked] = useState(false);
  const draft = draftRequest(plan, fixes);

  const send = () => {
    // A second click in the same frame, before the button re-renders disabled, must not post again.
    if (draft.body === null || sending.current) return;
    sending.current = true;
    mutation.mutate(draft.body, {
      onSuccess: () => {
        if (!keepTicked) onClearSelection?.();
      },
      onSettled: () => (sending.current = false),
    });
  };

  return (
    <Dialog title={requestDialogTitle(scope)} onClose={onClose}>
      {mutation.isSuccess ? (
        <ResultView result={mutation.data} plan={plan} leftOut={fixes.leftOut} onClose={onClose} />
      ) : (
        <>
          <Muted style={{ fontSize: 14 }}>{introText(scope)}</Muted>
          <ReadyList rows={plan.ready} />
          <FixList rows={plan.needsEmail} {...fixes} />
          <AlreadyList plan={plan} />
          {draft.unresolved.length > 0 && (
            <Muted role="status">
              {`Fix the email of ${shortList(draft.unresolved.map((row) => row.name))}, or leave ${draft.unresolved.length === 1 ? 'it' : 'them'} out, to send.`}
            </Muted>
          )}
          {mutation.isError && <Notice tone="error">{errorSentence(mutation.error)}</Notice>}
          {onClearSelection && (
            <KeepLabel>
              <Checkbox checked={keepTicked} onChange={(event) => setKeepTicked(event.target.checked)} />
              Keep these companies ticked after sending
            </KeepLabel>
          )}
          <DialogActions>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" loading={mutation.isPending} disabled={draft.body === null} onClick={send}>
              {`Send ${requestsText(draft.count)}`}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
