import { describe, expect, it } from 'vitest';
import { parseCarriersCsv, parseCsv } from './carriers-csv';

describe('parseCarriersCsv', () => {
  it('imports a table with quoted names, commas and a case-insensitive header', () => {
    const csv = 'naic,CARRIER NAME,AM Best Rating,Financial Size Class\r\n23817,"Granite State Casualty, Inc.",A-,VII\r\nAA-1128623,"Lloyd\'s ""2623""",A u,XV\r\n\r\n55503,Nova Start,NR-1,\r\n';
    const result = parseCarriersCsv(csv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.carriers.keys()]).toEqual(['23817', 'AA-1128623', '55503']);
    expect(result.carriers.get('23817')?.name).toBe('Granite State Casualty, Inc.');
    expect(result.carriers.get('AA-1128623')?.name).toBe('Lloyd\'s "2623"');
    expect(result.carriers.get('23817')?.amBest).toEqual({ rating: { rated: true, rating: 'A-', rank: 13 }, sizeClass: 7 });
    expect(result.carriers.get('55503')?.amBest.rating).toEqual({ rated: false });
  });

  it('rejects bad rows with their line numbers and imports nothing', () => {
    const csv = [
      'NAIC,Name,Rating,Size Class',
      '23817,Granite State,A-,VII',
      '1234,Short Naic,A,VIII',
      '41290,"Meridian, Mutual",Z,VIII',
      '12044,Bayline,A,XX',
      '23817,Granite Duplicate,A,VII',
      ',,,',
      '37800,,A,VII',
    ].join('\n');
    const result = parseCarriersCsv(csv);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'NAIC "1234" is not a 5-digit NAIC number or an alien AA- number.' },
        { line: 4, message: 'Rating "Z" is not an AM Best rating (e.g. "A-" or "NR").' },
        { line: 5, message: 'Size class "XX" is not I to XV.' },
        { line: 6, message: 'NAIC 23817 is already on line 2.' },
        { line: 8, message: 'The carrier name is empty.' },
      ],
    });
  });

  it('counts lines inside quoted line breaks', () => {
    const csv = 'NAIC,Name,Rating,Size Class\n23817,"Granite\nState",A,VII\n999,Bad,A,VII\n';
    expect(parseCarriersCsv(csv)).toEqual({
      ok: false,
      errors: [{ line: 4, message: 'NAIC "999" is not a 5-digit NAIC number or an alien AA- number.' }],
    });
  });

  it('requires the header columns', () => {
    expect(parseCarriersCsv('NAIC,Name,Rating\n23817,Granite,A')).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'The header row is missing the column "size class".' }],
    });
    expect(parseCarriersCsv('')).toEqual({ ok: false, errors: [{ line: 1, message: 'The file is empty; it needs a header row.' }] });
  });

  it('reports an unclosed quote', () => {
    expect(parseCsv('a,b\n"open,c\n').error).toEqual({ line: 2, message: 'A quoted value is not closed.' });
  });
});
