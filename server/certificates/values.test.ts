import { describe, expect, it } from 'vitest';
import { personCapitals, unlikePersonName, dateWithoutSeparators, emailByContact, glyphsApart, emailAddress, figuresGuessed, figuresInNumber, nameAndAddressDisagree, smallLMidSentence, findFormNumbers, identifier, mergeFormNumbers, naicCode, ocrName, parseAddress, parseDate, parseMoney, unreadCityLine, withoutLetter } from './values';

describe('parseMoney', () => {
  it.each([
    ['$1,000,000', 1_000_000],
    ['1,000,000', 1_000_000],
    ['1000000', 1_000_000],
    ['$   1,000,000', 1_000_000],
    ['$ 2,000,000.00', 2_000_000],
    ['1M', 1_000_000],
    ['1MM', 1_000_000],
    ['$2,000K', 2_000_000],
    ['1.5M', 1_500_000],
    ['0', 0],
    ['25, 000', 25_000],
    ['1, 000, 000', 1_000_000],
  ])('reads %s', (text, value) => expect(parseMoney(text)).toBe(value));

  it('refuses words', () => expect(parseMoney('EACH OCCURRENCE')).toBeNull());
});

describe('figuresGuessed', () => {
  it.each([
    ['Ub/13/2023', '06/13/2023'],
    ['¥50U,000', '$500,000'],
    ['10,0OO', '10,000'],
    ['$25,0O0', '$25,000'],
  ])('takes the letters of %s as the figures they resemble', (text, guessed) => expect(figuresGuessed(text)).toBe(guessed));

  it.each([
    ['12/13/2023', 'nothing to guess'],
    ['$1,OOO,OOO', 'as many letters as figures'],
    ['$500U,00V', 'a letter no figure resembles'],
    ['NQ-Y72016', 'not shaped as a date or an amount'],
    ['EACH OCCURRENCE', 'words'],
  ])('guesses nothing in %s (%s)', (text) => expect(figuresGuessed(text)).toBeNull());
});

describe('figuresInNumber', () => {
  it.each([
    ['UF-Y42151-93', 'UF-942151-93'],
    ['TWJ146/140', 'TWJ1467140'],
    ['/5/58425/8', '7575842578'],
  ])('takes the lookalikes among the figures of %s as figures', (id, guessed) => expect(figuresInNumber(id)).toBe(guessed));

  it.each([
    ['R02SU82365', 'letters side by side'],
    ['CPP0123456', 'leading letters only'],
    ['GL-5520091', 'figures only'],
    ['V32OM00580', 'a letter no figure resembles'],
    ['AB-S12', 'too short a run'],
  ])('guesses nothing in %s (%s)', (id) => expect(figuresInNumber(id)).toBeNull());
});

describe('dateWithoutSeparators', () => {
  it.each([
    ['04072026', '2026-04-07'],
    ['08 07 2025', '2025-08-07'],
    ['13072026', null],
    ['0407202', null],
    ['GL 0407 2026', null],
  ])('reads %s as %s', (text, date) => expect(dateWithoutSeparators(text)).toBe(date));
});

describe('glyphsApart', () => {
  it.each([
    ['of', 'ot', true],
    ['Company', 'Compam', true],
    ['Indemnity', 'iIndemmty', true],
    ['applies', 'apples', true],
    ['liability', 'liabitin', true],
    ['apply', 'apples', false],
    ['General', 'Federal', true],
    ['Fire', 'Keel', false],
  ])('%s misread as %s: %s', (word, misread, apart) => expect(glyphsApart(word, misread)).toBe(apart));
});

describe('emailByContact', () => {
  it.each([
    ['priyazblueins.com', 'Priya Natarajan', 'priya@blueins.com'],
    ['pnatarajanablueins.com', 'Priya Natarajan', 'pnatarajan@blueins.com'],
    ['lee harborins.com', 'Lee Okafor', 'lee@harborins.com'],
    ['lee z harborins.com', 'Lee Okafor', 'lee@harborins.com'],
  ])('puts %s together with its contact %s', (text, contact, email) => expect(emailByContact(text, contact)).toBe(email));
  it.each([
    ['priya@blueins.com', 'Priya Natarajan', 'an address that has its @'],
    ['marco.blueins.com', 'Priya Natarajan', 'no form of the contact'],
    ['priyazblueins', 'Priya Natarajan', 'no domain'],
  ])('leaves %s (%s, %s)', (text, contact) => expect(emailByContact(text, contact)).toBeNull());
});

