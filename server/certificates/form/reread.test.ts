import { describe, expect, it } from 'vitest';
import { readLayout } from '../layout';
import type { PageView } from '../page';
import type { Box, Word } from '../words';
import { rereadAnswers } from './reread';
import { Sheet, wordsAt } from './sheet.test-helper';

/** A scanned page whose first OCR pass missed the lone letters: GL row printed, its answers not. */
function scan(): PageView {
  const sheet = new Sheet()
    .print('Granite Mutual Insurance Company', 350, 614)
    .print('Birchwood Framing Inc', 74, 590)
    .print('X', 40, 482)
    .print('GL-5520091', 217, 482)
    .print('01/01/2026', 333, 482)
    .print('01/01/2027', 380, 482)
    .print('1,000,000', 530, 482);
  return { ...sheet.view(), ocr: true };
}

/** What reading an area again finds: the given words whose centre lies in it, of its glyphs. */
function rereader(missed: Word[], asked: { area: Box; chars: string; from?: string }[]): PageView['reread'] {
  return async (area, chars, from) => {
    asked.push({ area, chars, from });
    return missed.filter((w) => {
      const [x, y] = [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2];
      return x >= area[0] && x <= area[2] && y >= area[1] && y <= area[3] && [...w.text].every((c) => chars.includes(c));
    });
  };
}

const at = (text: string, x: number, y: number, conf: number) => wordsAt(text, x, y).map((w) => ({ ...w, conf }));

