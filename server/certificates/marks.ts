import './canvas-globals';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { MarkProbe } from './page';
import type { PDFPageProxy } from './pdf';
import { centerX, centerY, type Box, type Word } from './words';

type Matrix = [number, number, number, number, number, number];

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

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const O = pdfjs.OPS;
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

function isDark(hex: string): boolean {
  const v = parseInt(hex.replace('#', ''), 16);
  if (Number.isNaN(v)) return true;
  return 0.3 * ((v >> 16) & 255) + 0.59 * ((v >> 8) & 255) + 0.11 * (v & 255) < 128;
}

/** Small drawn marks (strokes or dark fills) on a page, as boxes in page points. */
export async function drawnMarks(page: PDFPageProxy): Promise<Box[]> {
  // Form widgets' appearances are skipped below anyway; not building them saves most of the time
  // on a fillable certificate.
  const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const marks: Box[] = [];
  const stack: { ctm: Matrix; fill: string }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let fill = '#000000';
  let inAnnotation = 0;
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === O.beginAnnotation) inAnnotation++;
    else if (fn === O.endAnnotation) inAnnotation--;
    else if (fn === O.save) stack.push({ ctm, fill });
    else if (fn === O.restore) ({ ctm, fill } = stack.pop() ?? { ctm, fill });
    else if (fn === O.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === O.setFillRGBColor && typeof args[0] === 'string') fill = args[0];
    else if (fn === O.constructPath && !inAnnotation) {
      const [paint, data, minMax] = args as [number, ArrayLike<number>[], ArrayLike<number>];
      const path = data[0] ?? [];
      const filled = fills.has(paint) && isDark(fill);
      const slanted = strokes.has(paint) && hasSlant(path);
      if (!filled && !slanted) return;
      const [ax, ay] = apply(ctm, minMax[0]!, minMax[1]!);
      const [bx, by] = apply(ctm, minMax[2]!, minMax[3]!);
      const box: Box = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
      const w = box[2] - box[0];
      const h = box[3] - box[1];
      if (Math.max(w, h) <= 14 && Math.max(w, h) >= 1.5) marks.push(box);
    }
  });
  return marks;
}

/** Checkbox probe for a page with a text layer: a one-character word or a drawn mark in the area. */
export function textLayerProbe(words: Word[], marks: Box[]): MarkProbe {
  const singles = words.filter((w) => w.text.length === 1 && !/[-–:/.,()]/.test(w.text));
  const inside = (area: Box, x: number, y: number) => x >= area[0] && x <= area[2] && y >= area[1] && y <= area[3];
  return (area) => {
    if (singles.some((w) => inside(area, centerX(w), centerY(w)))) return 1;
    if (marks.some((m) => inside(area, (m[0] + m[2]) / 2, (m[1] + m[3]) / 2))) return 1;
    return 0;
  };
}
