// A scan's small answers read again through the fitted form. The page-wide OCR pass drops a
// letter or mark standing alone in a cell (an insurer letter, a Y in ADDL INSD, the N of the
// excluded-officers box) as noise. Each such column of the fitted form is read again, enlarged,
// from the page as scanned with only its letter-sized ink (`boxed.ts`), with only the glyphs that
// column can hold; an answer the first pass read there stays as it was.
// Lines that cannot be what they read as are read again too (`reread-lines.ts`).
import type { PageView, RereadSource } from '../page';
import type { Box, Word } from '../words';
import { pageBox, placePage } from './placed';
import { recognisedAt } from './read';
import { rereadBrokenLines } from './reread-lines';
import { columns, sections } from './regions';

interface Target {
  box: Box;
  chars: string;
  answer: RegExp;
  from?: RereadSource;
  /** An amount, kept whole and below CONFIDENT, and only where the first pass read nothing at all. */
  amount?: true;
}

/**
 * An answer read alone keeps the engine's confidence, however low: read with only a few glyphs
 * allowed, the engine gives a plain C or X next to nothing, so its confidence cannot decide
 * whether to take it, and a doubtful answer is for a person to confirm, never a sure one. What
 * it read must be the size of a letter (points high and wide): a speck read as a mark would turn
 * a flag on.
 */
const glyphSized = (w: Word) => w.y1 - w.y0 >= 3.5 && w.x1 - w.x0 >= 2;

function targets(): Target[] {
  const out: Target[] = [];
  for (const s of sections) {
    out.push({ box: [columns.letter[0], s.bottom, columns.letter[1] + 2, s.top], chars: 'ABCDEF', answer: /^[A-F]$/, from: 'boxed' });
    // The form prints "N / A" in the workers' compensation row's ADDL INSD cell.
    if (s.kind !== 'workers_compensation') out.push({ box: [columns.addl[0], s.bottom, columns.addl[1], s.top], chars: 'XYN', answer: /^[XYN]$/, from: 'boxed' });
    out.push({ box: [columns.subr[0], s.bottom, columns.subr[1], s.top], chars: 'XYN', answer: /^[XYN]$/, from: 'boxed' });
  }
  // A lone figure in the umbrella's DED / RETENTION amount cell (a retention of "0").
  for (const s of sections) if (s.checks.amount) out.push({ box: s.checks.amount, chars: '$0123456789,', answer: /^\$?\d[\d,]*$/, from: 'boxed', amount: true });
  // The excluded-officers box, below its printed "Y / N" (a bold N comes out "NN").
  out.push({ box: [151, 279, 175, 294], chars: 'YN', answer: /^(?:Y+|N+)$/, from: 'boxed' });
  return out;
}

/** The most an amount the first pass missed, read alone, is trusted: a person confirms it. */
const alone = 0.7;

const centreIn = (w: Word, b: Box) => (w.x0 + w.x1) / 2 >= b[0] && (w.x0 + w.x1) / 2 <= b[2] && (w.y0 + w.y1) / 2 >= b[1] && (w.y0 + w.y1) / 2 <= b[3];

const overlaps = (a: Word, b: Word) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

/** The page with the lone answers the first pass missed added to its words. */
export async function rereadAnswers(view: PageView): Promise<PageView> {
  if (!view.ocr || !view.reread) return view;
  const page = placePage(view);
  if (!page || page.fit.coverage < recognisedAt) return view;
  const list = targets();
  const readings = await Promise.all(list.map((t) => view.reread!(pageBox(page, t.box), t.chars, t.from)));
  const added: Word[] = [];
  list.forEach((t, i) => {
    if (t.amount) {
      // Only in a cell the first pass read nothing in, and only one amount.
      const area = pageBox(page, t.box);
      const found = readings[i]!.filter((w) => glyphSized(w) && t.answer.test(w.text));
      if (found.length === 1 && !view.words.some((o) => centreIn(o, area))) added.push({ ...found[0]!, conf: Math.min(found[0]!.conf, alone), answer: true });
      return;
    }
    for (const w of readings[i]!) {
      if (!glyphSized(w) || !t.answer.test(w.text)) continue;
      // An answer the first pass read there stands; a speck or stroke it read there is no answer.
      if (view.words.some((o) => overlaps(o, w) && t.answer.test(o.text.replace(/[^A-Za-z]/g, '')))) continue;
      added.push({ ...w, text: w.text[0]!, answer: true });
    }
  });
  const fixed = await rereadBrokenLines(view, page);
  if (!added.length && !fixed.add.length && !fixed.drop.size) return view;
  return { ...view, words: [...view.words.filter((w) => !fixed.drop.has(w)), ...added, ...fixed.add] };
}
