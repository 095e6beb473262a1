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

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface Glyph {
  text: string;
  x0: number;
  x1: number;
  base: number;
  size: number;
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

  constructor(private readonly fontMatrix: (name: string) => number) {}

  moveLine(tx: number, ty: number) {
    this.line = multiply(this.line, [1, 0, 0, 1, tx, ty]);
    this.tm = this.line;
  }

  show(items: (GlyphArg | number)[]) {
    const s = this.state;
    if (!s.font || s.size === 0) return;
    const scale = s.size * this.fontMatrix(s.font);
    for (const g of items) {
      if (typeof g === 'number') {
        this.tm = multiply(this.tm, [1, 0, 0, 1, (-g / 1000) * s.size * s.hScale, 0]);
        continue;
      }
      const advance = ((g.width ?? 0) * scale + s.charSpacing + (g.isSpace ? s.wordSpacing : 0)) * s.hScale;
      const text = g.unicode ?? '';
      const m = multiply(s.ctm, this.tm);
      const upright = Math.abs(m[1]) < 0.01 * Math.abs(m[0]) && Math.abs(m[2]) < 0.01 * Math.abs(m[3]);
      if (text.trim() && upright && s.mode !== 7) {
        const [x0, base] = apply(m, 0, s.rise);
        const [x1] = apply(m, (g.width ?? 0) * scale * s.hScale, s.rise);
        const size = Math.abs(s.size * m[3]);
        this.glyphs.push({ text, x0: Math.min(x0, x1), x1: Math.max(x0, x1), base, size, order: this.order++, hidden: false, breakBefore: this.spaced });
        this.spaced = false;
      } else this.spaced = true;
      this.tm = multiply(this.tm, [1, 0, 0, 1, advance, 0]);
    }
  }

  path(paint: number, path: ArrayLike<number>, minMax: ArrayLike<number>) {
    const [ax, ay] = apply(this.state.ctm, minMax[0]!, minMax[1]!);
    const [bx, by] = apply(this.state.ctm, minMax[2]!, minMax[3]!);
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
    for (const g of this.glyphs) {
      const cx = (g.x0 + g.x1) / 2;
      const cy = g.base + 0.3 * g.size;
      if (cx > box[0] && cx < box[2] && cy > box[1] && cy < box[3]) g.hidden = true;
    }
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
  const fontMatrix = (name: string) => {
    const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { fontMatrix?: number[] }) : null;
    return font?.fontMatrix?.[0] ?? 0.001;
  };
  const walker = new Walker(fontMatrix);
  list.fnArray.forEach((fn, i) => step(walker, fn, list.argsArray[i] as unknown[]));
  const viewport = page.getViewport({ scale: 1 });
  const toPage = (x: number, y: number): [number, number] => {
    const [vx, vy] = viewport.convertToViewportPoint(x, y) as [number, number];
    return [vx, viewport.height - vy];
  };
  const words: Word[] = [];
  for (const group of wordsOf(walker.glyphs.filter((g) => !g.hidden))) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const size = Math.max(...group.map((g) => g.size));
    const [ax, ay] = toPage(first.x0, first.base - 0.2 * size);
    const [bx, by] = toPage(last.x1, first.base + 0.8 * size);
    words.push({ text: group.map((g) => g.text).join(''), x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: Math.min(ay, by), y1: Math.max(ay, by), page: pageNumber, conf: 1 });
  }
  const marks = walker.marks.map((b): Box => {
    const [ax, ay] = toPage(b[0], b[1]);
    const [bx, by] = toPage(b[2], b[3]);
    return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
  });
  return { words, marks, images: walker.images };
}