describe('personCapitals', () => {
  it.each([
    ['Marco reyes', 'Marco Reyes'],
    ['Ana de la Cruz', 'Ana de la Cruz'],
    ['om Kessler', 'om Kessler'],
    ['Lee Okafor', 'Lee Okafor'],
  ])('makes %s %s', (name, made) => expect(personCapitals(name)).toBe(made));
});

describe('unlikePersonName', () => {
  it.each(['Marco reyes', 'om Kessler', 'Lee UKaror'])('doubts %s', (name) => expect(unlikePersonName(name)).toBe(true));
  it.each(['Marco Reyes', 'LEE OKAFOR', 'Ana de la Cruz', 'Ryan McDonald', "Sean O'Brien", 'J. R. Smith'])('takes %s for a name', (name) => expect(unlikePersonName(name)).toBe(false));
});

describe('nameAndAddressDisagree', () => {
  it.each([
    ['Priya Natarajan', 'priva@cobaltins.com'],
    ['Priva Natarajan', 'priya@cobaltins.com'],
    ['Lee Okafor', 'lokafur@meridianins.com'],
  ])('finds %s and %s one glyph apart', (name, email) => expect(nameAndAddressDisagree(name, email)).toBe(true));

  it.each([
    ['Priya Natarajan', 'priya@cobaltins.com'],
    ['Priya Natarajan', 'pnatarajan@cobaltins.com'],
    ['Priya Natarajan', 'priya.natarajan@cobaltins.com'],
    ['Priya Natarajan', 'certificates@cobaltins.com'],
    ['Lee Okafor', 'info@meridianins.com'],
  ])('lets %s and %s stand', (name, email) => expect(nameAndAddressDisagree(name, email)).toBe(false));
});

describe('smallLMidSentence', () => {
  it('makes small a word capitalised mid-sentence that the same text prints small', () => {
    expect(smallLMidSentence('insureds on general Liability per CG 20 10. Umbrella follows form over auto liability.')).toBe('insureds on general liability per CG 20 10. Umbrella follows form over auto liability.');
  });

  it('keeps a capital at a sentence start, and a word never printed small', () => {
    expect(smallLMidSentence('Waiver applies. Liability follows form over auto liability.')).toBe('Waiver applies. Liability follows form over auto liability.');
    expect(smallLMidSentence('as required by the Landlord under the lease')).toBe('as required by the Landlord under the lease');
    // A common noun of remarks between two small words is small, though the text prints it nowhere else.
    expect(smallLMidSentence('insureds on general Liability per CG 20 10.')).toBe('insureds on general liability per CG 20 10.');
    expect(smallLMidSentence('Umbrella follows form over General Liability and auto.')).toBe('Umbrella follows form over General Liability and auto.');
    expect(smallLMidSentence('waiver applies to general Liability.')).toBe('waiver applies to general Liability.');
  });
});

describe('parseDate', () => {
  it('reads padded and unpadded dates', () => {
    expect(parseDate('01/05/2025')).toBe('2025-01-05');
    expect(parseDate('1/5/2025')).toBe('2025-01-05');
    expect(parseDate('13/05/2025')).toBeNull();
  });

  it('reads separators OCR misread, but not a date with a digit too many', () => {
    expect(parseDate('09,04:2025')).toBe('2025-09-04');
    expect(parseDate('04/1 1/2025'.replace(' ', ''))).toBe('2025-04-11');
    expect(parseDate('09,04:20255')).toBeNull();
  });

  it('reads a date that lost one of its separators, but not eight bare digits', () => {
    expect(parseDate('0908/2024')).toBe('2024-09-08');
    expect(parseDate('09/082024')).toBe('2024-09-08');
    expect(parseDate('09082024')).toBeNull();
  });
});

