import { describe, expect, it } from 'vitest';
import type { Extraction } from '../contracts/extraction';
import { confirmByRereading, rereadNote, unconfirmed } from './confirm';
import type { PageView } from './page';
import type { Box, Word } from './words';

const word = (text: string, x0: number, y0: number, conf = 0.95): Word => ({ text, x0, x1: x0 + 6 * text.length, y0, y1: y0 + 8, page: 1, conf });

/** An OCR page whose second reading of an area gives the words `second` holds there. */
function scan(first: Word[], second: Word[], asked: { area: Box; from?: string }[] = []): PageView {
  const inArea = (w: Word, b: Box) => (w.x0 + w.x1) / 2 >= b[0] && (w.x0 + w.x1) / 2 <= b[2] && (w.y0 + w.y1) / 2 >= b[1] && (w.y0 + w.y1) / 2 <= b[3];
  return {
    page: 1,
    width: 612,
    height: 792,
    words: first,
    probe: () => 0,
    ocr: true,
    reread: async (area, _chars, from) => {
      asked.push({ area, from });
      return second.filter((w) => inArea(w, area));
    },
  };
}

const boxOf = (ws: Word[]): Box => [Math.min(...ws.map((w) => w.x0)), Math.min(...ws.map((w) => w.y0)), Math.max(...ws.map((w) => w.x1)), Math.max(...ws.map((w) => w.y1))];

describe('values of a scan read a second time', () => {
  const name = [word('Prairie', 350, 600), word('Workers', 396, 600), word('Comp', 442, 600), word('Fund', 470, 600)];
  const misread = [word('Prairic', 350, 600), word('Workers', 396, 600), word('Comp', 442, 600), word('Fund', 470, 600)];
  const amount = [word('1,600,000', 530, 300)];
  const fields = (): Pick<Extraction, 'fields'> => ({
    fields: {
      '/insurers/0/name': { page: 1, box: boxOf(name), confidence: 0.9 },
      '/policies/0/limits/eachOccurrence': { page: 1, box: boxOf(amount), confidence: 0.93 },
      '/policies/0/additionalInsured': { page: 1, box: [177, 290, 194, 310], confidence: 0.9 },
    },
  });

  it('keeps a value whose second reading gives the same glyphs, an address split into words otherwise', async () => {
    const result = fields();
    const street = [word('1200', 40, 620), word('Market', 70, 620), word('St', 110, 620)];
    result.fields!['/insured/address'] = { page: 1, box: boxOf(street), confidence: 0.9 };
    const asked: { area: Box; from?: string }[] = [];
    const lowered = await confirmByRereading(result, [scan([...name, ...amount, ...street], [...name, ...amount, word('1200Market', 40, 620), word('St', 110, 620)], asked)]);
    expect(lowered).toEqual([]);
    expect(result.fields?.['/insurers/0/name']?.confidence).toBe(0.9);
    expect(result.fields?.['/insured/address']?.confidence).toBe(0.9);
    // Read from the page as scanned, never for a mark.
    expect(asked.every((a) => a.from === 'scanned')).toBe(true);
    expect(asked).toHaveLength(3);
  });

  it('doubts a name the second reading splits into other words ("Key Stone" for Keystone)', async () => {
    const result = fields();
    const lowered = await confirmByRereading(result, [scan([...name, ...amount], [word('PrairieWorkers', 350, 600), word('Comp', 442, 600), word('Fund', 470, 600), ...amount])]);
    expect(lowered).toEqual(['/insurers/0/name']);
    expect(result.fields?.['/insurers/0/name']?.confidence).toBe(unconfirmed);
  });

  it('leaves a name or an amount that reads otherwise the second time for a person', async () => {
    const result = fields();
    const lowered = await confirmByRereading(result, [scan([...misread, ...amount], [...name, word('1,000,000', 530, 300)])]);
    expect(lowered.sort()).toEqual(['/insurers/0/name', '/policies/0/limits/eachOccurrence']);
    expect(result.fields?.['/insurers/0/name']?.confidence).toBe(unconfirmed);
    expect(result.fields?.['/policies/0/limits/eachOccurrence']?.confidence).toBe(unconfirmed);
    expect(result.fields?.['/policies/0/additionalInsured']?.confidence).toBe(0.9);
    expect(rereadNote(lowered)[0]).toMatch(/^2 values of this scan read differently/);
  });

  it('doubts a value both readings agree on when it holds a glyph no name prints', async () => {
    const result = fields();
    const cents = [word('Prairi¢', 350, 600), ...name.slice(1)];
    const lowered = await confirmByRereading(result, [scan([...cents, ...amount], [...cents, ...amount])]);
    expect(lowered).toEqual(['/insurers/0/name']);
  });

  it('takes no quote or bracket from a speck, nor a closing stop, for a glyph of the value; a stop inside it counts', async () => {
    const speckled = [word('‘Prairie', 350, 600), word('Workers', 396, 600), word('Comp', 442, 600), word('Fund.', 470, 600), word('1,000,000]', 530, 300)];
    expect(await confirmByRereading(fields(), [scan([...name, ...amount.map((w) => ({ ...w, text: '1,000,000' }))], speckled)])).toEqual([]);
    const stopped = [word('Prairie.', 350, 600), ...name.slice(1)];
    expect(await confirmByRereading(fields(), [scan([...stopped, ...amount], [...name, ...amount])])).toEqual(['/insurers/0/name']);
  });

  it('reads the cleaned page when the page as scanned gives nothing there, and doubts a value neither confirms', async () => {
    const asked: { area: Box; from?: string }[] = [];
    const view = scan([...name, ...amount], [], asked);
    const reread = view.reread!;
    view.reread = async (area, chars, from) => (from === 'cleaned' && area[1] < 400 ? [...amount] : reread(area, chars, from));
    const lowered = await confirmByRereading(fields(), [view]);
    expect(lowered).toEqual(['/insurers/0/name']);
    expect(asked.map((a) => a.from).sort()).toEqual(['cleaned', 'scanned', 'scanned']);
  });

  it('ignores a neighbouring line the wider crop takes in', async () => {
    const result = fields();
    const below = word('Granite', 350, 594.5);
    const lowered = await confirmByRereading(result, [scan([...name, ...amount], [...name, below, ...amount])]);
    expect(lowered).toEqual([]);
  });

  it('reads nothing again on a text-layer page', async () => {
    const asked: { area: Box; from?: string }[] = [];
    const text = { ...scan([...misread], [...name], asked), ocr: false };
    await confirmByRereading(fields(), [text]);
    expect(asked).toEqual([]);
  });
});

