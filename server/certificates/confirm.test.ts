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

  it('reads nothing again on a text-layer page or for a value already in doubt', async () => {
    const asked: { area: Box; from?: string }[] = [];
    const text = { ...scan([...misread], [...name], asked), ocr: false };
    await confirmByRereading(fields(), [text]);
    const doubtful = fields();
    doubtful.fields!['/insurers/0/name']!.confidence = 0.5;
    doubtful.fields!['/policies/0/limits/eachOccurrence']!.confidence = 0.5;
    await confirmByRereading(doubtful, [scan([...misread], [...name], asked)]);
    expect(asked).toEqual([]);
  });
});
