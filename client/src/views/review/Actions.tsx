import { useState } from 'react';
import styled from 'styled-components';
import type { AddLine, Approval, Note } from '../../../../server/contracts/review';
import { AddLineForm } from './AddLine';
import { Button, colors, spacing } from '../../components/core';

// The manager's decisions: finish the review (the request takes the verdict; the sub is emailed
// only what they have not been told), approve with an override (Waived until a date, with a
// reason), or send the sub a note (they get the deficiency list and their upload link).

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
  input,
  textarea {
    font: inherit;
    padding: 4px;
  }
`;

const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.sm}px;
`;

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

const Hint = styled.p`
  margin: ${spacing.xs}px 0 0;
  font-size: 12px;
  color: ${colors.gray45};
`;

interface ActionsProps {
  pending: boolean;
  /** No deficiency is left and the request is still open for review: one click makes it Compliant. */
  canApproveCompliant: boolean;
  onApproveCompliant: () => void;
  onAddLine: (line: AddLine) => void;
  onFinish: () => void;
  onApprove: (a: Approval) => void;
  onNote: (n: Note) => void;
}

export function ReviewActions({ pending, canApproveCompliant, onApproveCompliant, onAddLine, onFinish, onApprove, onNote }: ActionsProps) {
  const [open, setOpen] = useState<'approve' | 'note' | 'line' | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [message, setMessage] = useState('');
  return (
    <section aria-label="Decision">
      <Row>
        <Button type="button" variant="primary" loading={pending} disabled={pending} onClick={onFinish} aria-describedby="finish-hint">
          Finish review
        </Button>
        {canApproveCompliant && (
          <Button type="button" variant="primary" loading={pending} disabled={pending} onClick={onApproveCompliant}>
            Approve as compliant
          </Button>
        )}
        <Button type="button" variant={open === 'approve' ? 'primary' : 'secondary'} onClick={() => setOpen('approve')}>
          Approve with override
        </Button>
        <Button type="button" variant={open === 'note' ? 'primary' : 'secondary'} onClick={() => setOpen('note')}>
          Send note to the subcontractor
        </Button>
        <Button type="button" variant={open === 'line' ? 'primary' : 'secondary'} onClick={() => setOpen('line')}>
          Add a missed line
        </Button>
      </Row>
      <Hint id="finish-hint">
        Corrections are checked at once but sent to no one. Finish review when you are done: the request takes the verdict, and the subcontractor is emailed
        only if there is something to fix they have not been told.
      </Hint>
      {open === 'approve' && (
        <Form
          aria-label="Approve with an override"
          onSubmit={(e) => {
            e.preventDefault();
            onApprove({ reason: reason.trim(), until });
          }}
        >
          <label>
            Reason <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
          </label>
          <label>
            Waived until <input type="date" min={tomorrow()} value={until} onChange={(e) => setUntil(e.target.value)} required />
          </label>
          <Button type="submit" variant="primary" loading={pending} disabled={pending}>
            Waive until this date
          </Button>
        </Form>
      )}
      {open === 'line' && <AddLineForm pending={pending} onAdd={onAddLine} />}
      {open === 'note' && (
        <Form
          aria-label="Note to the subcontractor"
          onSubmit={(e) => {
            e.preventDefault();
            onNote({ message: message.trim() });
          }}
        >
          <label>
            Note <textarea value={message} onChange={(e) => setMessage(e.target.value)} required minLength={3} rows={3} />
          </label>
          <Button type="submit" variant="primary" loading={pending} disabled={pending}>
            Email the note
          </Button>
        </Form>
      )}
    </section>
  );
}