describe('values of a scan whose readings disagree', () => {
  const words = (text: string, x: number, y: number) => text.split(' ').map((t, i, all) => word(t, x + 6 * all.slice(0, i).join(' ').length + (i ? 6 : 0), y, 0.7));
  /** A page read three ways: the page-wide pass, the area alone as scanned, and alone from the cleaned page. */
  function pages(first: Word[], scanned: Word[], cleaned: Word[], asked: string[] = []): PageView {
    return { ...scan(first, []), reread: async (_area, _chars, from) => (asked.push(from ?? ''), from === 'cleaned' ? cleaned : scanned) };
  }
  const result = (pointer: string, first: Word[], value: unknown, confidence = 0.7) => {
    const r = { fields: { [pointer]: { page: 1, box: boxOf(first), confidence } }, producer: { contactName: value }, policies: [{ policyNumber: value, effectiveDate: value }] };
    return r as unknown as Pick<Extraction, 'fields'> & Partial<Extraction>;
  };

  it('takes the value two later readings agree on against the first, below CONFIDENT', async () => {
    const first = words('Priva Natarajan', 345, 662);
    const r = result('/producer/contactName', first, 'Priva Natarajan');
    const asked: string[] = [];
    const lowered = await confirmByRereading(r, [pages(first, words('Priya Natarajan', 345, 662), words('Priya Natarajan', 345, 662), asked)]);
    expect(r.producer?.contactName).toBe('Priya Natarajan');
    expect(r.fields?.['/producer/contactName']?.confidence).toBeLessThanOrEqual(unconfirmed);
    expect(lowered).toEqual(['/producer/contactName']);
    expect(asked).toEqual(['scanned', 'cleaned']);
  });

  it('takes no vote when the page as scanned gave nothing, so the second reading was the cleaned page\'s', async () => {
    const first = words('Priva Natarajan', 345, 662);
    const r = result('/producer/contactName', first, 'Priva Natarajan');
    const asked: string[] = [];
    await confirmByRereading(r, [pages(first, [], words('Priya Natarajan', 345, 662), asked)]);
    expect(r.producer?.contactName).toBe('Priva Natarajan');
    expect(asked).toEqual(['scanned', 'cleaned']);
    // That one reading still fills a date the first reading could not make out.
    const blank = words('Vb/13/2023', 333, 482);
    const d = result('/policies/0/effectiveDate', blank, null);
    await confirmByRereading(d, [pages(blank, [], words('06/13/2023', 333, 482))]);
    expect(d.policies?.[0]?.effectiveDate).toBe('2023-06-13');
    expect(d.fields?.['/policies/0/effectiveDate']?.confidence).toBeLessThan(0.8);
  });

  it('keeps the first reading when the third sides with it, or with neither', async () => {
    const first = words('NOD9883227', 217, 482);
    for (const third of ['NOD9883227', 'N0DY88322']) {
      const r = result('/policies/0/policyNumber', first, 'NOD9883227', 0.9);
      await confirmByRereading(r, [pages(first, words('NODY883227', 217, 482), words(third, 217, 482))]);
      expect(r.policies?.[0]?.policyNumber).toBe('NOD9883227');
      expect(r.fields?.['/policies/0/policyNumber']?.confidence).toBe(unconfirmed);
    }
  });

  it('takes no number with a glyph more or less than the first reading, nor one that differs only in O and 0', async () => {
    const first = words('T49TZ31771', 217, 482);
    const r = result('/policies/0/policyNumber', first, 'T49TZ31771');
    await confirmByRereading(r, [pages(first, words('T497T231771', 217, 482), words('T497T231771', 217, 482))]);
    expect(r.policies?.[0]?.policyNumber).toBe('T49TZ31771');
    const zeros = words('E00TW00237', 217, 482);
    const o = result('/policies/0/policyNumber', zeros, 'E00TW00237');
    await confirmByRereading(o, [pages(zeros, words('EOOTW00237', 217, 482), words('EOOTW00237', 217, 482))]);
    expect(o.policies?.[0]?.policyNumber).toBe('E00TW00237');
  });

  it('takes a telephone number only as ten figures', async () => {
    const first = words('(267) 1446-5122', 360, 650);
    const r = { fields: { '/producer/phone': { page: 1, box: boxOf(first), confidence: 0.7 } }, producer: { phone: '26714465122' } } as unknown as Pick<Extraction, 'fields'> & Partial<Extraction>;
    await confirmByRereading(r, [pages(first, words('(267) 446-5122', 360, 650), words('(267) 446-5122', 360, 650))]);
    expect(r.producer?.phone).toBe('2674465122');
    const back = { fields: { '/producer/phone': { page: 1, box: boxOf(first), confidence: 0.7 } }, producer: { phone: '2674465122' } } as unknown as Pick<Extraction, 'fields'> & Partial<Extraction>;
    await confirmByRereading(back, [pages(words('(267) 446-5122', 360, 650), first, first)]);
    expect(back.producer?.phone).toBe('2674465122');
  });

  it('takes a date only as a date', async () => {
    const first = words('06/13/2023', 333, 482);
    const r = result('/policies/0/effectiveDate', first, '2023-06-13');
    await confirmByRereading(r, [pages(first, words('06/18/2023', 333, 482), words('06/18/2023', 333, 482))]);
    expect(r.policies?.[0]?.effectiveDate).toBe('2023-06-18');
    const bad = result('/policies/0/effectiveDate', first, '2023-06-13');
    await confirmByRereading(bad, [pages(first, words('06/48/2023', 333, 482), words('06/48/2023', 333, 482))]);
    expect(bad.policies?.[0]?.effectiveDate).toBe('2023-06-13');
  });
});
