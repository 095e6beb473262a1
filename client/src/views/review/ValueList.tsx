import { useState } from 'react';
import styled from 'styled-components';
import type { Correction, ExtractedValue } from '../../../../server/contracts/review';
import { Button, colors, spacing } from '../../components/core';
import { lowConfidence } from './PageView';

// The values read from the certificate, beside it: label, value, the reader's confidence (low
// ones marked), and an inline form to correct one with a reason.

const List = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
`;

const Row = styled.li<{ $selected: boolean }>`
  padding: ${spacing.xs}px ${spacing.sm}px;
  border-radius: 4px;
  background: ${({ $selected }) => ($selected ? colors.yellow94 : 'transparent')};
  border: 1px solid ${({ $selected }) => ($selected ? colors.yellow50 : colors.gray90)};
`;

const Pick = styled.button`
  all: unset;
  cursor: pointer;
  display: block;
  width: 100%;
  &:focus-visible {
    outline: 2px solid ${colors.blue50};
  }
`;

const Small = styled.span<{ $warn?: boolean }>`
  display: block;
  font-size: 12px;
  color: ${({ $warn }) => ($warn ? colors.red45 : colors.gray45)};
`;

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
  margin-top: ${spacing.xs}px;
  input,
  select {
    font: inherit;
    padding: 4px;
  }
`;

/** The form's text for a value, and back to the value the API takes. */
function initialText(v: ExtractedValue): string {
  if (v.kind === 'boolean') return v.raw === true ? 'true' : 'false';
  return v.raw === null ? '' : String(v.raw);
}

function toValue(kind: ExtractedValue['kind'], text: string): Correction['value'] {
  if (kind === 'money') return text.trim() === '' ? Number.NaN : Number(text.replace(/[$,\s]/g, ''));
  if (kind === 'boolean') return text === 'true';
  return text;
}

interface CorrectFormProps {
  value: ExtractedValue;
  pending: boolean;
  onSubmit: (c: Correction) => void;
  onCancel: () => void;
}

function CorrectForm({ value, pending, onSubmit, onCancel }: CorrectFormProps) {
  const [text, setText] = useState(initialText(value));
  const [reason, setReason] = useState('');
  const label = `Corrected ${value.label}`;
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ pointer: value.pointer, value: toValue(value.kind, text), reason: reason.trim() });
      }}
    >
      {value.kind === 'boolean' ? (
        <select aria-label={label} value={text} onChange={(e) => setText(e.target.value)}>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      ) : (
        <input
          aria-label={label}
          type={value.kind === 'date' ? 'date' : 'text'}
          inputMode={value.kind === 'money' ? 'numeric' : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      <input aria-label="Reason for the correction" placeholder="Why (e.g. broker confirmed)" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
      <div>
        <Button type="submit" variant="primary" size="sm" loading={pending} disabled={pending}>
          Save correction
        </Button>{' '}
        <Button type="button" variant="tertiary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

interface ValueListProps {
  values: ExtractedValue[];
  selected: string | null;
  onSelect: (pointer: string) => void;
  pending: boolean;
  onCorrect: (c: Correction) => Promise<unknown>;
}

export function ValueList({ values, selected, onSelect, pending, onCorrect }: ValueListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <List aria-label="Extracted values">
      {values.map((v) => (
        <Row key={v.pointer} $selected={v.pointer === selected} aria-current={v.pointer === selected ? 'true' : undefined}>
          <Pick type="button" onClick={() => onSelect(v.pointer)} aria-label={`${v.label}: ${v.value}`}>
            <Small>{v.label}</Small>
            <strong>{v.value}</strong>
            {v.confidence !== null && (
              <Small $warn={lowConfidence(v)}>
                {lowConfidence(v) ? 'Low confidence' : 'Confidence'} {Math.round(v.confidence * 100)}%{v.corrected ? ' · corrected' : ''}
              </Small>
            )}
          </Pick>
          {v.kind !== null &&
            (editing === v.pointer ? (
              <CorrectForm
                value={v}
                pending={pending}
                onCancel={() => setEditing(null)}
                onSubmit={(c) => void onCorrect(c).then(() => setEditing(null), () => undefined)}
              />
            ) : (
              <Button type="button" variant="tertiary" size="sm" aria-description={v.label} onClick={() => setEditing(v.pointer)}>
                Correct
              </Button>
            ))}
        </Row>
      ))}
    </List>
  );
}