describe('re-reading lone answers through the fitted form', () => {
  it('adds the insurer letter and ADDL mark the first pass missed, each at the confidence it was read with', async () => {
    const asked: { area: Box; chars: string; from?: string }[] = [];
    const view = scan();
    view.reread = rereader([...at('A', 24, 482, 0.45), ...at('Y', 181, 482, 0.9)], asked);
    const before = readLayout([view]);
    expect(before.policies[0]).toMatchObject({ insurerLetter: null, additionalInsured: false });
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.policies[0]).toMatchObject({ insurerLetter: 'A', additionalInsured: true });
    // A letter the engine doubted is a value for a person to confirm, not a sure one.
    expect(after.fields?.['/policies/0/insurerLetter']?.confidence).toBeLessThan(0.8);
    // Lone letters are read from the page as scanned, alone on white: never from the cleaned page.
    expect(asked.filter((a) => a.chars === 'ABCDEF' || a.chars === 'XYN').every((a) => a.from === 'boxed')).toBe(true);
    expect(asked.some((a) => a.chars === 'ABCDEF')).toBe(true);
  });

  it('reads the excluded-officers answer in its box again, as a value below CONFIDENT', async () => {
    // The first pass read nothing in the box, and the label beside it with a glyph wrong; the
    // answer read again stands on that label's line, a value and not part of the label.
    const sheet = new Sheet({ without: (t) => t === 'OFFICER/MEMBER EXCLUDED?' })
      .print('OFFICER/MEMBER EXCLUDFD?', 37.8, 284.6, 5.8)
      .print('B', 24, 290)
      .print('WC 7731-22', 217, 290)
      .print('03/15/2026', 333, 290)
      .print('03/15/2027', 380, 290);
    const view: PageView = { ...sheet.view(), ocr: true };
    // The engine boxes a letter read alone in a box as wide as the box, level with the label.
    view.reread = rereader([{ text: 'N', x0: 151.2, x1: 168.2, y0: 280.1, y1: 292.8, page: 1, conf: 0.2 }], []);
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.policies[0]).toMatchObject({ line: 'workers_compensation', excludedOfficers: false });
    expect(after.fields?.['/policies/0/excludedOfficers']?.confidence).toBeLessThan(0.8);
  });

  it('reads a retention amount OCR broke in pieces again, beside the form\'s own labels', async () => {
    const sheet = new Sheet().print('A', 24, 326).print('UMB-4410', 217, 326).print('01/01/2026', 333, 326).print('01/01/2027', 380, 326).print('5,000,000', 530, 338).print('10,', 143, 315).print('0', 162, 315);
    // OCR boxed a label left of the cell so wide that it reaches into the amount's line.
    sheet.print('RETENTION-CLAIMS-MADE-X', 60, 315);
    const view: PageView = { ...sheet.view(), ocr: true };
    const before = readLayout([view]);
    expect(before.policies[0]).toMatchObject({ line: 'umbrella_liability', retentionOrDeductible: null });
    view.reread = rereader(at('10,000', 141, 315, 0.6), []);
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.policies[0]?.retentionOrDeductible).toMatchObject({ amount: 10_000 });
    expect(after.fields?.['/policies/0/retentionOrDeductible']?.confidence).toBeLessThan(0.8);
  });

  it('reads a lone retention amount the first pass dropped again, below CONFIDENT, and keeps one it read', async () => {
    const sheet = new Sheet().print('A', 24, 326).print('UMB-4410', 217, 326).print('01/01/2026', 333, 326).print('01/01/2027', 380, 326).print('5,000,000', 530, 338);
    const view: PageView = { ...sheet.view(), ocr: true };
    const asked: { area: Box; chars: string; from?: string }[] = [];
    view.reread = rereader(at('0', 150, 315, 0.95), asked);
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.policies[0]?.retentionOrDeductible).toMatchObject({ amount: 0 });
    expect(after.fields?.['/policies/0/retentionOrDeductible']?.confidence).toBeLessThan(0.8);
    expect(asked.find((a) => a.chars.includes('$'))?.from).toBe('boxed');
    // What the first pass read in the cell stands, and nothing read elsewhere in the cell joins it.
    const read: PageView = { ...new Sheet().print('A', 24, 326).print('UMB-4410', 217, 326).print('01/01/2026', 333, 326).print('01/01/2027', 380, 326).print('10,000', 140, 315).view(), ocr: true };
    read.reread = rereader(at('0', 170, 315, 0.95), []);
    expect(readLayout([await rereadAnswers(read)]).policies[0]?.retentionOrDeductible).toMatchObject({ amount: 10_000 });
  });

  it('keeps what the first pass read, and takes no speck as a mark', async () => {
    const view = scan();
    view.words = [...view.words, ...at('N', 181, 482, 0.95)];
    // A speck read as X (a point across), and a Y over the N the first pass already read.
    const speck = at('X', 199, 482, 0.9).map((w) => ({ ...w, x1: w.x0 + 1, y1: w.y0 + 1.5 }));
    view.reread = rereader([...speck, ...at('Y', 181, 482, 0.9)], []);
    const after = await rereadAnswers(view);
    expect(after.words.length).toBe(view.words.length);
  });

  it('takes a mark the engine doubted, at that confidence, for a person to confirm', async () => {
    const view = scan();
    view.reread = rereader(at('X', 199, 482, 0.05), []);
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.policies[0]?.subrogationWaived).toBe(true);
    expect(after.fields?.['/policies/0/subrogationWaived']?.confidence).toBeLessThan(0.1);
  });

  it('reads an amount that came out in pieces again as one, below CONFIDENT', async () => {
    const view = scan();
    // The first pass read one glyph twice across two words of the medical expense amount.
    view.words = [...view.words, ...at('$5,0', 560, 458, 0.9), { ...at('000', 578, 458, 0.7)[0]!, x0: 576 }];
    view.reread = rereader(at('$5,000', 562, 458, 0.88), []);
    expect(readLayout([view]).policies[0]?.limits.medicalExpense).toBeUndefined();
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.policies[0]?.limits).toMatchObject({ eachOccurrence: 1_000_000, medicalExpense: 5_000 });
    expect(after.fields?.['/policies/0/limits/medicalExpense']?.confidence).toBeLessThan(0.8);
  });

  it('reads a row whose dates OCR garbled again, so the row keeps its own dates, below CONFIDENT', async () => {
    const view = scan();
    // An OTHER row printed badly: its dates came out as letters and figures that are no date.
    view.words = [...view.words, ...at('Errors & Omissions', 48, 258, 0.8), ...at('4944658', 238, 258, 0.79), ...at('VB/1212024', 333, 258, 0.05), ...at('UB/1212025', 380, 258, 0.1)];
    view.words = [...view.words, ...at('Inland Marine', 48, 246, 0.9), ...at('1036538836', 223, 246, 0.9), ...at('04/22/2025', 333, 246, 0.9), ...at('04/22/2026', 380, 246, 0.9)];
    const before = readLayout([view]);
    // Unread, the row still opens a policy: its words are not lent to the row below.
    expect(before.policies.slice(1).map((p) => [p.description, p.policyNumber, p.effectiveDate])).toEqual([
      ['Errors & Omissions', '4944658', null],
      ['Inland Marine', '1036538836', '2025-04-22'],
    ]);
    expect(before.reading?.reasons.join(' ')).toMatch(/effective date in the other coverage section could not be read/);
    view.reread = rereader([...at('08/12/2024', 333, 258, 0.15), ...at('08/12/2025', 380, 258, 0.18)], []);
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.policies[1]).toMatchObject({ policyNumber: '4944658', effectiveDate: '2024-08-12', expirationDate: '2025-08-12' });
    expect(after.fields?.['/policies/1/effectiveDate']?.confidence).toBeLessThan(0.8);
  });

  it('reads the foot of a date OCR boxed apart again without reading the date twice', async () => {
    const view = scan();
    // The first pass boxed the date's top as the date and its foot as a figure of its own, below.
    view.words = [...view.words, ...at('2026', 352, 474, 0.3)];
    // Read again, the area around the foot takes in the whole date, a little lower than the first pass had it.
    view.reread = rereader([...at('01/01/2026', 333, 479, 0.9)], []);
    const after = await rereadAnswers(view);
    expect(after.words.map((w) => w.text).filter((t) => /^\d+\/\d+\/\d+$/.test(t))).toEqual(['01/01/2026', '01/01/2027']);
    expect(after.words.some((w) => w.text === '2026')).toBe(false);
    const read = readLayout([after]);
    expect(read.policies.map((p) => [p.policyNumber, p.effectiveDate])).toEqual([['GL-5520091', '2026-01-01']]);
  });

  it('reads an NAIC code and a policy number with a glyph they cannot hold again, with only the glyphs they can', async () => {
    const view = scan();
    // An italic 7 read as a slash, in insurer A's NAIC code and in the GL policy number.
    view.words = [...view.words.filter((w) => w.text !== 'GL-5520091'), ...at('14/8', 548, 614, 0.3), ...at('CLV/195949', 217, 482, 0.8)];
    const asked: { area: Box; chars: string }[] = [];
    view.reread = rereader([...at('41478', 548, 614, 0.58), ...at('CZV7195949', 217, 482, 0.6)], asked);
    const before = readLayout([view]);
    expect(before.insurers[0]?.naic).toBeNull();
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.insurers[0]?.naic).toBe('41478');
    expect(after.policies[0]?.policyNumber).toBe('CZV7195949');
    expect(after.fields?.['/insurers/0/naic']?.confidence).toBeLessThan(0.8);
    expect(after.fields?.['/policies/0/policyNumber']?.confidence).toBeLessThan(0.8);
    // A well-formed number is not read again.
    expect(asked.filter((a) => a.chars.includes('Z')).length).toBe(1);
  });

  it('reads a phone number a figure too long again, and keeps a good one as read', async () => {
    const view = scan();
    view.words = [...view.words, ...at('(207) 5555-0143', 360, 650, 0.9), ...at('(207) 555-0199', 510, 650, 0.9)];
    const asked: { area: Box; chars: string }[] = [];
    view.reread = rereader([...at('(207) 555-0143', 360, 650, 0.8)], asked);
    expect(readLayout([view]).producer.phone).toBe('20755550143');
    const after = readLayout([await rereadAnswers(view)]);
    expect(after.producer).toMatchObject({ phone: '2075550143', fax: '2075550199' });
    expect(after.fields?.['/producer/phone']?.confidence).toBeLessThan(0.8);
    expect(asked.filter((a) => a.chars.startsWith('0123456789(')).length).toBe(1);
  });

  it('leaves a text page and a page that is not the form alone', async () => {
    const asked: { area: Box; chars: string }[] = [];
    const text = { ...scan(), ocr: false, reread: rereader([], asked) };
    expect(await rereadAnswers(text)).toBe(text);
    const other: PageView = { page: 1, width: 612, height: 792, words: wordsAt('Dear customer, thank you', 50, 700), probe: () => 0, ocr: true, reread: rereader([], asked) };
    expect(await rereadAnswers(other)).toBe(other);
    expect(asked).toEqual([]);
  });
});
