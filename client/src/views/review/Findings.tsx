import styled from 'styled-components';
import type { ReviewVerdict } from '../../../../server/contracts/review';
import { colors, spacing } from '../../components/core';

// What the compliance check found: each deficiency and review reason; those tied to a value
// select it (and its box on the page) when clicked.

const List = styled.ul`
  margin: 0;
  padding-left: ${spacing.lg}px;
  display: flex;
  flex-direction: column;
  gap: ${spacing.xs}px;
`;

const Link = styled.button`
  all: unset;
  cursor: pointer;
  color: ${colors.blue45};
  text-decoration: underline;
  &:focus-visible {
    outline: 2px solid ${colors.blue50};
  }
`;

const outcomeNames: Record<ReviewVerdict['outcome'], string> = {
  compliant: 'Meets the requirements',
  deficient: 'Falls short of the requirements',
  needs_review: 'Needs a person to look',
};

interface Finding {
  field: string | null;
  message: string;
}

function Items({ label, items, located, onSelect }: { label: string; items: Finding[]; located: ReadonlySet<string>; onSelect: (p: string) => void }) {
  return (
    <List aria-label={label}>
      {items.map((d, i) => (
        <li key={`${d.field ?? ''}-${i}`}>
          {d.field !== null && located.has(d.field) ? <Link type="button" onClick={() => onSelect(d.field!)}>{d.message}</Link> : d.message}
        </li>
      ))}
    </List>
  );
}

export function Findings({ verdict, located, onSelect }: { verdict: ReviewVerdict | null; located: ReadonlySet<string>; onSelect: (pointer: string) => void }) {
  if (!verdict) return <p>This certificate has not been checked against the requirements yet.</p>;
  return (
    <section aria-label="Verdict">
      <p role="status">
        <strong>{outcomeNames[verdict.outcome]}</strong>
      </p>
      <h3>Deficiencies</h3>
      {verdict.deficiencies.length ? <Items label="Deficiencies" items={verdict.deficiencies} located={located} onSelect={onSelect} /> : <p>None.</p>}
      {verdict.reviewReasons.length > 0 && (
        <>
          <h3>Why a person must look</h3>
          <Items label="Review reasons" items={verdict.reviewReasons} located={located} onSelect={onSelect} />
        </>
      )}
    </section>
  );
}
