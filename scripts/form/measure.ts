// Measures the official ACORD 25 (2016/03) geometry from a blank fillable form in ../shared
// (the Silverlake AcroForm, bl02.pdf) and writes it to server/certificates/form/acord25-2016.json:
// every widget's name and rectangle, the printed labels' boxes, the boxes of the form's prose
// (their words are not kept: that wording is licensed) and the form's ruling lines. Only facts of
// the layout are written; the blank itself never enters the project. Usage:
//   npm run --silent form:measure [-- path/to/blank.pdf]
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const root = path.resolve(import.meta.dirname, '../..');
export const blankForm = path.resolve(root, '../shared/certificates/blank/bl02.pdf');
export const geometryFile = path.join(root, 'server/certificates/form/acord25-2016.json');

type Box = [number, number, number, number];
const round = (v: number) => Math.round(v * 10) / 10;
const box = (b: number[]): Box => [round(b[0]!), round(b[1]!), round(b[2]!), round(b[3]!)];

interface Item {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/**
 * The form's prose (the notice at the top, the statement under COVERAGES, the cancellation
 * clause, the trademark line) is kept only as boxes; everything else printed is a label.
 */
function isProse(text: string, b: Box): boolean {
  const cy = (b[1] + b[3]) / 2;
  if (text === 'IMPORTANT:') return false;
  if (cy > 670 && cy < 745) return true;
  if (cy > 504 && cy < 539) return true;
  if (b[0] > 310 && cy > 95 && cy < 121) return true;
  return /registered marks/.test(text);
}

/** The geometry file's text, measured from a blank fillable form. */
export async function measure(source: string): Promise<string> {
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(await readFile(source)), verbosity: 0 }).promise;
  const page = await pdf.getPage(1);
  const [, , width, height] = page.view as number[];
  const fields: Record<string, { box: Box; check: boolean }> = {};
  for (const a of (await page.getAnnotations()) as { fieldName?: string; rect: number[]; checkBox?: boolean }[]) {
    if (!a.fieldName || a.rect[2]! - a.rect[0]! < 2) continue;
    const leaf = a.fieldName.split('.').pop()!.replace(/\[\d+\]$/, '');
    fields[leaf] = { box: box(a.rect), check: Boolean(a.checkBox) };
  }
  const content = await page.getTextContent();
  const labels: { text: string; box: Box; size: number; bold: boolean }[] = [];
  const prose: { box: Box; size: number; words: number }[] = [];
  const bold = new Set<string>();
  for (const raw of content.items) {
    const item = raw as Item;
    const text = item.str.trim();
    if (!text || !item.transform) continue;
    const [, , , d = 0, e = 0, f = 0] = item.transform;
    const b = box([e, f - 0.2 * d, e + item.width, f + 0.8 * d]);
    const words = text.split(/\s+/).length;
    if (isProse(text, b)) prose.push({ box: b, size: round(d), words });
    else labels.push({ text, box: b, size: round(d), bold: item.fontName.endsWith('f1') });
    if (item.fontName.endsWith('f1')) bold.add(item.fontName);
  }
  const { rules, frames } = await measureLines(page);
  const out = { edition: '2016/03', page: [width, height], fields, labels, prose, rules, frames };
  await pdf.destroy();
  return pretty(out);
}

/** One entry per line: small enough to review in a diff, plain JSON to read. */
function pretty(value: Record<string, unknown>): string {
  const entries = Object.entries(value).map(([key, v]) => {
    if (Array.isArray(v) && typeof v[0] === 'object') return `"${key}": [\n${v.map((x) => '  ' + JSON.stringify(x)).join(',\n')}\n]`;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = Object.entries(v).map(([k, x]) => `  ${JSON.stringify(k)}: ${JSON.stringify(x)}`);
      return `"${key}": {\n${inner.join(',\n')}\n}`;
    }
    return `"${key}": ${JSON.stringify(v)}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

type Matrix = [number, number, number, number, number, number];

const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * Ruling lines and filled bars as thin boxes, and the stroked rectangles (section frames, small
 * boxes) with their line width, all in page points (the blank draws its grid under a scale).
 */
async function measureLines(page: pdfjs.PDFPageProxy): Promise<{ rules: Box[]; frames: { box: Box; width: number }[] }> {
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const O = pdfjs.OPS;
  const rules: Box[] = [];
  const frames: { box: Box; width: number }[] = [];
  const stack: { ctm: Matrix; width: number }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let width = 1;
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === O.save) stack.push({ ctm, width });
    else if (fn === O.restore) ({ ctm, width } = stack.pop() ?? { ctm, width });
    else if (fn === O.transform) ctm = times(ctm, Array.from(args as number[]).slice(0, 6) as Matrix);
    else if (fn === O.setLineWidth) width = args[0] as number;
    else if (fn === O.constructPath) {
      const [paint, , minMax] = args as [number, unknown, number[]];
      if (!minMax) return;
      const [ax, ay] = [ctm[0] * minMax[0]! + ctm[2] * minMax[1]! + ctm[4], ctm[1] * minMax[0]! + ctm[3] * minMax[1]! + ctm[5]];
      const [bx, by] = [ctm[0] * minMax[2]! + ctm[2] * minMax[3]! + ctm[4], ctm[1] * minMax[2]! + ctm[3] * minMax[3]! + ctm[5]];
      const b = box([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]);
      const [w, h] = [b[2] - b[0], b[3] - b[1]];
      const stroked = paint === O.stroke || paint === O.closeStroke;
      if (Math.min(w, h) <= 2 && Math.max(w, h) >= 4) rules.push(b);
      else if (stroked && Math.min(w, h) >= 4) frames.push({ box: b, width: round(width * Math.hypot(ctm[0], ctm[1]) * 100) / 100 });
    }
  });
  return { rules, frames };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const text = await measure(process.argv[2] ?? blankForm);
  await writeFile(geometryFile, text);
  console.log(`wrote ${path.relative(root, geometryFile)} (${text.split('\n').length} lines)`);
}
