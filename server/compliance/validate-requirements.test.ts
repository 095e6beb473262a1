import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { defaultRequirements } from './default-requirements';
import { parseRequirementSet } from './validate-requirements';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseRequirementSet(input);
  } catch (e) {
    if (e instanceof ValidationError) return (e.details as { issues: { path: string; message: string }[] }).issues;
    throw e;
  }
  return [];
}

const minimal = { name: 'Small jobs', lines: { general_liability: { minimums: { eachOccurrence: 1_000_000 } } } };

describe('parseRequirementSet', () => {
  it('accepts the default set and a minimal one', () => {
    expect(parseRequirementSet(structuredClone(defaultRequirements))).toEqual(defaultRequirements);
    expect(parseRequirementSet(minimal).lines.general_liability?.minimums?.eachOccurrence).toBe(1_000_000);
  });

  it('rejects a negative limit with its path', () => {
    expect(issuesOf({ ...minimal, lines: { general_liability: { minimums: { eachOccurrence: -5 } } } })).toEqual([
      { path: 'lines.general_liability.minimums.eachOccurrence', message: 'must not be negative' },
    ]);
  });

  it('rejects an unknown coverage line and an unknown limit', () => {
    expect(issuesOf({ ...minimal, lines: { cyber_liability: { required: true } } })).toEqual([
      {
        path: 'lines',
        message:
          'unknown coverage line "cyber_liability"; use one of general_liability, automobile_liability, umbrella_liability, workers_compensation, employers_liability, professional_liability, pollution_liability',
      },
    ]);
    expect(issuesOf({ ...minimal, lines: { automobile_liability: { minimums: { eachOccurrence: 1 } } } })).toEqual([
      { path: 'lines.automobile_liability.minimums', message: 'unknown setting "eachOccurrence"' },
    ]);
  });

  it('rejects each occurrence above the aggregate, also after a tier override', () => {
    expect(issuesOf({ ...minimal, lines: { general_liability: { minimums: { eachOccurrence: 3_000_000, generalAggregate: 2_000_000 } } } })).toEqual([
      { path: 'lines.general_liability.minimums.eachOccurrence', message: 'must not be more than the general aggregate (2000000)' },
    ]);
    const tiered = {
      ...minimal,
      lines: { general_liability: { minimums: { eachOccurrence: 1_000_000, generalAggregate: 2_000_000 } } },
      tiers: [{ name: 'Big', commitmentValue: { min: 5_000_000 }, lines: { general_liability: { minimums: { eachOccurrence: 4_000_000 } } } }],
    };
    expect(issuesOf(tiered)).toEqual([
      { path: 'tiers.0.lines.general_liability.minimums.eachOccurrence', message: 'must not be more than the general aggregate (2000000)' },
    ]);
  });

  it('rejects contradictory tiers', () => {
    const tiers = [
      { name: 'Small', commitmentValue: { max: 300_000 }, trades: ['Painting'], lines: {} },
      { name: 'Mid', commitmentValue: { min: 250_000, max: 1_000_000 }, trades: ['painting '], lines: {} },
      { name: 'Odd', commitmentValue: { min: 2_000_000, max: 1_000_000 }, lines: {} },
      { name: 'Empty', lines: {} },
    ];
    expect(issuesOf({ ...minimal, tiers })).toEqual([
      { path: 'tiers.1.trades', message: 'trade "painting" is already in tier "Small"' },
      { path: 'tiers.2.commitmentValue', message: 'min (2000000) must be less than max (1000000)' },
      { path: 'tiers.3', message: 'a tier needs trades or a subcontract value range to choose it' },
      { path: 'tiers.1.commitmentValue', message: 'overlaps the value range of tier "Small"' },
    ]);
  });

  it('explains bad AM Best floors, endorsement forms and missing names', () => {
    const bad = {
      lines: { general_liability: { endorsements: [{ label: 'AI', anyOf: [['CG2010'], ['twenty ten']] }] } },
      minimumAmBest: 'excellent',
    };
    expect(issuesOf(bad)).toEqual([
      { path: 'name', message: 'is required' },
      { path: 'lines.general_liability.endorsements.0.anyOf.1.0', message: 'must be a form number such as "CG 20 10" or "WC 00 03 13"' },
      { path: 'minimumAmBest', message: 'must be an AM Best rating and size class such as "A- VII"' },
    ]);
  });

  it('throws a ValidationError whose message names the first problem', () => {
    expect(() => parseRequirementSet({ name: 'x', lines: { general_liability: { minimums: { eachOccurrence: -1 } } }, foo: 1 })).toThrow(
      /^(lines\.general_liability\.minimums\.eachOccurrence: must not be negative|\(requirement set\): unknown setting "foo") \(and 1 more\)$/,
    );
  });
});
