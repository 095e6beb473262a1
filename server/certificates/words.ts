// Positioned words, the common ground of the text layer and OCR. Coordinates are PDF points,
// origin bottom-left, so y1 > y0.

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  page: number;
  /** 0..1; text-layer words are certain, OCR words carry the engine's confidence. */
  conf: number;
  /** Read again inside one field of the fitted form as its answer: never part of a label. */
  answer?: true;
}

export type Box = [number, number, number, number];

export interface Line {
  words: Word[];
  text: string;
  box: Box;
}

export interface Match {
  words: Word[];
  box: Box;
  line: Line;
  groups: string[];
}

export function boxOf(words: Word[]): Box {
  return [
    Math.min(...words.map((w) => w.x0)),
    Math.min(...words.map((w) => w.y0)),
    Math.max(...words.map((w) => w.x1)),
    Math.max(...words.map((w) => w.y1)),
  ];
}

export const height = (w: { y0: number; y1: number }) => w.y1 - w.y0;
export const centerY = (w: { y0: number; y1: number }) => (w.y0 + w.y1) / 2;
export const centerX = (w: { x0: number; x1: number }) => (w.x0 + w.x1) / 2;

export function medianHeight(words: Word[]): number {
  if (words.length === 0) return 8;
  const hs = words.map(height).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)]!;
}

function overlapY(a: { y0: number; y1: number }, b: { y0: number; y1: number }): number {
  return Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
}

/** Group words into lines: a word joins a line when it shares most of its height with it. */
export function groupLines(words: Word[]): Line[] {
  const sorted = [...words].sort((a, b) => centerY(b) - centerY(a));
  // Words are compared with the word that opened the line, so a tall title cannot swallow
  // the smaller lines beside it.
  const groups: { words: Word[]; seed: Word }[] = [];
  const tallest = Math.max(0, ...words.map(height));
  let first = 0;
  for (const w of sorted) {
    // Words come top to bottom: lines whose opening word lies more than a word's height above
    // can take no more words, so the search starts below them.
    while (first < groups.length && centerY(groups[first]!.seed) - centerY(w) > tallest) first++;
    let target: { words: Word[]; seed: Word } | undefined;
    for (let i = first; i < groups.length && !target; i++) {
      const g = groups[i]!;
      if (Math.abs(centerY(g.seed) - centerY(w)) < 0.5 * Math.min(height(w), height(g.seed))) target = g;
    }
    if (target) target.words.push(w);
    else groups.push({ words: [w], seed: w });
  }
  return groups
    .map((g) => makeLine(g.words))
    .sort((a, b) => centerY({ y0: b.box[1], y1: b.box[3] }) - centerY({ y0: a.box[1], y1: a.box[3] }));
}

export function makeLine(words: Word[]): Line {
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  return { words: sorted, text: sorted.map((w) => w.text).join(' '), box: boxOf(sorted) };
}

/** Word text for matching: OCR adds stray trailing punctuation that labels never carry. */
function matchText(text: string): string {
  return text.length > 1 ? text.replace(/(?<=\w)[.,;]+$/, '') : text;
}

/** The part of a word covered by characters [from, to), assuming even character widths. */
function partOf(w: Word, from: number, to: number): Word {
  const len = Math.max(1, w.text.length);
  const a = Math.max(0, Math.min(len, from));
  const b = Math.max(a, Math.min(len, to));
  if (a === 0 && b >= len) return w;
  const per = (w.x1 - w.x0) / len;
  return { ...w, x0: w.x0 + a * per, x1: w.x0 + b * per };
}

/**
 * Every match of a pattern in the lines, mapped back to the words it covers, case-insensitive.
 * A match inside a word (OCR glues "[X]OCCUR") gets a box covering only the matched part.
 */
export function findAll(lines: Line[], pattern: RegExp): Match[] {
  const flags = new Set([...pattern.flags, 'g', 'i']);
  const global = new RegExp(pattern.source, [...flags].join(''));
  const found: Match[] = [];
  for (const line of lines) {
    const starts: number[] = [];
    const texts = line.words.map((w) => matchText(w.text));
    let offset = 0;
    for (const t of texts) {
      starts.push(offset);
      offset += t.length + 1;
    }
    const text = texts.join(' ');
    for (const m of text.matchAll(global)) {
      if (m[0].length === 0) continue;
      const from = m.index;
      const to = from + m[0].length;
      const covered: Word[] = [];
      line.words.forEach((w, i) => {
        const start = starts[i]!;
        if (start < to && start + texts[i]!.length > from) covered.push(partOf(w, from - start, to - start));
      });
      if (covered.length === 0) continue;
      found.push({ words: covered, box: boxOf(covered), line, groups: m.slice(1).map((g) => g ?? '') });
    }
  }
  return found;
}

export function findFirst(lines: Line[], pattern: RegExp): Match | null {
  return findAll(lines, pattern)[0] ?? null;
}

export interface Region {
  x0?: number;
  x1?: number;
  y0?: number;
  y1?: number;
}

/** Words whose centre lies inside the region (open sides are unbounded). */
export function within(words: Word[], r: Region): Word[] {
  return words.filter((w) => {
    const cx = centerX(w);
    const cy = centerY(w);
    return (
      (r.x0 === undefined || cx >= r.x0) &&
      (r.x1 === undefined || cx < r.x1) &&
      (r.y0 === undefined || cy >= r.y0) &&
      (r.y1 === undefined || cy < r.y1)
    );
  });
}

/** Words on the same line as a label, to its right, up to a right bound. */
export function rightOf(words: Word[], label: Box, xLimit = Infinity): Word[] {
  const probe = { y0: label[1], y1: label[3] };
  return words
    .filter((w) => w.x0 >= label[2] - 0.5 && centerX(w) < xLimit)
    .filter((w) => overlapY(w, probe) > 0.4 * Math.min(height(w), probe.y1 - probe.y0))
    .sort((a, b) => a.x0 - b.x0);
}

export function minConf(words: Word[]): number {
  return words.length ? Math.min(...words.map((w) => w.conf)) : 1;
}
