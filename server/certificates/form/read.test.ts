import { describe, expect, it } from 'vitest';
import { readLayout } from '../layout';
import { fieldBox } from './geometry';
import { Sheet } from './sheet.test-helper';

const centre = (name: string): [number, number] => {
  const b = fieldBox(name);
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
};

/** A typical agency certificate: parties, two insurers, a GL row and a WC row, as a filler prints them. */
function certificate(sheet: Sheet, x = 0): Sheet {
  return sheet
    .print('04/14/2026', 515 + x, 746)
    .print('Keystone Risk Partners, LLC', 24 + x, 650)
    .print('88 Harbor Street, Suite 4', 24 + x, 640)
    .print('Portland, ME 04101', 24 + x, 630)
    .print('Dana Whitfield', 345, 662)
    .print('(207) 555-0143', 360, 650)
    .print('certs@keystonerisk.test', 345, 638)
    .print('Granite Mutual Insurance Company', 350, 614)
    .print('21555', 548, 614)
    .print('Lakeshore Casualty Co', 350, 602)
    .print('10804', 548, 602)
    .print('Birchwood Framing Inc', 74 + x, 590)
    .print('12 Mill Road', 74 + x, 580)
    .print('Augusta, ME 04330', 74 + x, 570)
    .print('A', 24, 482)
    .print('X', 40, 482)
    .print('X', 120, 470)
    .print('Y', 181, 482)
    .print('GL-5520091', 217, 482)
    .print('01/01/2026', 333, 482)
    .print('01/01/2027', 380, 482)
    .print('1,000,000', 530, 482)
    .print('300,000', 530, 470)
    .print('2,000,000', 530, 434)
    .print('B', 24, 290)
    .print('WC 7731-22', 217, 290)
    .print('03/15/2026', 333, 290)
    .print('03/15/2027', 380, 290)
    .print('X', 428, 302)
    .print('N', 162, 286)
    .print('500,000', 530, 290)
    .print('Framing contractor; project Riverside Lofts.', 24, 205)
    .print('Riverside Lofts Owner LLC', 74, 94)
    .print('400 Commerce Way', 74, 84)
    .print('Bangor, ME 04401', 74, 74);
}