describe('identifier', () => {
  it('drops a rule speck beside a number and, from OCR, restores capitals', () => {
    expect(identifier('|oTk1660200', true)).toBe('OTK1660200');
    expect(identifier('(0280A4300', true)).toBe('0280A4300');
    expect(identifier('Y76C11756]', false)).toBe('Y76C11756');
    expect(identifier('37]9F5349', true)).toBe('3719F5349');
  });

  it('keeps the case a text layer printed', () => expect(identifier('abc-123', false)).toBe('abc-123'));

  it('drops OCR text without a digit, which is no number', () => expect(identifier('REVISION NUMBER:', true)).toBeNull());
});

describe('ocrName', () => {
  it('drops specks and a stray letter before a name', () => {
    expect(ocrName('k= Pinecrest Mutual Insurance Company')).toBe('Pinecrest Mutual Insurance Company');
    expect(ocrName('i Northern Plains Indemnity Company')).toBe('Northern Plains Indemnity Company');
    expect(ocrName('‘Northern Plains')).toBe('Northern Plains');
    expect(ocrName('de Groot Insurance')).toBe('de Groot Insurance');
  });

  it('puts right a closing LLC or Inc with one glyph misread', () => {
    expect(ocrName('Hollow Creek Excavating LLe')).toBe('Hollow Creek Excavating LLC');
    expect(ocrName('Crescent General Contractors LIC')).toBe('Crescent General Contractors LLC');
    expect(ocrName('Apex Roofing & Sheet Metal Ing')).toBe('Apex Roofing & Sheet Metal Inc');
    expect(ocrName('Apex Roofing lnc.')).toBe('Apex Roofing Inc.');
    // Only a closing word, and only when it is not already right.
    expect(ocrName('LIC Holdings Group')).toBe('LIC Holdings Group');
    expect(ocrName('Northgate Mechanical Corp')).toBe('Northgate Mechanical Corp');
    expect(ocrName('Vantage LLC')).toBe('Vantage LLC');
  });
});

describe('form numbers', () => {
  it('normalises spacing and editions', () => {
    const found = findFormNumbers('per CG 20 10 04 13, CG2037 1219 and CG 20 01 (12/19); WC 00 03 13 and CA 20 48.');
    expect(found).toEqual([
      { form: 'CG 20 10', edition: '04 13' },
      { form: 'CG 20 37', edition: '12 19' },
      { form: 'CG 20 01', edition: '12 19' },
      { form: 'WC 00 03 13', edition: null },
      { form: 'CA 20 48', edition: null },
    ]);
  });

  it('reads a prefix whose second letter OCR gave in lower case', () => {
    expect(findFormNumbers('per Ca2048 1013 and Cg 20 10')).toEqual([
      { form: 'CA 20 48', edition: '10 13' },
      { form: 'CG 20 10', edition: null },
    ]);
    // A lower-case first letter is a word, not a form prefix.
    expect(findFormNumbers('ca 20 48')).toEqual([]);
  });

  it('deduplicates by form, keeping a printed edition', () => {
    const merged = mergeFormNumbers([[{ form: 'CG 20 10', edition: null }], [{ form: 'CG 20 10', edition: '04 13' }]]);
    expect(merged).toEqual([{ form: 'CG 20 10', edition: '04 13' }]);
  });
});

