import { useState } from 'react';
import styled from 'styled-components';
import { deleteRequestSchema, type RequestDetail } from '../../../server/contracts/requests';
import { useRequestAction, type RequestAction } from '../api/requests';
import { useCan } from '../api/access';
import { errorSentence } from '../components/ApiErrorNotice';
import { Button, colors, spacing } from '../components/core';
import { DialogActions } from '../components/Dialog';
import { Notice } from '../components/ui';

// Cancel (only while Pending) and archive (inviters and compliance managers), delete (with a
// reason; compliance managers). Buttons the user's role cannot use are not shown.

const ReasonBox = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
`;

const TextArea = styled.textarea`
  font: inherit;
  min-height: 64px;
  padding: ${spacing.sm}px;
  border: 1px solid ${colors.gray70};
  border-radius: 4px;
  resize: vertical;
  &[aria-invalid='true'] {
    border-color: ${colors.red50};
  }
`;

const FieldError = styled.span`
  color: ${colors.red45};
  font-size: 12px;
`;

interface DeleteFormProps {
  pending: boolean;
  onDelete: (reason: string) => void;
  onBack: () => void;
}

function DeleteForm({ pending, onDelete, onBack }: DeleteFormProps) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const parsed = deleteRequestSchema.safeParse({ reason });
  const showError = tried && !parsed.success;
  const submit = () => {
    setTried(true);
    if (parsed.success) onDelete(parsed.data.reason);
  };
  return (
    <ReasonBox>
      <label htmlFor="delete-reason">Reason for deleting</label>
      <TextArea
        id="delete-reason"
        value={reason}
        aria-invalid={showError}
        aria-describedby={showError ? 'delete-reason-error' : undefined}
        onChange={(event) => setReason(event.target.value)}
      />
      {showError && <FieldError id="delete-reason-error">Say why in a few words (at least 3 characters).</FieldError>}
      <DialogActions>
        <Button variant="secondary" onClick={onBack}>
          Keep the request
        </Button>
        <Button variant="primary" loading={pending} onClick={submit}>
          Delete request
        </Button>
      </DialogActions>
    </ReasonBox>
  );
}

function ArchiveConfirm({ pending, onArchive, onBack }: { pending: boolean; onArchive: () => void; onBack: () => void }) {
  return (
    <ReasonBox role="group" aria-label="Archive this request?">
      <strong>Archive this request?</strong>
      <span>Its upload link stops working and no more reminders are sent. The history is kept, and you can unarchive it later.</span>
      <DialogActions>
        <Button variant="secondary" onClick={onBack}>
          Keep the request
        </Button>
        <Button variant="primary" loading={pending} onClick={onArchive}>
          Archive request
        </Button>
      </DialogActions>
    </ReasonBox>
  );
}

const doneText: Record<RequestAction['kind'], string> = {
  cancel: 'The request was cancelled.',
  archive: 'The request was archived. You can unarchive it here.',
  unarchive: 'The request was unarchived.',
  delete: 'The request was deleted.',
};

export function RequestActions({ detail, companyId, onClose }: { detail: RequestDetail; companyId: string; onClose: () => void }) {
  const action = useRequestAction(companyId, detail.id);
  const [deleting, setDeleting] = useState(false);
  const canManage = useCan('requests.manage');
  const canDelete = useCan('requests.delete');
  const [archiving, setArchiving] = useState(false);
  const run = (next: RequestAction) => {
    if (!action.isPending) action.mutate(next, { onSettled: () => setArchiving(false) });
  };
  const deleted = detail.deleted || (action.isSuccess && action.variables.kind === 'delete');
  if (deleted) {
    return (
      <>
        <Notice tone="info">{doneText.delete}</Notice>
        <DialogActions>
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </DialogActions>
      </>
    );
  }
  const canArchive = detail.status !== 'archived' && detail.status !== 'cancelled';
  return (
    <>
      {action.isError && <Notice tone="error">{errorSentence(action.error)}</Notice>}
      {action.isSuccess && <Notice tone="info">{doneText[action.variables.kind]}</Notice>}
      {deleting ? (
        <DeleteForm pending={action.isPending} onDelete={(reason) => run({ kind: 'delete', reason })} onBack={() => setDeleting(false)} />
      ) : archiving ? (
        <ArchiveConfirm pending={action.isPending} onArchive={() => run({ kind: 'archive' })} onBack={() => setArchiving(false)} />
      ) : (
        <DialogActions>
          {canManage && detail.status === 'pending' && (
            <Button variant="secondary" disabled={action.isPending} onClick={() => run({ kind: 'cancel' })}>
              Cancel request
            </Button>
          )}
          {canManage && canArchive && (
            <Button variant="secondary" disabled={action.isPending} onClick={() => setArchiving(true)}>
              Archive
            </Button>
          )}
          {canManage && detail.status === 'archived' && (
            <Button variant="secondary" disabled={action.isPending} onClick={() => run({ kind: 'unarchive' })}>
              Unarchive
            </Button>
          )}
          {canDelete && (
            <Button variant="secondary" disabled={action.isPending} onClick={() => setDeleting(true)}>
              Delete
            </Button>
          )}
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </DialogActions>
      )}
    </>
  );
}
