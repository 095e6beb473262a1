import { useId, useState, type ReactNode } from 'react';
import styled from 'styled-components';
import type { RequirementIssue } from '../../../../server/compliance/validate-requirements';
import { colors, Input, spacing } from '../../components/core';
import { Checkbox } from '../../components/Checkbox';
import { formatDollars, issuesAt, parseDollars } from './model';

// Labelled inputs for the requirements editor. Each field is given its contract path so the
// server's 400 issues appear next to the input they are about.

const Field = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
  /* core's Input is 100% wide plus padding: keep it inside the dialog. */
  input,
  textarea {
    box-sizing: border-box;
  }
`;

const Hint = styled.span`
  font-size: 12px;
  color: ${colors.gray45};
`;

const IssueText = styled.span`
  font-size: 12px;
  color: ${colors.red50};
`;

const CheckLabel = styled.label`
  display: flex;
  gap: ${spacing.sm}px;
  align-items: center;
`;

const TextArea = styled.textarea`
  font: inherit;
  padding: ${spacing.xs}px ${spacing.sm}px;
  border: 1px solid ${colors.gray70};
  border-radius: 4px;
  width: 100%;
`;

interface Described {
  issues: readonly RequirementIssue[];
  path: string;
}

/** The problems the server found at this field; the input points at them with aria-describedby. */
function FieldIssues({ id, issues, path }: Described & { id: string }) {
  const mine = issuesAt(issues, path);
  if (mine.length === 0) return null;
  return (
    <IssueText id={id} role="alert">
      {mine.map((issue) => issue.message).join('; ')}
    </IssueText>
  );
}

function describedBy(ids: (string | false)[]): string | undefined {
  const present = ids.filter((id): id is string => id !== false);
  return present.length > 0 ? present.join(' ') : undefined;
}

interface TextFieldProps extends Described {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  multiline?: boolean;
  inputMode?: 'numeric' | 'text';
  onBlur?: () => void;
}

export function TextField({ label, value, onChange, hint, multiline = false, inputMode = 'text', onBlur, issues, path }: TextFieldProps) {
  const id = useId();
  const invalid = issuesAt(issues, path).length > 0;
  const aria = {
    id,
    onBlur,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy([hint !== undefined && `${id}-hint`, invalid && `${id}-issue`]),
  };
  return (
    <Field>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <TextArea {...aria} rows={3} value={value} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <Input {...aria} inputMode={inputMode} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint !== undefined && <Hint id={`${id}-hint`}>{hint}</Hint>}
      <FieldIssues id={`${id}-issue`} issues={issues} path={path} />
    </Field>
  );
}

interface MoneyFieldProps extends Described {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

/** Whole dollars; commas are added when the field is left, so typing is never interrupted. */
export function MoneyField({ label, value, onChange, issues, path }: MoneyFieldProps) {
  const [text, setText] = useState(() => formatDollars(value));
  return (
    <TextField
      label={label}
      value={text}
      inputMode="numeric"
      issues={issues}
      path={path}
      onBlur={() => setText(formatDollars(parseDollars(text)))}
      onChange={(next) => {
        const cleaned = next.replace(/[^\d,$\s]/g, '');
        setText(cleaned);
        onChange(parseDollars(cleaned));
      }}
    />
  );
}

interface CheckFieldProps extends Described {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckField({ label, checked, onChange, issues, path }: CheckFieldProps) {
  const id = useId();
  return (
    <Field>
      <CheckLabel>
        <Checkbox aria-describedby={issuesAt(issues, path).length > 0 ? `${id}-issue` : undefined} checked={checked} onChange={(event) => onChange(event.target.checked)} />
        <span>{label}</span>
      </CheckLabel>
      <FieldIssues id={`${id}-issue`} issues={issues} path={path} />
    </Field>
  );
}
