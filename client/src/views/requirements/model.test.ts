import { describe, expect, it } from 'vitest';
import { formatDollars, formatEndorsements, issuesAt, lineFlags, parseDollars, parseEndorsements, parsePhrases } from './model';

describe('requirements editor model', () => {
  it('reads dollar amounts typed with commas or a dollar sign, and empty as no minimum', () => {
    expect(parseDollars('1,000,000')).toBe(1_000_000);
    expect(parseDollars('$ 250000')).toBe(250_000);
    expect(parseDollars('')).toBeUndefined();
    expect(formatDollars(2_000_000)).toBe('2,000,000');
    expect(formatDollars(undefined)).toBe('');
  });

  it('turns endorsement text into groups of forms and back', () => {
    const text = 'Additional insured: CG 20 10, CG 20 37 or CG 20 38\nWaiver: WC 00 03 13';
    const parsed = parseEndorsements(`${text}\n\n`);
    expect(parsed).toEqual([
      { label: 'Additional insured', anyOf: [['CG 20 10', 'CG 20 37'], ['CG 20 38']] },
      { label: 'Waiver', anyOf: [['WC 00 03 13']] },
    ]);
    expect(formatEndorsements(parsed)).toBe(text);
    // No label: sent as an empty label so the server names what is missing at that endorsement.
    expect(parseEndorsements('CG 20 10')).toEqual([{ label: '', anyOf: [['CG 20 10']] }]);
  });

  it('splits description phrases on commas and drops empty ones', () => {
    expect(parsePhrases('Acme Builders, Owner LLC, ')).toEqual(['Acme Builders', 'Owner LLC']);
  });

  it('offers only the flags a line accepts', () => {
    expect(lineFlags('general_liability')).toContain('perProjectAggregateRequired');
    expect(lineFlags('workers_compensation')).toEqual(['waiverOfSubrogationRequired', 'statutoryRequired']);
    expect(lineFlags('employers_liability')).toEqual([]);
  });

  it('gives a field the issues at its path and below it, not its neighbours', () => {
    const issues = [
      { path: 'lines.general_liability.endorsements.0.anyOf.0.0', message: 'must be a form number' },
      { path: 'lines.general_liability.endorsementsExtra', message: 'other' },
    ];
    expect(issuesAt(issues, 'lines.general_liability.endorsements').map((i) => i.message)).toEqual(['must be a form number']);
  });
});
