import { useState } from 'react';
import styled from 'styled-components';
import type { LineRequirement, RequirementLine } from '../../../../server/contracts/requirements';
import type { RequirementIssue } from '../../../../server/compliance/validate-requirements';
import { colors, spacing } from '../../components/core';
import { CheckField, MoneyField, TextField } from './fields';
import {
  acceptsEndorsements,
  flagLabels,
  formatEndorsements,
  isRequired,
  limitLabels,
  lineFlags,
  lineLabels,
  lineLimitKeys,
  parseEndorsements,
} from './model';

// One coverage line of a requirement set: whether it is required, its minimum limits, the
// wording flags and the endorsement forms. Options the form does not show (auto symbols, say)
// are kept as they were, since every change copies the line rather than rebuilding it.

const Fieldset = styled.fieldset`
  display: flex;
  flex-direction: column;
  gap: ${spacing.sm}px;
  margin: 0;
  padding: ${spacing.md}px;
  border: 1px solid ${colors.gray85};
  border-radius: 4px;
`;

const Legend = styled.legend`
  font-weight: 600;
  padding: 0 ${spacing.xs}px;
`;

const Grid = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
  gap: ${spacing.sm}px;
`;

interface LineFieldsProps {
  line: RequirementLine;
  req: LineRequirement | undefined;
  issues: readonly RequirementIssue[];
  onChange: (change: (req: LineRequirement) => LineRequirement) => void;
}

function EndorsementsField({ label, req, path, issues, onChange }: Omit<LineFieldsProps, 'line'> & { label: string; path: string }) {
  // The text is kept as typed: parsing half a line ("Additional insured:") must not rewrite it.
  const [text, setText] = useState(() => formatEndorsements(req?.endorsements));
  return (
    <TextField
      label={`${label} · Required endorsement forms`}
      hint='One endorsement a line, e.g. "Additional insured: CG 20 10, CG 20 37 or CG 20 38" (commas: all of these; "or": alternatives).'
      multiline
      value={text}
      issues={issues}
      path={path}
      onChange={(next) => {
        setText(next);
        const endorsements = parseEndorsements(next);
        onChange((current) => ({ ...current, endorsements: endorsements.length > 0 ? endorsements : undefined }));
      }}
    />
  );
}

export function LineFields({ line, req, issues, onChange }: LineFieldsProps) {
  const label = lineLabels[line];
  const base = `lines.${line}`;
  const required = isRequired(req);
  return (
    <Fieldset>
      <Legend>{label}</Legend>
      <CheckField
        label={`${label} · Required`}
        checked={required}
        issues={issues}
        path={`${base}.required`}
        // Switching off keeps the line's settings (required: false) so switching back restores them.
        onChange={(checked) => onChange((current) => ({ ...current, required: checked ? undefined : false }))}
      />
      {required && (
        <>
          {lineLimitKeys[line].length > 0 && (
            <Grid>
              {lineLimitKeys[line].map((key) => (
                <MoneyField
                  key={key}
                  label={`${label} · ${limitLabels[key] ?? key} minimum`}
                  value={req?.minimums?.[key]}
                  issues={issues}
                  path={`${base}.minimums.${key}`}
                  onChange={(amount) => onChange((current) => ({ ...current, minimums: { ...current.minimums, [key]: amount } }))}
                />
              ))}
            </Grid>
          )}
          <Grid>
            {lineFlags(line).map((flag) => (
              <CheckField
                key={flag}
                label={`${label} · ${flagLabels[flag]}`}
                checked={req?.[flag] === true}
                issues={issues}
                path={`${base}.${flag}`}
                onChange={(checked) => onChange((current) => ({ ...current, [flag]: checked || undefined }))}
              />
            ))}
          </Grid>
          {acceptsEndorsements(line) && <EndorsementsField label={label} req={req} issues={issues} path={`${base}.endorsements`} onChange={onChange} />}
        </>
      )}
    </Fieldset>
  );
}
