// The 2001/08 edition of the ACORD 25: its own grid (ADD'L INSRD beside the letter, no SUBR WVD,
// a GARAGE LIABILITY section), read through the zones that carry it onto the 2016/03 form. The
// certificates here are our own, printed on that edition's labels.
import { describe, expect, it } from 'vitest';
import { CONFIDENT } from '../../contracts/extraction';
import { readLayout } from '../layout';
import type { Box } from '../words';
import { otherGrids } from './editions';
import { placePage } from './placed';
import { readFormPage } from './read';
import { Sheet, type SheetOptions } from './sheet.test-helper';

const edition = otherGrids.find((e) => e.edition === '2001/08')!;
const prose: Box[] = [
  [316, 702, 590, 735],
  [28, 572, 590, 600],
  [312, 56, 590, 106],
];

function certificate(o: SheetOptions = {}): Sheet {
  return new Sheet({ ...o, form: { labels: edition.labels, prose } })
    .print('05/02/2011', 530, 740)
    .print('(978) 555-0190', 200, 728)
    .print('Harbor Line Insurance Group', 20, 716)
    .print('77 Quay Street', 20, 705)
    .print('Salem, MA 01970', 20, 694)
    .print('Copperfield Roofing LLC', 68, 668)
    .print('4 Orchard Lane', 68, 657)
    .print('Lowell, MA 01852', 68, 646)
    .print('Bayside Mutual Insurance Co', 345, 667)
    .print('23410', 530, 667)
    .print('North Shore Casualty Company', 345, 655)
    .print('17892', 530, 655)
    .print('A', 22, 547)
    .print('Y', 42, 547)
    .print('CGL-40211', 180, 547)
    .print('03/01/2011', 305, 547)
    .print('03/01/2012', 370, 547)
    .print('1,000,000', 560, 547)
    .print('2,000,000', 560, 499)
    .print('B', 22, 271)
    .print('WC-88120', 180, 271)
    .print('03/01/2011', 305, 271)
    .print('03/01/2012', 370, 271)
    .print('500,000', 565, 259)
    .print('Roof replacement at 12 Pine Street', 20, 178)
    .print('Town of Lowell', 68, 96)
    .print('375 Merrimack Street', 68, 86)
    .print('Lowell, MA 01852', 68, 76);
}

describe('the 2001/08 edition', () => {
  it('is fitted to its own labels and read into the contract', () => {
    const page = readFormPage(certificate().view());
    expect(page?.reading).toEqual({ layout: 'acord25', coverage: 'read', reasons: [] });
    const r = readLayout([certificate().view()]);
    expect(r.certificateDate).toBe('2011-05-02');
    expect(r.producer.name).toBe('Harbor Line Insurance Group');
    expect(r.producer.phone).toBe('9785550190');
    expect(r.insured.name).toBe('Copperfield Roofing LLC');
    expect(r.insured.address?.city).toBe('Lowell');
    expect(r.insurers).toEqual([
      { letter: 'A', name: 'Bayside Mutual Insurance Co', naic: '23410' },
      { letter: 'B', name: 'North Shore Casualty Company', naic: '17892' },
    ]);
    expect(r.certificateHolder.name).toBe('Town of Lowell');
    expect(r.descriptionOfOperations).toBe('Roof replacement at 12 Pine Street');
    const [gl, wc] = r.policies;
    expect(gl).toMatchObject({
      line: 'general_liability',
      insurerLetter: 'A',
      policyNumber: 'CGL-40211',
      effectiveDate: '2011-03-01',
      expirationDate: '2012-03-01',
      additionalInsured: true,
      subrogationWaived: null,
      limits: { eachOccurrence: 1_000_000, generalAggregate: 2_000_000 },
    });
    expect(wc).toMatchObject({ line: 'workers_compensation', insurerLetter: 'B', policyNumber: 'WC-88120', subrogationWaived: null, limits: { employersLiabilityEachAccident: 500_000 } });
    expect(r.policies).toHaveLength(2);
  });

  it('holds the same reading when the page is printed smaller and shifted', () => {
    const r = readLayout([certificate({ scale: 0.96, shiftX: 8, shiftY: -10 }).view()]);
    expect(r.policies.map((p) => [p.policyNumber, p.limits])).toEqual([
      ['CGL-40211', { eachOccurrence: 1_000_000, generalAggregate: 2_000_000 }],
      ['WC-88120', { employersLiabilityEachAccident: 500_000 }],
    ]);
  });

  it('never gives a confident reading of marks whose boxes this edition draws elsewhere', () => {
    for (const [x, y] of [[140, 522], [76, 522], [64, 450], [64, 438], [64, 474]] as const) {
      const r = readLayout([certificate().print('X', x, y).view()]);
      const gl = r.policies[0]!;
      for (const key of ['basis', 'aggregateAppliesPer'] as const) {
        if (gl[key] === null || gl[key] === undefined) continue;
        expect(r.fields?.[`/policies/0/${key}`]?.confidence).toBeLessThan(CONFIDENT);
      }
    }
  });

  it('says the coverage is unreadable when its GARAGE LIABILITY section holds values', () => {
    const r = readLayout([certificate().print('GA-1200', 180, 365).print('1,000,000', 560, 366).view()]);
    expect(r.reading?.coverage).toBe('unreadable');
    expect(r.reading?.reasons.join(' ')).toMatch(/GARAGE LIABILITY/);
  });

  it('leaves a 2016/03 certificate on the 2016/03 form', () => {
    expect(placePage(new Sheet().view())?.edition.edition).toBe('2016/03');
    expect(placePage(certificate().view())?.edition.edition).toBe('2001/08');
  });
});
