// What a PDF page draws, read from its operator list: the text as positioned words, and small
// marks (ticks and crosses drawn as strokes, filled boxes). Unlike pdf.js's text layer this
// follows the page's own drawing, so it also sees text in annotation appearances (a FreeText
// box typed over a template), leaves out text that a later opaque box covers (an edited
// certificate keeps its old words under a white patch) and builds words from glyph gaps, so
// glyphs placed one by one (letter-spaced text) make words again.
import './canvas-globals';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from './pdf';
import type { Box, Word } from './words';

type Matrix = [number, number, number, number, number, number];

const O = pdfjs.OPS;
const identity: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** pdf.js passes matrices as arrays or as typed arrays inside the argument list. */
function matrixOf(value: unknown): Matrix {
  const v = Array.from(value as ArrayLike<number>);
  return v.length >= 6 ? (v.slice(0, 6) as Matrix) : identity;
}

/** The quarter turn of text drawn with this matrix, or -1 when it is slanted. */
function quarterOf(m: Matrix): number {
  const [a, b, c, d] = m;
  if (Math.abs(b) < 0.01 * Math.abs(a) && Math.abs(c) < 0.01 * Math.abs(d)) return a > 0 ? 0 : 2;
  if (Math.abs(a) < 0.01 * Math.abs(b) && Math.abs(d) < 0.01 * Math.abs(c)) return b > 0 ? 1 : 3;
  return -1;
}

