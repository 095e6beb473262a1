import { describe, expect, it } from 'vitest';
import { CONFIDENT } from '../../contracts/extraction';
import { readLayout } from '../layout';
import { Sheet } from './sheet.test-helper';

// A filler that redraws the form with a shorter remarks box lifts everything below it (holder,
// cancellation, signature, footer) as one block. Its labels agree with each other on how far.

/** The parts of a certificate above the remarks, as in the reader's other tests. */
function top(sheet: Sheet): Sheet {
  return sheet
    .print('04/14/2026', 515, 746)
    .print('Keystone Risk Partners, LLC', 24, 650)
    .print('Granite Mutual Insurance Company', 350, 614)
    .print('21555', 548, 614)
    .print('Birchwood Framing Inc', 74, 590)
    .print('A', 24, 482)
    .print('GL-5520091', 217, 482)
    .print('01/01/2026', 333, 482)
    .print('01/01/2027', 380, 482)
    .print('1,000,000', 530, 482);
}

/** Everything the blank prints below the remarks box (form points). */
const bottom = [0, 0, 612, 140] as [number, number, number, number];

describe('a block of the form the filler moved', () => {
  it('reads the holder from under its own label when the part below the remarks is printed higher', () => {
    const lift = 50;
    const sheet = top(new Sheet({ move: [{ region: bottom, dy: lift }] }))
      .print('Framing contractor; project Riverside Lofts.', 24, 205)
      .print('Riverside Lofts Owner LLC', 24, 118 + lift)
      .print('400 Commerce Way', 24, 108 + lift)
      .print('Bangor, ME 04401', 24, 98 + lift);
    const r = readLayout([sheet.view()]);
    expect(r.descriptionOfOperations).toBe('Framing contractor; project Riverside Lofts.');
    expect(r.certificateHolder).toEqual({ name: 'Riverside Lofts Owner LLC', address: { line1: '400 Commerce Way', line2: null, city: 'Bangor', state: 'ME', postalCode: '04401' } });
    // The block is followed by its labels alone, far from the blank's places: not sure enough to act on.
    expect(r.fields?.['/certificateHolder/name']?.confidence).toBeLessThan(CONFIDENT);
  });

  it('never moves a part for one label alone: a stray CERTIFICATE HOLDER in the remarks moves nothing', () => {
    const sheet = top(new Sheet())
      .print('CERTIFICATE HOLDER named below is additional insured.', 24, 170)
      .print('Riverside Lofts Owner LLC', 24, 118)
      .print('400 Commerce Way', 24, 108)
      .print('Bangor, ME 04401', 24, 98);
    const r = readLayout([sheet.view()]);
    expect(r.certificateHolder.name).toBe('Riverside Lofts Owner LLC');
    expect(r.descriptionOfOperations).toContain('named below is additional insured.');
  });

  it('keeps remarks words that the remarks heading also prints, when the heading was found elsewhere', () => {
    // The heading printed 8 points higher than the blank has it; the remarks' first line sits where the blank prints the heading.
    const sheet = top(new Sheet({ move: [{ region: [0, 217, 612, 228], dy: 8 }] })).print('Operations additional to the schedule.', 24, 220);
    const r = readLayout([sheet.view()]);
    expect(r.descriptionOfOperations).toBe('Operations additional to the schedule.');
  });
});
