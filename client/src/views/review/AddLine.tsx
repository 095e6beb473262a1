import { useState, type FormEvent } from 'react';
import styled from 'styled-components';
import { addLineSchema, type AddLine } from '../../../../server/contracts/review';
import { Button, colors, spacing } from '../../components/core';

// A coverage line the reader missed, typed from the certificate: the line, insurer, policy
// number, dates, the limits that line prints, and why it is added. Checked with the API's own
// schema before posting, so a wrong date is said here.

const Form = styled.form`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
  gap: ${spacing.xs}px ${spacing.sm}px;
  label {
    display: flex;
    flex-direction: column;
    font-size: 12px;
  }
  input,
  select {
    font: inherit;
    padding: 4px;
  }
`;

const Wide = styled.div`
  grid-column: 1 / -1;
`;

const FieldError = styled.p`
  grid-column: 1 / -1;
  margin: 0;
  color: ${colors.red45};
  font-size: 12px;
`;

const lineOptions: [AddLine['line'], string][] = [
  ['general_liability', 'General liability'],
  ['automobile_liability', 'Automobile liability'],
  ['umbrella_liability', 'Umbrella liability'],
  ['excess_liability', 'Excess liability'],
  ['workers_compensation', "Workers' compensation and employers' liability"],
  ['other', 'Other'],
];

const limitFields: Record<AddLine['line'], [keyof AddLine['limits'], string][]> = {
  general_liability: [['eachOccurrence', 'Each occurrence'], ['generalAggregate', 'General aggregate'], ['productsCompletedOperationsAggregate', 'Products-completed ops aggregate'], ['personalAdvertisingInjury', 'Personal and advertising injury']],
  automobile_liability: [['combinedSingleLimit', 'Combined single limit']],
  umbrella_liability: [['eachOccurrence', 'Each occurrence'], ['aggregate', 'Aggregate']],
  excess_liability: [['eachOccurrence', 'Each occurrence'], ['aggregate', 'Aggregate']],
  workers_compensation: [['employersLiabilityEachAccident', 'EL each accident'], ['employersLiabilityDiseaseEachEmployee', 'EL disease each employee'], ['employersLiabilityDiseasePolicyLimit', 'EL disease policy limit']],
  other: [['eachOccurrence', 'Each occurrence'], ['aggregate', 'Aggregate']],
};

const dollars = (s: string) => Number(s.replace(/[$,\s]/g, ''));

export function AddLineForm({ pending, onAdd }: { pending: boolean; onAdd: (line: AddLine) => void }) {
  const [line, setLine] = useState<AddLine['line']>('general_liability');
  const [text, setText] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const field = (name: string) => ({ value: text[name] ?? '', onChange: (e: { target: { value: string } }) => setText((t) => ({ ...t, [name]: e.target.value })) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const limits = Object.fromEntries(limitFields[line].filter(([key]) => (text[key] ?? '').trim() !== '').map(([key]) => [key, dollars(text[key]!)]));
    const optional = (name: string) => ((text[name] ?? '').trim() ? { [name]: text[name]!.trim() } : {});
    const parsed = addLineSchema.safeParse({
      line,
      ...optional('insurerName'),
      ...optional('policyNumber'),
      effectiveDate: text.effectiveDate ?? '',
      expirationDate: text.expirationDate ?? '',
      limits,
      reason: (text.reason ?? '').trim(),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setError(`${issue.path.join(' ') || 'Line'}: ${issue.message}`);
      return;
    }
    setError(null);
    onAdd(parsed.data);
  };
  return (
    <Form aria-label="Add a coverage line" onSubmit={submit}>
      <label>
        Line
        <select value={line} onChange={(e) => setLine(e.target.value as AddLine['line'])}>
          {lineOptions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Insurer <input {...field('insurerName')} />
      </label>
      <label>
        Policy number <input {...field('policyNumber')} />
      </label>
      <label>
        Effective <input type="date" required {...field('effectiveDate')} />
      </label>
      <label>
        Expires <input type="date" required {...field('expirationDate')} />
      </label>
      {limitFields[line].map(([key, label]) => (
        <label key={key}>
          {label} <input inputMode="numeric" placeholder="$1,000,000" {...field(key)} />
        </label>
      ))}
      <Wide>
        <label>
          Reason for adding it <input required minLength={3} {...field('reason')} />
        </label>
      </Wide>
      {error && <FieldError role="alert">{error}</FieldError>}
      <Wide>
        <Button type="submit" variant="primary" loading={pending} disabled={pending}>
          Add the line
        </Button>
      </Wide>
    </Form>
  );
}
