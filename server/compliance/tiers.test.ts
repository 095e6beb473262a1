import { describe, expect, it } from 'vitest';
import { defaultRequirements } from './default-requirements';
import { applyTier, chooseTier, mergeLines } from './tiers';

const tiers = defaultRequirements.tiers ?? [];

describe('chooseTier', () => {
  it('matches trades ignoring case and punctuation', () => {
    expect(chooseTier(tiers, { trade: 'ROOFING' })?.name).toBe('High hazard');
    expect(chooseTier(tiers, { trade: 'steel-erection' })?.name).toBe('High hazard');
    expect(chooseTier(tiers, { trade: 'Final Cleaning' })?.name).toBe('Light trade');
  });

  it('matches subcontract value with min inclusive and max exclusive', () => {
    expect(chooseTier(tiers, { commitmentValue: 249_999 })?.name).toBe('Light trade');
    expect(chooseTier(tiers, { commitmentValue: 250_000 })).toBeNull();
    expect(chooseTier(tiers, { commitmentValue: 2_000_000 })?.name).toBe('High hazard');
  });

  it('prefers the first listed tier when trade and value point to different tiers', () => {
    expect(chooseTier(tiers, { trade: 'Painting', commitmentValue: 5_000_000 })?.name).toBe('High hazard');
    expect(chooseTier(tiers, { trade: 'Roofing', commitmentValue: 10_000 })?.name).toBe('High hazard');
  });

  it('returns null without trade or value, or with an unknown trade', () => {
    expect(chooseTier(tiers, {})).toBeNull();
    expect(chooseTier(tiers, { trade: 'Mechanical', commitmentValue: null })).toBeNull();
  });
});

describe('mergeLines and applyTier', () => {
  it('overrides minima one by one and keeps the rest of the line', () => {
    const { lines, tier } = applyTier(defaultRequirements, { trade: 'Demolition' });
    expect(tier?.name).toBe('High hazard');
    expect(lines.general_liability?.minimums).toEqual({
      eachOccurrence: 2_000_000,
      personalAdvertisingInjury: 1_000_000,
      generalAggregate: 4_000_000,
      productsCompletedOperationsAggregate: 4_000_000,
    });
    expect(lines.general_liability?.occurrenceRequired).toBe(true);
    expect(defaultRequirements.lines.general_liability?.minimums?.eachOccurrence).toBe(1_000_000);
  });

  it('adds lines a tier introduces and can switch a line off', () => {
    const merged = mergeLines(defaultRequirements.lines, {
      pollution_liability: { required: true, minimums: { eachOccurrence: 1_000_000 } },
      umbrella_liability: { required: false },
    });
    expect(merged.pollution_liability).toEqual({ required: true, minimums: { eachOccurrence: 1_000_000 } });
    expect(merged.umbrella_liability?.required).toBe(false);
    expect(merged.umbrella_liability?.minimums).toEqual({ eachOccurrence: 5_000_000, aggregate: 5_000_000 });
  });
});