/** A page point in the frame where text of this quarter turn reads left to right. */
export function turn(quarter: number, x: number, y: number, page: { width: number; height: number }): [number, number] {
  if (quarter === 1) return [y, page.width - x];
  if (quarter === 2) return [page.width - x, page.height - y];
  if (quarter === 3) return [page.height - y, x];
  return [x, y];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface Glyph {
  text: string;
  /** Along the glyph's own upright frame (see `turn`). */
  x0: number;
  x1: number;
  base: number;
  size: number;
  /** Quarter turns of the text on the page (0 = upright, 1 = reading upwards, ...). */
  quarter: number;
  /** Centre on the page, for covering boxes. */
  cx: number;
  cy: number;
  order: number;
  hidden: boolean;
  /** A space or a jump in the drawing ends the word before this glyph. */
  breakBefore: boolean;
}

interface State {
  ctm: Matrix;
  fill: string;
  alpha: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  font: string | null;
  size: number;
  rise: number;
  mode: number;
}

interface GlyphArg {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

function isDark(hex: string): boolean {
  const v = parseInt(hex.replace('#', ''), 16);
  if (Number.isNaN(v)) return true;
  return 0.3 * ((v >> 16) & 255) + 0.59 * ((v >> 8) & 255) + 0.11 * (v & 255) < 128;
}

const images = new Set<number>([O.paintImageXObject, O.paintInlineImageXObject, O.paintImageMaskXObject]);
const fills = new Set<number>([O.fill, O.eoFill, O.fillStroke, O.eoFillStroke, O.closeFillStroke, O.closeEOFillStroke]);
const strokes = new Set<number>([O.stroke, O.closeStroke]);

/** True when a path has a slanted or curved segment, i.e. it is not a plain box outline. */
function hasSlant(data: ArrayLike<number>): boolean {
  let i = 0;
  let x = 0;
  let y = 0;
  while (i < data.length) {
    const op = data[i]!;
    if (op === 0 || op === 1) {
      const nx = data[i + 1]!;
      const ny = data[i + 2]!;
      if (op === 1 && Math.abs(nx - x) > 0.3 && Math.abs(ny - y) > 0.3) return true;
      x = nx;
      y = ny;
      i += 3;
    } else if (op === 2 || op === 3) return true;
    else i += 1;
  }
  return false;
}

export interface Drawn {
  words: Word[];
  /** Small drawn marks, in page points (origin bottom-left). */
  marks: Box[];
  /** Whether the page paints a picture (a scan may carry its text only as pixels). */
  images: boolean;
  /** How many paths the page draws: text printed as outlines is thousands of them. */
  paths: number;
  /** The page's size in the frame its text reads in. */
  width: number;
  height: number;
  /** Quarter turns the text was read through (0 when the page is upright). */
  quarter: number;
}

/** Walks the page's drawing once; positions are user space until `finish` maps them to the page. */
class Walker {
  state: State = { ctm: identity, fill: '#000000', alpha: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, font: null, size: 0, rise: 0, mode: 0 };
  stack: State[] = [];
  tm: Matrix = identity;
  line: Matrix = identity;
  glyphs: Glyph[] = [];
  marks: Box[] = [];
  order = 0;
  /** A space (or a glyph not read) came since the last glyph kept. */
  spaced = true;

  images = false;
  paths = 0;

  constructor(
    private readonly fontOf: (name: string) => { scale: number; dingbats: boolean },
    /** User space to page points (origin bottom-left), the page's own rotation included. */
    private readonly toPage: Matrix,
    private readonly size: { width: number; height: number },
  ) {}

  moveLine(tx: number, ty: number) {
    this.line = multiply(this.line, [1, 0, 0, 1, tx, ty]);
    this.tm = this.line;
  }

  show(items: (GlyphArg | number)[]) {
    const s = this.state;
    if (!s.font || s.size === 0) return;
    const font = this.fontOf(s.font);
    const scale = s.size * font.scale;
    // The glyphs of one show advance along the text line only: the matrix is built once.
    const m = multiply(this.toPage, multiply(s.ctm, this.tm));
    const quarter = quarterOf(m);
    const up = Math.hypot(m[2], m[3]);
    const size = Math.abs(s.size) * up;
    const [ux, uy] = [m[2] / up, m[3] / up];
    let x = 0;
    for (const g of items) {
      if (typeof g === 'number') {
        x += (-g / 1000) * s.size * s.hScale;
        continue;
      }
      const width = (g.width ?? 0) * scale * s.hScale;
      // A dingbats font draws ticks and crosses with plain letters' codes ("4" is a check).
      const text = font.dingbats && g.unicode?.trim() ? '✔' : (g.unicode ?? '');
      if (text.trim() && quarter >= 0 && s.mode !== 7) {
        const ox = m[0] * x + m[2] * s.rise + m[4];
        const oy = m[1] * x + m[3] * s.rise + m[5];
        const ex = ox + m[0] * width;
        const ey = oy + m[1] * width;
        const [x0, base] = turn(quarter, ox, oy, this.size);
        const [x1] = turn(quarter, ex, ey, this.size);
        const cx = (ox + ex) / 2 + 0.3 * size * ux;
        const cy = (oy + ey) / 2 + 0.3 * size * uy;
        this.glyphs.push({ text, x0: Math.min(x0, x1), x1: Math.max(x0, x1), base, size, quarter, cx, cy, order: this.order++, hidden: false, breakBefore: this.spaced });
        this.spaced = false;
      } else this.spaced = true;
      x += ((g.width ?? 0) * scale + s.charSpacing + (g.isSpace ? s.wordSpacing : 0)) * s.hScale;
    }
    this.tm = multiply(this.tm, [1, 0, 0, 1, x, 0]);
  }

  path(paint: number, path: ArrayLike<number>, minMax: ArrayLike<number>) {
    this.paths++;
    const m = multiply(this.toPage, this.state.ctm);
    const [ax, ay] = apply(m, minMax[0]!, minMax[1]!);
    const [bx, by] = apply(m, minMax[2]!, minMax[3]!);
    const box: Box = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
    const w = box[2] - box[0];
    const h = box[3] - box[1];
    const filled = fills.has(paint);
    if (filled && this.state.alpha > 0.9 && Math.min(w, h) >= 3) this.cover(box);
    const darkFill = filled && isDark(this.state.fill);
    const slanted = strokes.has(paint) && hasSlant(path);
    // Thin dark fills are the form's rules, not marks.
    if ((darkFill && Math.min(w, h) >= 1.5) || slanted) {
      if (Math.max(w, h) <= 14 && Math.max(w, h) >= 1.5) this.marks.push(box);
    }
  }

  /** An opaque box hides the text drawn before it underneath. */
  cover(box: Box) {
    for (const g of this.glyphs) if (g.cx > box[0] && g.cx < box[2] && g.cy > box[1] && g.cy < box[3]) g.hidden = true;
  }
}

function step(w: Walker, fn: number, args: unknown[]): void {
  const s = w.state;
  if (fn === O.save) w.stack.push({ ...s });
  else if (images.has(fn)) w.images = true;
  else if (fn === O.restore) w.state = w.stack.pop() ?? s;
  else if (fn === O.transform) s.ctm = multiply(s.ctm, matrixOf(args));
  else if (fn === O.paintFormXObjectBegin) {
    w.stack.push({ ...s });
    if (args[0]) s.ctm = multiply(s.ctm, matrixOf(args[0]));
  } else if (fn === O.paintFormXObjectEnd || fn === O.endAnnotation) w.state = w.stack.pop() ?? s;
  else if (fn === O.beginAnnotation) {
    w.stack.push({ ...s });
    s.ctm = multiply(matrixOf(args[2]), matrixOf(args[3]));
  } else if (fn === O.setFillRGBColor && typeof args[0] === 'string') s.fill = args[0];
  else if (fn === O.setGState) {
    for (const [key, value] of args[0] as [string, unknown][]) if (key === 'ca' && typeof value === 'number') s.alpha = value;
  } else if (fn === O.beginText) w.tm = w.line = identity;
  else if (fn === O.setTextMatrix) w.tm = w.line = matrixOf(args[0] ?? args);
  else if (fn === O.moveText) w.moveLine(args[0] as number, args[1] as number);
  else if (fn === O.setLeadingMoveText) {
    s.leading = -(args[1] as number);
    w.moveLine(args[0] as number, args[1] as number);
  } else if (fn === O.nextLine) w.moveLine(0, -s.leading);
  else if (fn === O.setLeading) s.leading = args[0] as number;
  else if (fn === O.setCharSpacing) s.charSpacing = args[0] as number;
  else if (fn === O.setWordSpacing) s.wordSpacing = args[0] as number;
  else if (fn === O.setHScale) s.hScale = (args[0] as number) / 100;
  else if (fn === O.setTextRise) s.rise = args[0] as number;
  else if (fn === O.setTextRenderingMode) s.mode = args[0] as number;
  else if (fn === O.setFont) {
    s.font = args[0] as string;
    s.size = Math.abs(args[1] as number);
  } else if (fn === O.showText || fn === O.showSpacedText) w.show(args[0] as (GlyphArg | number)[]);
  else if (fn === O.nextLineShowText) {
    w.moveLine(0, -s.leading);
    w.show(args[0] as (GlyphArg | number)[]);
  } else if (fn === O.nextLineSetSpacingShowText) {
    s.wordSpacing = args[0] as number;
    s.charSpacing = args[1] as number;
    w.moveLine(0, -s.leading);
    w.show(args[2] as (GlyphArg | number)[]);
  } else if (fn === O.constructPath) {
    const [paint, data, minMax] = args as [number, ArrayLike<number>[], ArrayLike<number>];
    if (minMax) w.path(paint, data[0] ?? [], minMax);
  }
}

/**
 * Glyphs into words: a space, another line, a jump back or a gap wider than a sixth of the type
 * size ends a word; glyphs drawn one at a time (letter-spaced text) join when they sit close.
 */
function wordsOf(glyphs: Glyph[]): Glyph[][] {
  const words: Glyph[][] = [];
  let current: Glyph[] = [];
  for (const g of glyphs) {
    const prev = current[current.length - 1];
    const gap = prev ? g.x0 - prev.x1 : 0;
    const size = prev ? Math.min(g.size, prev.size) : g.size;
    const joins = prev && !g.breakBefore && Math.abs(g.base - prev.base) < 0.3 * size && gap < 0.17 * size && gap > -0.3 * size;
    if (prev && !joins) {
      words.push(current);
      current = [];
    }
    current.push(g);
  }
  if (current.length) words.push(current);
  return words;
}

export async function readDrawn(page: PDFPageProxy, pageNumber: number, withAnnotations = true): Promise<Drawn> {
  const list = await page.getOperatorList({ annotationMode: withAnnotations ? pdfjs.AnnotationMode.ENABLE : pdfjs.AnnotationMode.DISABLE });
  const fonts = new Map<string, { scale: number; dingbats: boolean }>();
  const fontOf = (name: string) => {
    let known = fonts.get(name);
    if (!known) {
      const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { fontMatrix?: number[]; name?: string }) : null;
      known = { scale: font?.fontMatrix?.[0] ?? 0.001, dingbats: /Dingbats/i.test(font?.name ?? '') };
      fonts.set(name, known);
    }
    return known;
  };
  const viewport = page.getViewport({ scale: 1 });
  const [a, b, c, d, e, f] = viewport.transform as Matrix;
  const size = { width: viewport.width, height: viewport.height };
  const walker = new Walker(fontOf, [a, -b, c, -d, e, viewport.height - f], size);
  list.fnArray.forEach((fn, i) => step(walker, fn, list.argsArray[i] as unknown[]));
  // A page printed sideways is read in the frame its text reads in.
  const counts = [0, 0, 0, 0];
  for (const g of walker.glyphs) counts[g.quarter]!++;
  const quarter = counts.indexOf(Math.max(...counts));
  const words: Word[] = [];
  for (const group of wordsOf(walker.glyphs.filter((g) => !g.hidden && g.quarter === quarter))) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const top = Math.max(...group.map((g) => g.size));
    words.push({ text: group.map((g) => g.text).join(''), x0: first.x0, x1: last.x1, y0: first.base - 0.2 * top, y1: first.base + 0.8 * top, page: pageNumber, conf: 1 });
  }
  const marks = walker.marks.map((m): Box => {
    const [ax, ay] = turn(quarter, m[0], m[1], size);
    const [bx, by] = turn(quarter, m[2], m[3], size);
    return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
  });
  const turned = quarter % 2 === 1;
  return {
    words,
    marks,
    images: walker.images,
    paths: walker.paths,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
    quarter,
  };
}
