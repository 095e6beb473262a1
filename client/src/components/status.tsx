import styled from 'styled-components';
import { coiStatusLabels, type CoiStatus } from '../../../server/contracts/directory';
import { colors, spacing } from './core';

// Status pills in Procore's palette (core-react's Pill would bring its translation bundle).

/** Statuses a request can show: the directory's, plus a request cancelled before anything arrived. */
export type RequestStatus = CoiStatus | 'cancelled';

export function statusLabel(status: RequestStatus): string {
  return status === 'cancelled' ? 'Cancelled' : coiStatusLabels[status];
}

// Pending grey-blue, Under review blue, Awaiting orange, Compliant green, Waived green outline, Archived grey.
const statusColors: Record<RequestStatus, { text: string; background: string; border: string }> = {
  not_requested: { text: colors.gray30, background: colors.gray96, border: colors.gray70 },
  pending: { text: colors.blue30, background: colors.gray94, border: colors.blue70 },
  under_review: { text: colors.blue40, background: colors.blue96, border: colors.blue50 },
  awaiting_new_coi: { text: colors.orange30, background: colors.orange96, border: colors.orange50 },
  compliant: { text: colors.green30, background: colors.green96, border: colors.green50 },
  waived: { text: colors.green30, background: colors.white, border: colors.green50 },
  archived: { text: colors.gray45, background: colors.gray94, border: colors.gray85 },
  cancelled: { text: colors.gray45, background: colors.white, border: colors.gray85 },
};

const PillBox = styled.span<{ $status: RequestStatus }>`
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

export function StatusPill({ status }: { status: RequestStatus }) {
  return <PillBox $status={status}>{statusLabel(status)}</PillBox>;
}

const TagBox = styled.span`
  display: inline-block;
  padding: 0 ${spacing.xs}px;
  border-radius: 3px;
  background: ${colors.purple94};
  color: ${colors.purple30};
  font-size: 11px;
  font-weight: 600;
  line-height: 16px;
`;

/** Marks a status that comes from a global (annual) request covering every project. */
export function GlobalTag() {
  return <TagBox title="Global Subcontractors: one annual request covers all projects">Global</TagBox>;
}
