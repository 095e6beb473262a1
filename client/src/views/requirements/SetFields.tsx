import { useState } from 'react';
import styled from 'styled-components';
import type { RequirementSet, Tier } from '../../../../server/contracts/requirements';
import type { RequirementIssue } from '../../../../server/compliance/validate-requirements';
import { colors, spacing } from '../../components/core';
import { formatMoney } from '../../components/format';
import { TextField } from './fields';
import { parsePhrases } from './model';

// The settings that apply to the whole set, and its tiers (shown, not edited here: tiers are
// rare and a list of lines per tier needs a screen of its own).

const Muted = styled.p`
  margin: 0;
  font-size: 12px;
  color: ${colors.gray45};
`;

const TierList = styled.ul`
  margin: 0;
  padding-left: ${spacing.lg}px;
`;

interface SetFieldsProps {
  set: RequirementSet;
  issues: readonly RequirementIssue[];
  onChange: (change: (set: RequirementSet) => RequirementSet) => void;
}

/** A number of days or years, kept as typed so an empty box does not jump. */
function WholeNumberField(props: { label: string; hint: string; initial: number | undefined; issues: readonly RequirementIssue[]; path: string; onValue: (value: number | undefined) => void }) {
  const [text, setText] = useState(() => (props.initial === undefined ? '' : String(props.initial)));
  return (
    <TextField
      label={props.label}
      hint={props.hint}
      inputMode="numeric"
      value={text}
      issues={props.issues}
      path={props.path}
      onChange={(typed) => {
        setText(typed);
        // Anything that is not a whole number goes to the server as typed so its issue names the field.
        props.onValue(typed.trim() === '' ? undefined : Number(typed.trim()));
      }}
    />
  );
}

const emptyToNull = (text: string): string | null => (text.trim() === '' ? null : text);

export function SetFields({ set, issues, onChange }: SetFieldsProps) {
  // Phrases are kept as typed, so a trailing comma does not jump.
  const [phrases, setPhrases] = useState(() => (set.descriptionMustContain ?? []).join(', '));
  return (
    <>
      <TextField label="Requirement set name" value={set.name} issues={issues} path="name" onChange={(name) => onChange((s) => ({ ...s, name }))} />
      <TextField
        label="AM Best minimum"
        hint='Rating and size class, e.g. "A- VII". Leave empty to accept any rating.'
        value={set.minimumAmBest ?? ''}
        issues={issues}
        path="minimumAmBest"
        onChange={(text) => onChange((s) => ({ ...s, minimumAmBest: emptyToNull(text) }))}
      />
      <TextField
        label="Certificate holder name"
        value={set.certificateHolder?.name ?? ''}
        issues={issues}
        path="certificateHolder"
        onChange={(name) =>
          onChange((s) => ({ ...s, certificateHolder: name.trim() === '' ? null : { ...s.certificateHolder, name } }))
        }
      />
      <TextField
        label="Description of operations wording"
        hint="Phrases the description must contain, separated by commas (the GC, the owner…)."
        value={phrases}
        issues={issues}
        path="descriptionMustContain"
        onChange={(text) => {
          setPhrases(text);
          const list = parsePhrases(text);
          onChange((s) => ({ ...s, descriptionMustContain: list.length > 0 ? list : undefined }));
        }}
      />
      <WholeNumberField
        label="Days of coverage remaining"
        hint="Policies must run at least this many days past the check. Leave empty for no minimum."
        initial={set.minimumDaysRemaining}
        issues={issues}
        path="minimumDaysRemaining"
        onValue={(value) => onChange((s) => ({ ...s, minimumDaysRemaining: value }))}
      />
      <WholeNumberField
        label="Completed operations after the project closes (years)"
        hint="Keep asking for general liability (products-completed operations) for this many years after the project closes in Procore. Leave empty for none."
        initial={set.completedOperationsYears}
        issues={issues}
        path="completedOperationsYears"
        onValue={(value) => onChange((s) => ({ ...s, completedOperationsYears: value }))}
      />
    </>
  );
}

function tierRule(tier: Tier): string {
  const parts: string[] = [];
  if (tier.trades?.length) parts.push(`trades ${tier.trades.join(', ')}`);
  const range = tier.commitmentValue;
  if (range) parts.push(`subcontracts from ${formatMoney(range.min ?? 0)}${range.max === undefined ? ' up' : ` to under ${formatMoney(range.max)}`}`);
  return parts.join('; ');
}

export function TierSummary({ tiers }: { tiers: readonly Tier[] | undefined }) {
  if (!tiers || tiers.length === 0) return <Muted>No tiers: every vendor is held to the lines above.</Muted>;
  return (
    <section aria-label="Tiers">
      <Muted>Tiers change the lines above for some vendors; they are kept as they are when you save.</Muted>
      <TierList>
        {tiers.map((tier) => (
          <li key={tier.name}>
            <strong>{tier.name}</strong>: {tierRule(tier)}
          </li>
        ))}
      </TierList>
    </section>
  );
}
