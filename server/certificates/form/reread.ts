// A scan's small answers read again through the fitted form. The page-wide OCR pass drops a
// letter or mark standing alone in a cell (an insurer letter, a Y in ADDL INSD, the N of the
// excluded-officers box) as noise. Each such column of the fitted form is read again, enlarged,
// with only the glyphs that column can hold; an answer the first pass read there stays as it was.
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
  least: number;
  from?: RereadSource;
}

/**
 * Below these engine confidences a glyph read alone is not taken. Above, the glyph keeps the
 * engine's confidence, so a doubtful one is a value for a person to confirm, never a sure one.
 * A speck read as a mark would turn a flag on, so marks need more.
 */
const letter = 0.3;
const mark = 0.6;

function targets(): Target[] {
  const out: Target[] = [];
  for (const s of sections) {
    out.push({ box: [columns.letter[0], s.bottom, columns.letter[1] + 2, s.top], chars: 'ABCDEF', answer: /^[A-F]$/, least: letter });
    // The form prints "N / A" in the workers' compensation row's ADDL INSD cell.
    if (s.kind !== 'workers_compensation') out.push({ box: [columns.addl[0], s.bottom, columns.addl[1], s.top], chars: 'XYN', answer: /^[XYN]$/, least: mark });
    out.push({ box: [columns.subr[0], s.bottom, columns.subr[1], s.top], chars: 'XYN', answer: /^[XYN]$/, least: mark });
  }
  // The excluded-officers box, below its printed "Y / N". The engine reads a letter in a box
  // with little confidence (a bold N comes out "NN" at 0): it is taken at that confidence, a
  // value for a person to confirm.
  out.push({ box: [151, 279, 175, 294], chars: 'YN', answer: /^(?:Y+|N+)$/, least: 0, from: 'boxed' });
  return out;
}

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
    for (const w of readings[i]!) {
      if (w.conf < t.least || !t.answer.test(w.text)) continue;
      // An answer the first pass read there stands; a speck or stroke it read there is no answer.
      if (view.words.some((o) => overlaps(o, w) && t.answer.test(o.text.replace(/[^A-Za-z]/g, '')))) continue;
      added.push({ ...w, text: w.text[0]!, answer: true });
    }
  });
  const fixed = await rereadBrokenLines(view, page);
  if (!added.length && !fixed.add.length) return view;
  return { ...view, words: [...view.words.filter((w) => !fixed.drop.has(w)), ...added, ...fixed.add] };
}
