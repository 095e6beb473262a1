// Finding the form's printed labels on a page. A label is compared by its letters and digits
// alone, across as many neighbouring words of a line as it takes, so spacing, letter-spaced
// glyphs and punctuation do not matter ("INSURER A :" = "INSURER A:" = "I N S U R E R A").
import { ocrDistance } from '../vocabulary';
import { boxOf, groupLines, type Box, type Word } from '../words';
import { keyOf, type Label } from './geometry';

export interface Anchor {
  label: Label;
  words: Word[];
  box: Box;
  /** 1 for an exact match; less when OCR misread a letter or two. */
  quality: number;
}

/** Labels shorter than this say too little on their own ("$", "A", "LOC") to place a page. */
const shortest = 3;

/** One edition's labels, arranged for finding them: by their letters, and the long ones for OCR. */
export interface LabelIndex {
  byKey: Map<string, Label[]>;
  longest: number;
  fuzzy: Label[];
}

export function indexLabels(labels: Label[]): LabelIndex {
  const byKey = new Map<string, Label[]>();
  for (const label of labels) {
    if (label.key.length < shortest) continue;
    byKey.set(label.key, [...(byKey.get(label.key) ?? []), label]);
  }
  return { byKey, longest: Math.max(...labels.map((l) => l.key.length)), fuzzy: labels.filter((l) => l.key.length >= 5) };
}

/** Edits OCR may have made to a label of this many letters and it still counts. */
const allowance = (length: number) => (length >= 12 ? 2 : length >= 5 ? 1 : 0);

/** Page words with a "LABEL:value" glued pair split at the colon, the way agency systems print them. */
export function splitGlued(words: Word[]): Word[] {
  return words.flatMap((w) => {
    const m = /^(.*?[:])(?=[A-Za-z0-9(])(.+)$/.exec(w.text);
    if (!m || /^https?:/i.test(w.text)) return [w];
    const per = (w.x1 - w.x0) / Math.max(1, w.text.length);
    const cut = w.x0 + m[1]!.length * per;
    return [
      { ...w, text: m[1]!, x1: cut },
      { ...w, text: m[2]!, x0: cut },
    ];
  });
}

/**
 * Whether two words of a line stand close enough to be one label's. A label's words are printed
 * side by side; a lone letter a column away (the Y of ADDL INSD beside COMMERCIAL GENERAL
 * LIABILIT) is a value, however well it completes a misread label. Only on OCR pages: a text
 * layer's words are its own.
 */
function together(a: Word, b: Word): boolean {
  const height = Math.max(a.y1 - a.y0, b.y1 - b.y0);
  return b.x0 - a.x1 <= 4 * height;
}

function exactAt(index: LabelIndex, lineWords: Word[], keys: string[], start: number, out: Anchor[], ocr: boolean): void {
  let joined = '';
  for (let end = start; end < lineWords.length; end++) {
    if (ocr && end > start && !together(lineWords[end - 1]!, lineWords[end]!)) return;
    joined += keys[end];
    if (joined.length > index.longest) return;
    if (keys[end] === '' && end > start) continue;
    for (const label of index.byKey.get(joined) ?? []) {
      const words = lineWords.slice(start, end + 1);
      out.push({ label, words, box: boxOf(words), quality: 1 });
    }
  }
}

function fuzzyAt(index: LabelIndex, lineWords: Word[], keys: string[], start: number, out: Anchor[]): void {
  let joined = '';
  for (let end = start; end < lineWords.length; end++) {
    if (end > start && !together(lineWords[end - 1]!, lineWords[end]!)) return;
    joined += keys[end];
    if (joined.length > index.longest + 2) return;
    for (const label of index.fuzzy) {
      const allowed = allowance(label.key.length);
      if (Math.abs(label.key.length - joined.length) > allowed || label.key === joined) continue;
      if (label.key[0] !== joined[0] && label.key[1] !== joined[1]) continue;
      const d = ocrDistance(joined, label.key, allowed);
      if (d > allowed) continue;
      const words = lineWords.slice(start, end + 1);
      out.push({ label, words, box: boxOf(words), quality: 1 - d / label.key.length });
    }
  }
}

/** Every place on the page where a label of the form is printed (a label may match several places). */
export function findAnchors(words: Word[], ocr: boolean, index: LabelIndex): Anchor[] {
  const out: Anchor[] = [];
  for (const line of groupLines(words)) {
    const keys = line.words.map((w) => keyOf(w.text));
    for (let start = 0; start < line.words.length; start++) {
      if (keys[start] === '') continue;
      exactAt(index, line.words, keys, start, out, ocr);
      if (ocr) fuzzyAt(index, line.words, keys, start, out);
    }
  }
  return out;
}
