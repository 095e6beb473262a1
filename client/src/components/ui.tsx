import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import styled from 'styled-components';
import { coiStatusLabels, type CoiStatus } from '../../../server/contracts/directory';
import { colors, spacing } from './core';

// Plain elements in Procore's palette where core-react's own (Banner, Pill, Checkbox) would
// pull its whole translation bundle into the first paint of the side panel.

type Tone = 'error' | 'info' | 'attention';
const toneColors: Record<Tone, { border: string; background: string }> = {
  error: { border: colors.red50, background: colors.red98 },
  info: { border: colors.blue50, background: colors.blue98 },
  attention: { border: colors.orange50, background: colors.orange98 },
};

const NoticeBox = styled.div<{ $tone: Tone }>`
  border-left: 4px solid ${({ $tone }) => toneColors[$tone].border};
  background: ${({ $tone }) => toneColors[$tone].background};
  border-radius: 4px;
  padding: ${spacing.md}px ${spacing.lg}px;
  color: ${colors.gray15};
  font-size: 14px;
  line-height: 20px;
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  align-items: flex-start;
`;

interface NoticeProps {
  tone: Tone;
  title?: string;
  children: ReactNode;
  action?: ReactNode;
}

/** A banner: errors are announced as alerts, everything else politely. */
export function Notice({ tone, title, children, action }: NoticeProps) {
  return (
    <NoticeBox $tone={tone} role={tone === 'error' ? 'alert' : 'status'}>
      {title !== undefined && <strong>{title}</strong>}
      <span>{children}</span>
      {action}
    </NoticeBox>
  );
}

const statusColors: Record<CoiStatus, { text: string; background: string; border: string }> = {
  not_requested: { text: colors.gray30, background: colors.gray96, border: colors.gray70 },
  pending: { text: colors.blue40, background: colors.blue96, border: colors.blue50 },
  under_review: { text: colors.cyan30, background: colors.cyan96, border: colors.cyan50 },
  awaiting_new_coi: { text: colors.orange30, background: colors.orange96, border: colors.orange50 },
  compliant: { text: colors.green30, background: colors.green96, border: colors.green50 },
  waived: { text: colors.magenta30, background: colors.magenta96, border: colors.magenta50 },
  archived: { text: colors.gray45, background: colors.gray94, border: colors.gray85 },
};

const PillBox = styled.span<{ $status: CoiStatus }>`
  display: inline-block;
  padding: 0 ${spacing.sm}px;
  border: 1px solid ${({ $status }) => statusColors[$status].border};
  border-radius: 12px;
  background: ${({ $status }) => statusColors[$status].background};
  color: ${({ $status }) => statusColors[$status].text};
  font-size: 12px;
  font-weight: 600;
  line-height: 20px;
  white-space: nowrap;
`;

export function StatusPill({ status }: { status: CoiStatus }) {
  return <PillBox $status={status}>{coiStatusLabels[status]}</PillBox>;
}

const CheckboxInput = styled.input`
  width: 16px;
  height: 16px;
  margin: 0;
  accent-color: ${colors.blue50};
  cursor: pointer;
`;

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { indeterminate?: boolean };

/** A native checkbox: its accessible name is exactly its aria-label, and it costs nothing to virtualise. */
export function Checkbox({ indeterminate = false, ...props }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <CheckboxInput ref={ref} type="checkbox" {...props} />;
}
