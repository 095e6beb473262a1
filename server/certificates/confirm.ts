// A scan's values read a second time before they are trusted. The page-wide OCR pass gives each
// word a confidence, but the engine is often sure of a wrong glyph (Bivd for Blvd, 1,600,000 for
// 1,000,000). Names, numbers, dates and amounts carry no check of their own, so each one the
// reader would be sure of, and each doubtful one a vote could change (vote.ts), is read again
// alone, enlarged, from the page as scanned rather than the cleaned copy the first pass read
// (cleaning can take a letter with a speck). A sure value whose second reading gives other
// glyphs, or a glyph no such value prints, drops below CONFIDENT, for a person to confirm; a
// value whose readings disagree is read a third time, and the readings vote.
import { CONFIDENT, type Extraction } from '../contracts/extraction';
import { grow } from './form/cells';
import type { PageView } from './page';
import type { Box, Word } from './words';
import { named, outvoted, setAt, unmade, valueAt, votable } from './vote';

/**
 * Values read from print that the reader cannot check by themselves: names, addresses, numbers,
 * dates and amounts (a date or an amount misread by one glyph is still a date or an amount).
 * Marks, letters and the kind of a row are read otherwise.
 */
const printed = [
  /^\/(?:producer|insured|certificateHolder)\/(?:name|address|contactName|email)$/,
  /^\/producer\/(?:phone|fax)$/,
  /^\/insurers\/\d+\/(?:name|naic)$/,
  /^\/(?:certificateNumber|revisionNumber|certificateDate)$/,
  /^\/policies\/\d+\/(?:policyNumber|effectiveDate|expirationDate|description|retentionOrDeductible|limits\/.+)$/,
];

/** Glyphs no name, address, number, date or amount on a certificate prints ("Prairi¢"). */
const alien = /[^A-Za-z0-9\s&'.,\-/()#@:$%+*]/;

/** The most a value whose two readings disagree can be trusted. */
export const unconfirmed = 0.75;

const inside = (w: Word, b: Box) => {
  const [x, y] = [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2];
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
};

/**
 * The text of some words without what the engine sees in a speck or a rule beside the value:
 * quotes, brackets and bars, and a stop or comma at its end; a stop inside it ("Steel. Erectors")
 * stays.
 */
const plainText = (words: Word[]) =>
  words
    .map((w) => w.text)
    .join(' ')
    .replace(/[‘’“”'"`[\]{}|:;]/g, '')
    .replace(/[.,]+\s*$/, '');

/** The glyphs of some words, counted: the same text split or ordered otherwise counts the same. */
const glyphs = (words: Word[]) => [...plainText(words).replace(/\s+/g, '')].sort().join('');


/** How many words a reading holds. */
const wordCount = (words: Word[]) => plainText(words).split(/\s+/).filter(Boolean).length;

/**
 * A value's area read again: from the page as scanned, and when the engine finds nothing there
 * (the grid's rules beside a value can hide it), from the cleaned page, enlarged as it was not
 * the first time. Words of a neighbouring line the wider crop caught are not part of the value.
 */
async function secondReading(view: PageView, box: Box): Promise<{ words: Word[]; scanned: boolean }> {
  const own = (ws: Word[]) => ws.filter((w) => inside(w, grow(box, 1, 1)));
  const scanned = own(await view.reread!(grow(box, 2, 2), '', 'scanned'));
  return scanned.length ? { words: scanned, scanned: true } : { words: own(await view.reread!(grow(box, 2, 2), '', 'cleaned')), scanned: false };
}

/** Whether two readings of a value give the same glyphs, and a name the same words. */
function agree(pointer: string, first: Word[], second: Word[]): boolean {
  // Two readings that agree on a glyph no such value holds agree on a misreading. A name is
  // also read as the same words: "Key Stone" for Keystone is another name, spelt alike.
  const sameWords = !named.test(pointer) || wordCount(first) === wordCount(second);
  return glyphs(first) === glyphs(second) && sameWords && !first.some((w) => alien.test(w.text));
}

/**
 * Reads every printed value of an OCR page a second time. A value the reader was sure of whose
 * second reading gives other glyphs is lowered, in place, below CONFIDENT. A value whose two
 * readings disagree is read a third time, from the cleaned page: when the second and third
 * readings agree against the first, their value is taken, below CONFIDENT. Returns the pointers
 * lowered (for the note) and those whose value was taken from the later readings.
 */
export async function confirmByRereading(result: Pick<Extraction, 'fields'> & Partial<Extraction>, views: PageView[]): Promise<string[]> {
  const fields = result.fields ?? {};
  const checks = Object.entries(fields).flatMap(([pointer, f]) => {
    const view = views.find((v) => v.page === f.page);
    if (!printed.some((p) => p.test(pointer)) || !view?.ocr || !view.reread || !f.box) return [];
    const sure = (f.confidence ?? 1) >= CONFIDENT;
    const current = valueAt(result, pointer);
    // A doubtful value is read again only where a vote could change it.
    if (!sure && !votable(pointer, current)) return [];
    const first = view.words.filter((w) => inside(w, grow(f.box!, 0.5, 0.5)));
    return first.length ? [{ pointer, view, box: f.box, first, sure, current }] : [];
  });
  const seconds = await Promise.all(checks.map((c) => secondReading(c.view, c.box)));
  const disputed = checks.flatMap((c, i) => (agree(c.pointer, c.first, seconds[i]!.words) ? [] : [{ ...c, second: seconds[i]!.words, scanned: seconds[i]!.scanned }]));
  // A value no vote can change is not read a third time. Where the second reading was already
  // the cleaned page's, the third would only repeat it: that one reading fills only a value the
  // first reading could not make.
  const voted = disputed.filter((c) => c.second.length && votable(c.pointer, c.current) && (c.scanned || unmade(c.pointer, c.current)));
  const thirds = await Promise.all(voted.map((c) => c.view.reread!(grow(c.box, 2, 2), '', 'cleaned')));
  const lowered = new Set<string>();
  for (const c of disputed) {
    if (!c.sure) continue;
    fields[c.pointer]!.confidence = Math.min(fields[c.pointer]!.confidence ?? 1, unconfirmed);
    lowered.add(c.pointer);
  }
  voted.forEach((c, i) => {
    const third = thirds[i]!.filter((w) => inside(w, grow(c.box, 1, 1)));
    const texts = { first: plainText(c.first), second: plainText(c.second), third: plainText(third) };
    const value = outvoted(c.pointer, c.current, texts, result);
    if (value === null || !setAt(result, c.pointer, value)) return;
    fields[c.pointer]!.confidence = Math.min(fields[c.pointer]!.confidence ?? 1, unconfirmed);
    lowered.add(c.pointer);
  });
  return [...lowered];
}

/** The plain note on values a second reading did not confirm (none when all agreed). */
export function rereadNote(pointers: string[]): string[] {
  if (!pointers.length) return [];
  const n = pointers.length;
  return [`${n === 1 ? 'One value' : `${n} values`} of this scan read differently a second time; ${n === 1 ? 'it is' : 'they are'} marked for a person to confirm.`];
}
