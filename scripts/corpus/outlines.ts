// Glyph outlines read from a TrueType file, so that text can be drawn as filled paths with no text
// layer (what "Microsoft Print to PDF" makes of some certificates). pdf-lib cannot give outlines of
// its standard fonts, so the Liberation Sans files pdf.js ships (Arial's metrics) are used.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type PathOp = ['M', number, number] | ['L', number, number] | ['C', number, number, number, number, number, number] | ['Z'];

interface Point {
  x: number;
  y: number;
  on: boolean;
}

export class TrueTypeFont {
  readonly unitsPerEm: number;
  private readonly view: DataView;
  private readonly tables = new Map<string, number>();
  private readonly longLoca: boolean;
  private readonly hMetrics: number;
  private readonly paths = new Map<number, PathOp[]>();

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      this.tables.set(tag, this.view.getUint32(at + 8));
    }
    this.unitsPerEm = this.view.getUint16(this.table('head') + 18);
    this.longLoca = this.view.getInt16(this.table('head') + 50) === 1;
    this.hMetrics = this.view.getUint16(this.table('hhea') + 34);
  }

  private table(tag: string): number {
    const at = this.tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  }

  /** The glyph for a character, from the Windows Unicode cmap (format 4); 0 when missing. */
  glyphOf(char: string): number {
    const code = char.charCodeAt(0);
    const v = this.view;
    const cmap = this.table('cmap');
    for (let i = 0; i < v.getUint16(cmap + 2); i++) {
      const rec = cmap + 4 + i * 8;
      if (v.getUint16(rec) !== 3 || v.getUint16(rec + 2) !== 1) continue;
      const sub = cmap + v.getUint32(rec + 4);
      const segs = v.getUint16(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const ranges = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        if (v.getUint16(ends + s * 2) < code) continue;
        const start = v.getUint16(starts + s * 2);
        if (start > code) return 0;
        const delta = v.getInt16(deltas + s * 2);
        const range = v.getUint16(ranges + s * 2);
        if (range === 0) return (code + delta) & 0xffff;
        const glyph = v.getUint16(ranges + s * 2 + range + (code - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
    }
    return 0;
  }

  advance(glyph: number): number {
    const index = Math.min(glyph, this.hMetrics - 1);
    return this.view.getUint16(this.table('hmtx') + index * 4);
  }

  widthOf(text: string, size: number): number {
    let units = 0;
    for (const ch of text) units += this.advance(this.glyphOf(ch));
    return (units * size) / this.unitsPerEm;
  }

  /** The glyph's outline in font units, quadratic curves raised to cubic ones for PDF. */
  outline(glyph: number): PathOp[] {
    let known = this.paths.get(glyph);
    if (!known) {
      known = this.contours(glyph, 0, 0).flatMap(contourPath);
      this.paths.set(glyph, known);
    }
    return known;
  }

  private glyphRange(glyph: number): [number, number] {
    const loca = this.table('loca');
    const at = (i: number) => (this.longLoca ? this.view.getUint32(loca + i * 4) : this.view.getUint16(loca + i * 2) * 2);
    return [this.table('glyf') + at(glyph), this.table('glyf') + at(glyph + 1)];
  }

  private contours(glyph: number, dx: number, dy: number): Point[][] {
    const [start, end] = this.glyphRange(glyph);
    if (end <= start) return [];
    const n = this.view.getInt16(start);
    return n >= 0 ? this.simple(start, n, dx, dy) : this.composite(start + 10, dx, dy);
  }

  private simple(start: number, contours: number, dx: number, dy: number): Point[][] {
    const v = this.view;
    const ends = Array.from({ length: contours }, (_, i) => v.getUint16(start + 10 + i * 2));
    const total = (ends[contours - 1] ?? -1) + 1;
    let at = start + 10 + contours * 2;
    at += 2 + v.getUint16(at);
    const flags: number[] = [];
    while (flags.length < total) {
      const flag = v.getUint8(at++);
      flags.push(flag);
      if (flag & 8) for (let r = v.getUint8(at++); r > 0; r--) flags.push(flag);
    }
    const read = (short: number, same: number, into: number[]) => {
      let value = 0;
      for (const flag of flags) {
        if (flag & short) value += (flag & same ? 1 : -1) * v.getUint8(at++);
        else if (!(flag & same)) {
          value += v.getInt16(at);
          at += 2;
        }
        into.push(value);
      }
    };
    const xs: number[] = [];
    const ys: number[] = [];
    read(2, 16, xs);
    read(4, 32, ys);
    const points = flags.map((f, i) => ({ x: xs[i]! + dx, y: ys[i]! + dy, on: (f & 1) === 1 }));
    return ends.map((e, i) => points.slice(i === 0 ? 0 : ends[i - 1]! + 1, e + 1));
  }

  /** Accented letters are made of other glyphs; only their offsets are honoured. */
  private composite(at: number, dx: number, dy: number): Point[][] {
    const v = this.view;
    const out: Point[][] = [];
    for (let more = true; more; ) {
      const flags = v.getUint16(at);
      const glyph = v.getUint16(at + 2);
      const words = (flags & 1) !== 0;
      const ox = words ? v.getInt16(at + 4) : v.getInt8(at + 4);
      const oy = words ? v.getInt16(at + 6) : v.getInt8(at + 5);
      at += words ? 8 : 6;
      at += flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0;
      out.push(...this.contours(glyph, dx + (flags & 2 ? ox : 0), dy + (flags & 2 ? oy : 0)));
      more = (flags & 0x20) !== 0;
    }
    return out;
  }
}

function contourPath(points: Point[]): PathOp[] {
  if (points.length === 0) return [];
  const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  // A contour may start off the curve; then its start is the on-curve point implied before it.
  const start = first.on ? first : last.on ? last : mid(last, first);
  const rest = first.on ? points.slice(1) : last.on ? points.slice(0, -1) : points;
  const ops: PathOp[] = [['M', start.x, start.y]];
  let pen = start;
  let control: Point | null = null;
  // Whole font units are fine enough (a 2048-unit em at 10 pt is 0.005 pt) and keep files small.
  const third = (a: number, b: number) => Math.round(a + (2 / 3) * (b - a));
  const curve = (c: Point, to: Point) => {
    ops.push(['C', third(pen.x, c.x), third(pen.y, c.y), third(to.x, c.x), third(to.y, c.y), Math.round(to.x), Math.round(to.y)]);
    pen = to;
  };
  for (const p of [...rest, start]) {
    if (p.on) {
      if (control) curve(control, p);
      else {
        ops.push(['L', p.x, p.y]);
        pen = p;
      }
      control = null;
    } else {
      if (control) curve(control, mid(control, p));
      control = p;
    }
  }
  ops.push(['Z']);
  return ops;
}

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
const loaded = new Map<string, TrueTypeFont>();

/** Liberation Sans, regular or bold, as shipped with pdf.js. */
export function sansOutlines(bold: boolean): TrueTypeFont {
  const file = bold ? 'LiberationSans-Bold.ttf' : 'LiberationSans-Regular.ttf';
  let font = loaded.get(file);
  if (!font) {
    font = new TrueTypeFont(new Uint8Array(readFileSync(path.join(fontDir, file))));
    loaded.set(file, font);
  }
  return font;
}