describe('parseAddress', () => {
  it('splits street lines from the city line', () => {
    expect(parseAddress(['12 Main St', 'Suite 200', 'Nashville, TN 37201'])).toEqual({
      line1: '12 Main St',
      line2: 'Suite 200',
      city: 'Nashville',
      state: 'TN',
      postalCode: '37201',
    });
  });

  it('reads a city line as OCR gives it: full stop for comma, digits for letters, a speck after', () => {
    expect(parseAddress(['507 Industrial Pkwy', 'Portland. OR 89486:'])).toMatchObject({ city: 'Portland', state: 'OR', postalCode: '89486' });
    expect(parseAddress(['1 Elm St', 'Boise, 1D 97905'])).toMatchObject({ city: 'Boise', state: 'ID', postalCode: '97905', line2: null });
    expect(parseAddress(['1 Elm St', 'Columbus, OH 21645 J. NUMBER'])).toMatchObject({ city: 'Columbus', state: 'OH' });
    // A capital OCR confused with its lookalike, when exactly one state comes of swapping it.
    expect(parseAddress(['1 Elm St', 'Tampa FI 33601'])).toMatchObject({ city: 'Tampa', state: 'FL', postalCode: '33601', line2: null });
    expect(parseAddress(['1 Elm St', 'Tampa QQ 33601'])).toMatchObject({ city: null, state: null, line2: 'Tampa QQ 33601' });
    expect(parseAddress(['1 Elm St', 'Raleigh NC 27601', '1'])).toMatchObject({ city: 'Raleigh', state: 'NC', postalCode: '27601', line2: null });
    // A lone word of print from beside the block (a misread certificate number) after the city line.
    expect(parseAddress(['4768 Elm St', 'Columbus, OH 38199', '388aL'])).toMatchObject({ city: 'Columbus', state: 'OH', postalCode: '38199', line2: null });
    // Words after the city line are not dropped: the city line is then no city line.
    expect(parseAddress(['4768 Elm St', 'Denver, CO 36479', 'Suite 4'])).toMatchObject({ city: null, line2: 'Denver, CO 36479 Suite 4' });
    expect(unreadCityLine('Tampa QQ 33601')).toBe(true);
    expect(unreadCityLine('Tampa, FL 33601')).toBe(false);
    expect(unreadCityLine('Suite 200')).toBe(false);
    expect(parseAddress(['1 Elm St', 'Unit 4', 'Austin, TX 73497', 'CERTIFICATE'])).toEqual({
      line1: '1 Elm St',
      line2: 'Unit 4',
      city: 'Austin',
      state: 'TX',
      postalCode: '73497',
    });
  });

  it('keeps city and ZIP when OCR lost a letter of the state, leaving the state unread', () => {
    expect(parseAddress(['1 Elm St', 'Unit 4', 'Boise, I 68989'])).toEqual({
      line1: '1 Elm St',
      line2: 'Unit 4',
      city: 'Boise',
      state: null,
      postalCode: '68989',
    });
  });

  it('does not take two letters that are no state for one', () => {
    expect(parseAddress(['1 Elm St', 'Springfield, QX 12345'])).toMatchObject({ city: null, state: null, line2: 'Springfield, QX 12345' });
  });
});

describe('OCR repairs of header values', () => {
  it('reads an e-mail address as OCR gives it', () => {
    expect(emailAddress('|ee@cobaltins.com', true)).toBe('lee@cobaltins.com');
    expect(emailAddress('[ee@summitins.com', true)).toBe('lee@summitins.com');
    expect(emailAddress('priya graniteins.com', true)).toBe('priya@graniteins.com');
    expect(emailAddress('marco@ summitins.com', true)).toBe('marco@summitins.com');
    expect(emailAddress('dana®@lakesideins.com (555) 123-4567', true)).toBe('dana@lakesideins.com');
    expect(emailAddress('not an address', false)).toBeNull();
  });

  it("drops the row's letter OCR read again before an insurer's name, and only that", () => {
    expect(withoutLetter('OD Northern Plains Indemnity Company', 'D')).toBe('Northern Plains Indemnity Company');
    expect(withoutLetter('BAtlas Casualty Insurance Co', 'B')).toBe('Atlas Casualty Insurance Co');
    expect(withoutLetter('AIG Specialty Insurance Company', 'A')).toBe('AIG Specialty Insurance Company');
    expect(withoutLetter('Keel Assurance Company', 'B')).toBe('Keel Assurance Company');
  });

  it('reads NAIC numbers and alien insurer codes', () => {
    expect(naicCode('20478', false)).toBe('20478');
    expect(naicCode('AA-1122000', false)).toBe('AA-1122000');
    expect(naicCode('A4-1122000', true)).toBe('AA-1122000');
    expect(naicCode('A4-1122000', false)).toBeNull();
    expect(naicCode('2047', false)).toBeNull();
    // An italic 7 read as 7 and a slash, on a scan only; a slash away from a 7 is no 7's.
    expect(naicCode('7/8751', true)).toBe('78751');
    expect(naicCode('7/8751', false)).toBeNull();
    expect(naicCode('95/772', true)).toBe('95772');
    expect(naicCode('48/351', true)).toBeNull();
    expect(naicCode('7/875', true)).toBeNull();
  });
});
