import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { officialForm, type Box } from './form';
import type { Look, MarkStyle } from './look';
import { sansOutlines } from './outlines';
import { readPage, type Item } from './readback.test-helper';
import { compose, type Variant } from './variants';

async function composed(variant: Variant, seed: number, options = {}) {
  const c = await compose(variant, seed, options);
  return { ...c, page: await readPage(await c.doc.save()) };
}

/** Where a point of the form lands on the page after the look's print-to-fit. */
const onPage = (look: Look, x: number, y: number) => ({ x: look.page.scale * x + look.page.dx, y: look.page.scale * y + look.page.dy });

function labelMisses(items: Item[], look: Look): string[] {
  const form = officialForm(look.edition);
  // A system that glues "$" to its amounts leaves out the form's own "$" beside them.
  const skipped = (text: string, x: number) => look.amounts.glued && text === '$' && Math.abs(x - 518.4) < 0.5;
  return form.labels
    .filter((label) => !skipped(label.text, label.box[0]))
    .filter((label) => {
      const at = onPage(look, label.box[0], label.box[1] + 0.2 * label.size);
      return !items.some((i) => i.str === label.text && Math.abs(i.x - at.x) < 0.05 && Math.abs(i.y - at.y) < 0.05);
    })
    .map((l) => l.text);
}

describe('the form drawn from its measured geometry', () => {
  it('puts every label of the fillable form on its measured box', async () => {
    const { page, look } = await composed('acroform', 1);
    expect(look.page).toEqual({ scale: 1, dx: 0, dy: 0 });
    expect(labelMisses(page.items, look)).toEqual([]);
  });

  it('keeps labels on their boxes through print-to-fit and in every edition', async () => {
    const seen = new Set<string>();
    for (const [variant, seed] of [['text', 1], ['text', 2], ['text', 3], ['text-2014', 1], ['text-2010', 1], ['scanned', 1]] as [Variant, number][]) {
      const { page, look } = await composed(variant, seed);
      expect(labelMisses(page.items, look), `${variant} ${seed}`).toEqual([]);
      seen.add(look.page.scale === 1 ? 'full size' : 'scaled');
    }
    expect(seen).toEqual(new Set(['full size', 'scaled']));
  });

  it('fills the prose boxes with our own sentences, keeping the words readers trip on', async () => {
    const words = (await composed('text', 1)).page.items.map((i) => i.str).join(' ');
    for (const w of ['PRODUCER', 'CERTIFICATE HOLDER', 'ADDITIONAL INSURED', 'SUBROGATION', 'INSURED SHOWN ABOVE']) expect(words).toContain(w);
    expect(words).not.toMatch(/AFFIRMATIVELY|NOTWITHSTANDING|CONFERS NO RIGHTS/);
  });
});

describe('text drawn glyph by glyph', () => {
  it('gives one text item per glyph for the values or labels it spaces', async () => {
    const kinds = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const { page, look, truth } = await composed('letter-spaced', seed);
      const strings = page.items.map((i) => i.str);
      const number = truth.policies[0]!.policyNumber!;
      if (look.spaced.values) {
        expect(strings.some((s) => s.includes(number))).toBe(false);
        for (const ch of number) expect(strings).toContain(ch);
        kinds.add('values');
      }
      if (look.spaced.labels) {
        expect(strings).not.toContain('COVERAGES');
        kinds.add('labels');
      }
      expect(strings.filter((s) => s.length === 1).length / strings.length).toBeGreaterThan(0.3);
    }
    expect(kinds).toEqual(new Set(['values', 'labels']));
  });

  it('leaves whole values whole in ordinary printing', async () => {
    const { page, truth } = await composed('text', 1);
    expect(page.items.map((i) => i.str)).toContain(truth.policies[0]!.policyNumber);
  });
});

describe('text as outlines', () => {
  it('has no text layer, only paths', async () => {
    for (const seed of [1, 2]) {
      const { page } = await composed('vector-text', seed);
      expect(page.items.filter((i) => i.str.trim())).toEqual([]);
      expect(page.paths.length).toBeGreaterThan(2000);
    }
  });

  it('sets glyphs with Helvetica widths, as Liberation Sans is metric-compatible', async () => {
    const helvetica = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    for (const text of ['COMMERCIAL GENERAL LIABILITY', 'Harbor Point Insurance Agency', '1,000,000 $ 12/31/2025']) {
      const ratio = sansOutlines(false).widthOf(text, 10) / helvetica.widthOfTextAtSize(text, 10);
      expect(Math.abs(ratio - 1)).toBeLessThan(0.01);
    }
  });
});

describe('checkbox marks', () => {
  /** What sits in the GL "COMMERCIAL GENERAL LIABILITY" box, which is checked on every printed certificate. */
  function inBox(page: Awaited<ReturnType<typeof composed>>['page'], look: Look): { text: string[]; strokes: number } {
    const box = officialForm(look.edition).fields.GeneralLiability_CoverageIndicator_A!.box;
    const lo = onPage(look, box[0], box[1]);
    const hi = onPage(look, box[2], box[3]);
    const text = page.items.filter((i) => i.x >= lo.x - 1 && i.x <= hi.x && i.y >= lo.y - 1 && i.y <= hi.y).map((i) => i.str);
    const inside = (b: Box) => b[0] > box[0] && b[2] < box[2] && b[1] > box[1] && b[3] < box[3];
    return { text, strokes: page.paths.filter(inside).length };
  }

  it('come as an X glyph, a ZapfDingbats glyph, or strokes with no text', async () => {
    const found = new Map<string, MarkStyle>();
    for (let seed = 1; seed <= 20 && found.size < 3; seed++) {
      const { page, look } = await composed('text', seed);
      const family = look.mark.split('-')[0]!;
      if (found.has(family)) continue;
      const mark = inBox(page, look);
      if (family === 'x') expect(mark).toEqual({ text: ['X'], strokes: 0 });
      if (family === 'dingbat') expect(mark.text).toEqual([expect.not.stringMatching(/^X$/)]);
      if (family === 'vector') expect(mark).toEqual({ text: [], strokes: expect.toSatisfy((n: number) => n >= 2) });
      found.set(family, look.mark);
    }
    expect([...found.keys()].sort()).toEqual(['dingbat', 'vector', 'x']);
  });

  it('use other marks, fonts and offsets when held out', async () => {
    const { look } = await composed('text', 1, { heldOut: true });
    expect(['filled', 'vector-slash']).toContain(look.mark);
    expect(look.labels.family).toBe('Times');
    expect(look.values.oblique).toBe(true);
    expect(look.page.scale).toBeLessThan(0.97);
  });
});
