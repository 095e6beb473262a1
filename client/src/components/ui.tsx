import type { ReactNode } from 'react';
import styled from 'styled-components';
import { colors, spacing } from './core';

// Plain elements in Procore's palette where core-react's own (Banner, Pill, Checkbox) would
// pull its whole translation bundle into the first paint of the side panel. The pill and the
// checkbox live in ./status and ./Checkbox: only the lazily loaded views draw them.

/** A plain data table (pay-app holds, users and roles): cells padded and ruled, top-aligned. */
export const DataTable = styled.table`
  border-collapse: collapse;
  width: 100%;
  font-size: 13px;
  th,
  td {
    text-align: left;
    padding: ${spacing.xs}px ${spacing.sm}px;
    border-bottom: 1px solid ${colors.gray90};
    vertical-align: top;
  }
`;

/** A button that reads as a link (a vendor's name opening its history). */
export const LinkButton = styled.button`
  all: unset;
  cursor: pointer;
  font-weight: 600;
  &:hover {
    text-decoration: underline;
  }
  &:focus-visible {
    outline: 2px solid ${colors.blue50};
  }
`;

/** Text for screen readers only (e.g. what a number's button does). */
export const VisuallyHidden = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

/**
 * The screen's one h1 for screen readers, where the selected tab or the notice already names the
 * screen for sighted users (a visible title would repeat it).
 */
export function ScreenTitle({ children }: { children: ReactNode }) {
  return <VisuallyHidden as="h1">{children}</VisuallyHidden>;
}

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