describe('the form reader', () => {
  it('reads each value from its own field on a page printed at the official size', () => {
    const r = readLayout([certificate(new Sheet()).view()]);
    expect(r.form).toBe('ACORD 25');
    expect(r.reading).toEqual({ layout: 'acord25', coverage: 'read', reasons: [] });
    expect(r.certificateDate).toBe('2026-04-14');
    expect(r.producer).toMatchObject({ name: 'Keystone Risk Partners, LLC', contactName: 'Dana Whitfield', phone: '2075550143', email: 'certs@keystonerisk.test' });
    expect(r.producer.address).toMatchObject({ line1: '88 Harbor Street, Suite 4', city: 'Portland', state: 'ME', postalCode: '04101' });
    expect(r.insured).toEqual({ name: 'Birchwood Framing Inc', address: { line1: '12 Mill Road', line2: null, city: 'Augusta', state: 'ME', postalCode: '04330' } });
    expect(r.insurers).toEqual([
      { letter: 'A', name: 'Granite Mutual Insurance Company', naic: '21555' },
      { letter: 'B', name: 'Lakeshore Casualty Co', naic: '10804' },
    ]);
    expect(r.policies).toHaveLength(2);
    expect(r.policies[0]).toMatchObject({
      line: 'general_liability',
      insurerLetter: 'A',
      policyNumber: 'GL-5520091',
      effectiveDate: '2026-01-01',
      expirationDate: '2027-01-01',
      additionalInsured: true,
      subrogationWaived: false,
      basis: 'occurrence',
      limits: { eachOccurrence: 1_000_000, damageToRentedPremises: 300_000, generalAggregate: 2_000_000 },
    });
    expect(r.policies[1]).toMatchObject({ line: 'workers_compensation', insurerLetter: 'B', statutory: true, excludedOfficers: false, limits: { employersLiabilityEachAccident: 500_000 } });
    expect(r.descriptionOfOperations).toBe('Framing contractor; project Riverside Lofts.');
    expect(r.certificateHolder.name).toBe('Riverside Lofts Owner LLC');
    expect(r.fields?.['/policies/0/policyNumber']?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('gives the form numbers OCR found in the remarks no more confidence than the remarks', () => {
    const view = { ...certificate(new Sheet()).print('Additional insured per CG 20 10 04 13.', 24, 196).view(), ocr: true };
    view.words = view.words.map((w) => (w.y0 > 190 && w.y1 < 212 && w.x0 < 300 ? { ...w, conf: 0.5 } : w));
    const r = readLayout([view]);
    expect(r.endorsementForms).toEqual([{ form: 'CG 20 10', edition: '04 13' }]);
    expect(r.fields?.['/descriptionOfOperations']?.confidence).toBeLessThan(0.8);
    expect(r.fields?.['/endorsementForms']?.confidence).toBe(r.fields?.['/descriptionOfOperations']?.confidence);
    // From a text layer the list stands on its own.
    expect(readLayout([certificate(new Sheet()).view()]).fields?.['/endorsementForms']).toBeUndefined();
  });

  it('fits a page printed smaller and shifted ("fit to page")', () => {
    const r = readLayout([certificate(new Sheet({ scale: 0.94, shiftX: 17, shiftY: 24 })).view()]);
    expect(r.reading?.layout).toBe('acord25');
    expect(r.policies.map((p) => p.policyNumber)).toEqual(['GL-5520091', 'WC 7731-22']);
    expect(r.insured.name).toBe('Birchwood Framing Inc');
    expect(r.policies[0]!.limits.eachOccurrence).toBe(1_000_000);
  });

  it('fits a page turned a little, as a scan fed askew is, with a plane map', () => {
    const r = readLayout([certificate(new Sheet({ turn: 2 })).view()]);
    expect(r.policies.map((p) => p.policyNumber)).toEqual(['GL-5520091', 'WC 7731-22']);
    expect(r.policies[0]!.limits).toEqual({ eachOccurrence: 1_000_000, damageToRentedPremises: 300_000, generalAggregate: 2_000_000 });
    expect(r.policies[1]!.limits).toEqual({ employersLiabilityEachAccident: 500_000 });
    expect(r.insured.name).toBe('Birchwood Framing Inc');
  });

  it('never takes the notice for a value: the insured is left empty, not a sentence of the form', () => {
    const r = readLayout([new Sheet().print('GL-1', 217, 482).print('01/01/2026', 333, 482).view()]);
    expect(r.insured.name).toBeNull();
    expect(r.producer.name).toBeNull();
    expect(r.certificateHolder.name).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/SUBROGATION IS WAIVED/);
  });

  it('reads labels printed glyph by glyph', () => {
    const r = readLayout([certificate(new Sheet({ letterSpaced: true })).view()]);
    expect(r.reading?.layout).toBe('acord25');
    expect(r.policies[0]).toMatchObject({ policyNumber: 'GL-5520091', basis: 'occurrence' });
  });

  it("follows an older edition's general liability rows printed a line lower", () => {
    const lower = { region: [36, 400, 176, 492] as [number, number, number, number], dy: -12 };
    const sheet = new Sheet({ move: [lower], extra: [{ text: 'GENERAL LIABILITY', at: [54, 484] }] });
    // The marks sit beside their labels, so a line lower too.
    sheet.print('X', 120, 458).print('X', 40, 410).print('GL-1', 217, 470).print('01/01/2026', 333, 470).print('01/01/2027', 380, 470);
    const r = readLayout([sheet.view()]);
    expect(r.policies[0]).toMatchObject({ basis: 'occurrence', aggregateAppliesPer: 'policy', policyNumber: 'GL-1' });
  });

  it('reads drawn marks as ticks', () => {
    const sheet = new Sheet().print('AUTO-9', 217, 398).print('01/01/2026', 333, 398).print('01/01/2027', 380, 398);
    sheet.mark(...centre('Vehicle_AnyAutoIndicator_A')).mark(...centre('Vehicle_NonOwnedAutosIndicator_A'));
    const r = readLayout([sheet.view()]);
    expect(r.policies[0]).toMatchObject({ line: 'automobile_liability', autoSymbols: ['any_auto', 'non_owned_autos'] });
  });

  it('reads two carriers on one umbrella row as two policies sharing its dates', () => {
    const sheet = new Sheet()
      .print('B', 24, 338)
      .print('C', 24, 328)
      .print('X', 40, 338)
      .print('UMB-100', 217, 338)
      .print('XS-200', 217, 328)
      .print('06/01/2026', 333, 338)
      .print('06/01/2027', 380, 338)
      .print('5,000,000', 530, 338);
    const r = readLayout([sheet.view()]);
    expect(r.policies.map((p) => [p.line, p.insurerLetter, p.policyNumber, p.effectiveDate])).toEqual([
      ['umbrella_liability', 'B', 'UMB-100', '2026-06-01'],
      ['umbrella_liability', 'C', 'XS-200', '2026-06-01'],
    ]);
    expect(r.fields?.['/policies/1/effectiveDate']?.confidence).toBeLessThan(r.fields?.['/policies/0/effectiveDate']?.confidence ?? 0);
  });

  it('keeps a row whole when a speck in the number column stands nearer its dates than a line does', () => {
    // The dates print a little high; a speck OCR read as "I" sits above them, nearer than the
    // number is. The dates go with the number nearest them, and the speck opens no policy.
    const sheet = new Sheet()
      .print('C', 24, 326)
      .print('I', 326, 332, 4)
      .print('YY-134416-94', 217, 325)
      .print('07/27/2025', 333, 327.5)
      .print('07/27/2026', 380, 327.5)
      .print('10,000,000', 530, 338);
    const r = readLayout([sheet.view()]);
    expect(r.policies.map((p) => [p.insurerLetter, p.policyNumber, p.effectiveDate, p.expirationDate])).toEqual([['C', 'YY-134416-94', '2025-07-27', '2026-07-27']]);
  });

  it('opens no second policy for a date read twice a little off its line', () => {
    // OCR read the expiration date once whole and once, five points lower, as a box of its own;
    // a second expiration date in the column is no policy.
    const sheet = certificate(new Sheet()).print('1/01/2027', 381, 477);
    const r = readLayout([{ ...sheet.view(), ocr: true }]);
    expect(r.policies.map((p) => [p.line, p.policyNumber, p.expirationDate])).toEqual([
      ['general_liability', 'GL-5520091', '2027-01-01'],
      ['workers_compensation', 'WC 7731-22', '2027-03-15'],
    ]);
    // Another date there is a line of its own, whatever it lacks.
    const other = readLayout([{ ...certificate(new Sheet()).print('06/30/2027', 381, 470).view(), ocr: true }]);
    expect(other.policies.filter((p) => p.line === 'general_liability')).toHaveLength(2);
  });

  it('reads rows of the OTHER area with their own limits', () => {
    const sheet = new Sheet()
      .print('A', 24, 250)
      .print('Professional E&O', 40, 250)
      .print('PL-77', 217, 250)
      .print('02/02/2026', 333, 250)
      .print('02/02/2027', 380, 250)
      .print('DED: $2,500', 428, 250)
      .print('1,000,000', 530, 250)
      .print('A', 24, 236)
      .print('Contractors Pollution', 40, 236)
      .print('CPL-88', 217, 236)
      .print('02/02/2026', 333, 236)
      .print('02/02/2027', 380, 236)
      .print('Each Claim', 428, 236)
      .print('$2,000,000', 530, 236);
    const r = readLayout([sheet.view()]);
    expect(r.policies).toEqual([
      expect.objectContaining({ line: 'other', description: 'Professional E&O', policyNumber: 'PL-77', limits: { other: [{ label: 'Limit', amount: 1_000_000 }, { label: 'DED', amount: 2500 }] } }),
      expect.objectContaining({ line: 'other', description: 'Contractors Pollution', policyNumber: 'CPL-88', limits: { other: [{ label: 'Each Claim', amount: 2_000_000 }] } }),
    ]);
  });

  it('settles two marked boxes of one choice by looking where each box stands, for a person to confirm', () => {
    // A mark beside the claims-made box, level with the row above, falls in the area looked in
    // around that box, and OCCUR is marked as well.
    const r = readLayout([certificate(new Sheet()).mark(48.5, 481).view()]);
    expect(r.policies[0]?.basis).toBe('occurrence');
    expect(r.fields?.['/policies/0/basis']?.confidence).toBeLessThan(0.8);
    expect(readLayout([certificate(new Sheet()).view()]).fields?.['/policies/0/basis']?.confidence).toBeGreaterThanOrEqual(0.8);
    // Both boxes marked where they stand: no choice is made.
    const both = readLayout([certificate(new Sheet()).mark(57.5, 474).view()]);
    expect(both.policies[0]?.basis).toBeNull();
  });

  it('takes a write-in limit printed level with a printed row as the write-in row\'s, for a person to confirm', () => {
    const sheet = new Sheet().print('A', 24, 482).print('GL-1', 217, 482).print('01/01/2026', 333, 482).print('01/01/2027', 380, 482).print('2,000,000', 530, 422);
    // Another filler's offset put the write-in row's label and amount level with PRODUCTS - COMP/OP AGG.
    const r = readLayout([{ ...sheet.print('Employee Benefits', 430, 416).print('1,000,000', 530, 416).view(), ocr: true }]);
    expect(r.policies[0]?.limits).toEqual({ productsCompletedOperationsAggregate: 2_000_000, other: [{ label: 'Employee Benefits', amount: 1_000_000 }] });
    expect(r.fields?.['/policies/0/limits/other/0']?.confidence).toBeLessThan(0.8);
    expect(r.fields?.['/policies/0/limits/productsCompletedOperationsAggregate']?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('takes a labelled amount nearer the write-in row than the printed row above it as the write-in row\'s', () => {
    const sheet = new Sheet().print('A', 24, 398).print('BA-1', 217, 398).print('01/01/2026', 333, 398).print('01/01/2027', 380, 398).print('1,000,000', 530, 398);
    const r = readLayout([{ ...sheet.print('Uninsured Motorist', 430, 357).print('10,000', 530, 357).view(), ocr: true }]);
    expect(r.policies[0]?.limits).toEqual({ combinedSingleLimit: 1_000_000, other: [{ label: 'Uninsured Motorist', amount: 10_000 }] });
    expect(r.fields?.['/policies/0/limits/other/0']?.confidence).toBeLessThan(0.8);
  });

  it('says the coverage could not be read when the grid is not where the form has it', () => {
    const gridLabel = (t: string) => /^(INSR|LTR|TYPE OF|POLICY|ADDL|INSD|SUBR|WVD|LIMITS|\(MM|EACH|DAMAGE|PREMISES|MED|PERSONAL|GENERAL|PRODUCTS|COMBINED|BODILY|PROPERTY|AGGREGATE|E\.L\.|\(Ea|\(Per|\$)/.test(t);
    const r = readLayout([certificate(new Sheet({ without: gridLabel })).view()]);
    expect(r.reading?.coverage).toBe('unreadable');
    expect(r.reading?.reasons.join(' ')).toMatch(/coverage grid/);
  });

  it('gives no values from a page that is not the ACORD 25 form', () => {
    const sheet = new Sheet({ without: () => true }).print('EVIDENCE OF PROPERTY INSURANCE', 150, 750, 14).print('PRODUCER', 22, 660, 6).print('Harbor Agency', 24, 650);
    const r = readLayout([sheet.view()]);
    expect(r.form).toBeNull();
    expect(r.producer.name).toBeNull();
    expect(r.reading).toMatchObject({ layout: 'unrecognised', coverage: 'unreadable' });
  });
});

describe('the form reader on OCR words', () => {
  it('splits two policy dates OCR ran together, and takes a misread "$" for the form\'s', () => {
    const sheet = new Sheet()
      .print('A', 24, 482)
      .print('GL-5520091', 217, 482)
      .print("01/1212026'01/12/2027", 333, 482)
      .print('3', 517, 482)
      .print('1,000,000', 530, 482)
      .print("'s", 516, 470)
      .print('300,000', 530, 470);
    const r = readLayout([{ ...sheet.view(), ocr: true }]);
    expect(r.policies[0]).toMatchObject({ effectiveDate: '2026-01-12', expirationDate: '2027-01-12', limits: { eachOccurrence: 1_000_000, damageToRentedPremises: 300_000 } });
  });

  it('doubts an amount whose first figure may be a "$" glued to it, with or without commas', () => {
    const sheet = new Sheet()
      .print('A', 24, 482)
      .print('GL-5520091', 217, 482)
      .print('01/12/2026', 333, 482)
      .print('01/12/2027', 380, 482)
      .print('32,000,000', 530, 482)
      .print('34000000', 530, 422)
      .print('1,000,000', 530, 434);
    const r = readLayout([{ ...sheet.view(), ocr: true }]);
    // The values stay as read; only a person can tell 32,000,000 from $2,000,000.
    expect(r.policies[0]?.limits).toMatchObject({ eachOccurrence: 32_000_000, productsCompletedOperationsAggregate: 34_000_000, generalAggregate: 1_000_000 });
    expect(r.fields?.['/policies/0/limits/eachOccurrence']?.confidence).toBeLessThan(0.8);
    expect(r.fields?.['/policies/0/limits/productsCompletedOperationsAggregate']?.confidence).toBeLessThan(0.8);
    expect(r.fields?.['/policies/0/limits/generalAggregate']?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('takes figures OCR read as letters for what they resemble, for a person to confirm', () => {
    const sheet = new Sheet()
      .print('A', 24, 482)
      .print('GL-5520091', 217, 482)
      .print('Ub/13/2026', 333, 482)
      .print('06/13/2027', 380, 482)
      .print('1,OOO,000', 530, 482);
    const r = readLayout([{ ...sheet.view(), ocr: true }]);
    expect(r.policies[0]).toMatchObject({ effectiveDate: '2026-06-13', expirationDate: '2027-06-13', limits: { eachOccurrence: 1_000_000 } });
    expect(r.fields?.['/policies/0/effectiveDate']?.confidence).toBeLessThan(0.8);
    expect(r.fields?.['/policies/0/expirationDate']?.confidence).toBeGreaterThanOrEqual(0.8);
    expect(r.fields?.['/policies/0/limits/eachOccurrence']?.confidence).toBeLessThan(0.8);
    expect(r.warnings.join(' ')).toContain('was taken as 1,000,000');
    // Print with a text layer is as the filler wrote it: nothing is guessed there.
    const text = readLayout([sheet.view()]);
    expect(text.policies[0]).toMatchObject({ effectiveDate: null, limits: {} });
  });

  it("mends a scan's street line: a suffix misread (5t, OR) and a unit run into its number", () => {
    const sheet = new Sheet().print('Birchwood Framing Inc', 74, 600).print('2851 Market 5t', 74, 590).print('Unit4', 74, 580).print('Augusta, ME 04330', 74, 570);
    expect(readLayout([{ ...sheet.view(), ocr: true }]).insured.address).toMatchObject({ line1: '2851 Market St', line2: 'Unit 4', city: 'Augusta' });
    const drive = new Sheet().print('Birchwood Framing Inc', 74, 600).print('12 COMMERCE OR', 74, 590).print('AUGUSTA, ME 04330', 74, 580);
    expect(readLayout([{ ...drive.view(), ocr: true }]).insured.address?.line1).toBe('12 COMMERCE DR');
    // Print with a text layer is as the filler wrote it.
    expect(readLayout([sheet.view()]).insured.address).toMatchObject({ line1: '2851 Market 5t', line2: 'Unit4' });
  });

  it("takes a glyph OCR could not read in the workers' compensation ADDL INSD cell for no answer, for a person to confirm", () => {
    const wc = (conf: number) => {
      const view = { ...new Sheet().print('B', 24, 290).print('WC 7731-22', 217, 290).print('03/15/2026', 333, 290).print('03/15/2027', 380, 290).print('X', 182, 286).view(), ocr: true };
      for (const w of view.words) if (w.text === 'X') w.conf = conf;
      const r = readLayout([view]);
      return { value: r.policies[0]?.additionalInsured, confidence: r.fields?.['/policies/0/additionalInsured']?.confidence ?? 1 };
    };
    expect(wc(0.9).value).toBe(true);
    const noise = wc(0);
    expect(noise.value).toBe(false);
    expect(noise.confidence).toBeLessThan(0.8);
  });

  it('takes a policy number whose figures OCR read as lookalikes for the figures, for a person to confirm', () => {
    const sheet = new Sheet().print('A', 24, 482).print('UF-Y42151-93', 217, 482).print('06/13/2026', 333, 482).print('06/13/2027', 380, 482);
    const r = readLayout([{ ...sheet.view(), ocr: true }]);
    expect(r.policies[0]?.policyNumber).toBe('UF-942151-93');
    expect(r.fields?.['/policies/0/policyNumber']?.confidence).toBeLessThan(0.8);
    // With a text layer the number is as the filler printed it.
    expect(readLayout([sheet.view()]).policies[0]?.policyNumber).toBe('UF-Y42151-93');
  });

  it('takes a date whose slashes OCR lost, for a person to confirm, and a guess that ends the policy before it starts is doubted', () => {
    const lost = readLayout([{ ...new Sheet().print('A', 24, 482).print('GL-5520091', 217, 482).print('04072026', 333, 482).print('04/07/2027', 380, 482).view(), ocr: true }]);
    expect(lost.policies[0]).toMatchObject({ effectiveDate: '2026-04-07', expirationDate: '2027-04-07' });
    expect(lost.fields?.['/policies/0/effectiveDate']?.confidence).toBeLessThan(0.8);
    expect(lost.fields?.['/policies/0/expirationDate']?.confidence).toBeGreaterThanOrEqual(0.8);
    const backwards = readLayout([{ ...new Sheet().print('A', 24, 482).print('GL-5520091', 217, 482).print('08 07 2033', 333, 482).print('08/07/2026', 380, 482).view(), ocr: true }]);
    expect(backwards.policies[0]).toMatchObject({ effectiveDate: '2033-08-07', expirationDate: '2026-08-07' });
    expect(backwards.fields?.['/policies/0/effectiveDate']?.confidence).toBeLessThan(0.8);
    expect(backwards.fields?.['/policies/0/expirationDate']?.confidence).toBeLessThan(0.8);
    expect(backwards.warnings.join(' ')).toContain('runs from 2033-08-07 to 2026-08-07, which cannot be right');
  });

  it('doubts a write-in limit whose label OCR was unsure of', () => {
    const sheet = certificate(new Sheet()).print('Premises ‘Operations', 433, 411).print('1,000,000', 531, 411);
    const view = { ...sheet.view(), ocr: true };
    const sure = readLayout([view]);
    expect(sure.policies[0]?.limits.other).toEqual([{ label: 'Premises ‘Operations', amount: 1_000_000 }]);
    expect(sure.fields?.['/policies/0/limits/other/0']?.confidence).toBeGreaterThanOrEqual(0.8);
    for (const w of view.words) if (w.text === '‘Operations') w.conf = 0.2;
    expect(readLayout([view]).fields?.['/policies/0/limits/other/0']?.confidence).toBeLessThan(0.8);
  });

  it('doubts a contact and an address one misread glyph apart', () => {
    const near = readLayout([{ ...new Sheet().print('Dana Whitfield', 345, 662).print('dama@keystonerisk.test', 345, 638).view(), ocr: true }]);
    expect(near.producer).toMatchObject({ contactName: 'Dana Whitfield', email: 'dama@keystonerisk.test' });
    expect(near.fields?.['/producer/email']?.confidence).toBeLessThan(0.8);
    expect(near.fields?.['/producer/contactName']?.confidence).toBeLessThan(0.8);
    const agree = readLayout([{ ...new Sheet().print('Dana Whitfield', 345, 662).print('dana@keystonerisk.test', 345, 638).view(), ocr: true }]);
    expect(agree.fields?.['/producer/email']?.confidence).toBeGreaterThanOrEqual(0.8);
    // An address whose @ OCR misread is put together from the contact's name, for a person to confirm.
    const lost = readLayout([{ ...new Sheet().print('Dana Whitfield', 345, 662).print('danaxkeystonerisk.test', 345, 638).view(), ocr: true }]);
    expect(lost.producer.email).toBe('dana@keystonerisk.test');
    expect(lost.fields?.['/producer/email']?.confidence).toBeLessThan(0.8);
    // A capital OCR lost is put back, and the name stays doubted.
    const small = readLayout([{ ...new Sheet().print('Marco reyes', 345, 662).print('marco@keystonerisk.test', 345, 638).view(), ocr: true }]);
    expect(small.producer.contactName).toBe('Marco Reyes');
    expect(small.fields?.['/producer/contactName']?.confidence).toBeLessThan(0.8);
    // A contact unlike a person's name (a capital misread) is doubted too.
    const odd = readLayout([{ ...new Sheet().print('Lee UKaror', 345, 662).print('lee@keystonerisk.test', 345, 638).view(), ocr: true }]);
    expect(odd.producer.contactName).toBe('Lee UKaror');
    expect(odd.fields?.['/producer/contactName']?.confidence).toBeLessThan(0.8);
    expect(agree.fields?.['/producer/contactName']?.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
