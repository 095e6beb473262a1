import type { Policy } from '../../server/contracts/extraction';
import type { Truth } from './facts';
import { formatAmount, formatDate, printedAmount } from './format';
import { rowSpecs } from './rows';
import type { Pen, Sheet } from './sheet';

interface Grid {
  sheet: Sheet;
  pen: Pen;
  x: { ltr: number; type: number; addl: number; subr: number; number: number; eff: number; exp: number; limits: number; amount: number; end: number };
  salt: number;
}

type LimitLine = [label: string, field: string, amount: number | null | undefined, labelField?: string];

interface RowSpec {
  prefix: { letter: string; ai: string; wos: string; number: string; eff: string; exp: string };
  lines: number;
  policy: Policy | undefined;
  typeText: (g: Grid, top: (i: number) => number) => void;
  limits: LimitLine[];
  /** Limits drawn from this line down (the WC row starts with its statute boxes). */
  limitsFrom?: number;
}

function columns(sheet: Sheet): Grid['x'] {
  const s = sheet.style;
  const c = s.cols;
  const ltr = s.margin;
  const type = ltr + c.ltr;
  const addl = type + c.type;
  const subr = addl + c.addl;
  const number = subr + c.subr;
  const eff = number + c.number;
  const exp = eff + c.eff;
  const limits = exp + c.exp;
  const end = 612 - s.margin;
  return { ltr, type, addl, subr, number, eff, exp, limits, amount: limits + (end - limits) * s.limitLabelShare, end };
}

function header(g: Grid, top: number): number {
  const s = g.sheet;
  const x = g.x;
  const two = (a: string, b: string, left: number, right: number) => {
    s.label(a, left, top, { width: right - left, align: 'center' });
    s.label(b, left, top + s.style.labelSize + 1, { width: right - left, align: 'center' });
  };
  two('INSR', 'LTR', x.ltr, x.type);
  s.label('TYPE OF INSURANCE', x.type, top + 3, { width: x.addl - x.type, align: 'center' });
  two('ADDL', 'INSD', x.addl, x.subr);
  two('SUBR', 'WVD', x.subr, x.number);
  s.label('POLICY NUMBER', x.number, top + 3, { width: x.eff - x.number, align: 'center' });
  two('POLICY EFF', '(MM/DD/YYYY)', x.eff, x.exp);
  two('POLICY EXP', '(MM/DD/YYYY)', x.exp, x.limits);
  s.label('LIMITS', x.limits, top + 3, { width: x.end - x.limits, align: 'center' });
  const bottom = top + 2 * s.style.labelSize + 4;
  s.hline(x.ltr, x.end, top - 2);
  s.hline(x.ltr, x.end, bottom);
  return bottom + 2;
}

function flag(value: boolean | null | undefined, salt: number, wc = false): string | null {
  if (wc) return 'N/A';
  if (value) return salt % 3 === 0 ? 'X' : 'Y';
  return salt % 2 === 0 ? 'N' : null;
}

function limitsColumn(g: Grid, spec: RowSpec, top: (i: number) => number) {
  const s = g.sheet;
  const st = s.style;
  const from = spec.limitsFrom ?? 0;
  spec.limits.forEach(([label, field, amount, labelField], i) => {
    const lineTop = top(from + i);
    if (labelField) g.pen.value(labelField, label || null, g.x.limits + 2, lineTop, g.x.amount - g.x.limits - 4);
    else s.label(label, g.x.limits + 2, lineTop, { width: g.x.amount - g.x.limits - 4 });
    const displaced = st.noise.displacedValue && i === 2 && amount ? st.lineHeight * 0.5 : 0;
    if (st.dollar === 'preprinted') s.label('$', g.x.amount + 2, lineTop);
    const text = st.dollar === 'preprinted' ? formatAmount(amount, st, g.salt + i) : printedAmount(amount, st, g.salt + i);
    const align = st.dollar === 'spaced' ? 'left' : 'right';
    g.pen.value(field, text, g.x.amount + 8, lineTop - displaced, g.x.end - g.x.amount - 11, align);
  });
}

function drawRow(g: Grid, spec: RowSpec, top: number): number {
  const st = g.sheet.style;
  const lineTop = (i: number) => top + 2 + i * st.lineHeight;
  const p = spec.policy;
  const v = st.middleValues ? lineTop(Math.floor((spec.lines - 1) / 2)) : lineTop(0);
  const x = g.x;
  const pen = g.pen;
  const wc = spec.prefix.number.includes('WorkersCompensation');
  if (p) {
    pen.value(spec.prefix.letter, p.insurerLetter, x.ltr, v, x.type - x.ltr, 'center');
    pen.value(spec.prefix.ai, flag(p.additionalInsured, g.salt, wc), x.addl, v, x.subr - x.addl, 'center');
    pen.value(spec.prefix.wos, flag(p.subrogationWaived, g.salt + 1), x.subr, v, x.number - x.subr, 'center');
    pen.value(spec.prefix.number, p.policyNumber, x.number + 3, v, x.eff - x.number - 6);
    pen.value(spec.prefix.eff, formatDate(p.effectiveDate, st), x.eff, v, x.exp - x.eff, 'center');
    pen.value(spec.prefix.exp, formatDate(p.expirationDate, st), x.exp, v, x.limits - x.exp, 'center');
  }
  spec.typeText(g, lineTop);
  limitsColumn(g, spec, lineTop);
  const bottom = lineTop(spec.lines) + 1;
  g.sheet.hline(x.ltr, x.end, bottom);
  for (const vx of [x.type, x.addl, x.subr, x.number, x.eff, x.exp, x.limits, x.amount]) g.sheet.vline(vx, top, bottom, 0.4);
  return bottom + 1;
}

/** A checkbox followed by its label; returns the x after the label. */
export function boxed(g: Grid, field: string, on: boolean, label: string, x: number, top: number): number {
  const size = g.sheet.style.labelSize * 1.2;
  g.pen.check(field, on, x, top - size * 0.1, size);
  const w = g.sheet.label(label, x + size + 2, top);
  return x + size + 2 + w;
}

export { drawRow, header, columns };
export type { Grid, RowSpec };

export function drawCoverages(sheet: Sheet, pen: Pen, t: Truth, top: number): number {
  const g: Grid = { sheet, pen, x: columns(sheet), salt: (t.policies[0]?.policyNumber ?? 'x').charCodeAt(0) };
  let y = header(g, top);
  for (const spec of rowSpecs(t, sheet.style.edition)) y = drawRow(g, spec, y);
  return y + 2;
}
