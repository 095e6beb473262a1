import { describe, expect, it } from 'vitest';
import { requirementSetSchema } from '../contracts/requirements';
import { defaultRequirements } from './default-requirements';
import { baseContext, baseExtraction } from './golden/base';
import { previewRequirementChange, type PreviewItem } from './preview';

const context = { ...baseContext, carriers: undefined };

function item(key: string, glEachOccurrence: number, form: string | null = 'ACORD 25'): PreviewItem {
  const extraction = baseExtraction();
  const gl = extraction.policies[0];
  if (gl) gl.limits.eachOccurrence = glEachOccurrence;
  extraction.form = form;
  return { key, extraction, context };
}

describe('previewRequirementChange', () => {
  it('counts vendors whose outcome would change, and which way', () => {
    const stricter = requirementSetSchema.parse({
      ...defaultRequirements,
      umbrellaMayTopUp: false,
      lines: {
        ...defaultRequirements.lines,
        general_liability: { ...defaultRequirements.lines.general_liability, minimums: { eachOccurrence: 2_000_000, generalAggregate: 2_000_000 } },
      },
    });
    const items = [item('a', 1_000_000), item('b', 2_000_000), item('c', 500_000), item('d', 1_000_000, null)];
    const preview = previewRequirementChange(items, defaultRequirements, stricter);
    expect(preview).toEqual({
      total: 4,
      unchanged: 3,
      changed: 1,
      transitions: [{ from: 'compliant', to: 'deficient', count: 1 }],
      before: { compliant: 2, needs_review: 1, deficient: 1 },
      after: { compliant: 1, needs_review: 1, deficient: 2 },
      changes: [{ key: 'a', before: 'compliant', after: 'deficient' }],
    });
  });

  it('reports no changes for an identical set', () => {
    const items = [item('a', 1_000_000), item('c', 500_000)];
    const preview = previewRequirementChange(items, defaultRequirements, structuredClone(defaultRequirements));
    expect(preview.changed).toBe(0);
    expect(preview.transitions).toEqual([]);
    expect(preview.before).toEqual(preview.after);
  });
});
