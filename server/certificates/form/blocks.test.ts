import { describe, expect, it } from 'vitest';
import { readLayout } from '../layout';
import { Sheet } from './sheet.test-helper';

// Free text (a party, the remarks) is read line by line: a line belongs to the block where most
// of it stands, so the end of a line a filler printed a little slanted is not cut off.

describe('blocks of free lines', () => {
  it('keeps the last word of a party line that stands a little past the block’s top edge', () => {
    const sheet = new Sheet()
      .print('04/14/2026', 515, 746)
      .print('Keystone Risk Partners', 24, 657)
      // Its baseline 3.6 points higher: still the same printed line, its middle past the block's edge.
      .print('LLC', 134, 660.6)
      .print('88 Harbor Street', 24, 640)
      .print('Portland, ME 04101', 24, 630)
      .print('Birchwood Framing Inc', 74, 590)
      .print('A', 24, 482)
      .print('GL-5520091', 217, 482)
      .print('01/01/2026', 333, 482)
      .print('01/01/2027', 380, 482);
    const r = readLayout([sheet.view()]);
    expect(r.producer.name).toBe('Keystone Risk Partners LLC');
    expect(r.producer.address).toMatchObject({ line1: '88 Harbor Street', city: 'Portland', state: 'ME', postalCode: '04101' });
    expect(r.insured.name).toBe('Birchwood Framing Inc');
  });
});
