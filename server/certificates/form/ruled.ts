// Placing a scanned page on the official form by its rules alone, before any OCR. The frames and
// grid lines of the ACORD 25 stand where the form has them, at one scale and offset per axis, on
// every edition the reader places through the 2016/03 form (2016/03, 2014/01, 2010/05). The
// placing is used for one thing: the form's prose (the notice, the statement above the grid, the
// cancellation clause) is left out of the page-wide OCR pass. It is a third of a certificate's
// print and of the engine's time, and never a value. A page whose rules do not agree with the
// form's, closely and across the whole page, keeps all its print.
import measured from './acord25-2016.json';
import type { Bitmap, Run } from '../clean';
import type { Box } from '../words';

/** A straight rule: `at` across it, `from`–`to` along it (page pixels, or form points from the top). */
interface Rule {
  at: number;
  from: number;
  to: number;
}

/** Page pixels from form points: x = sx · form x + tx; y = sy · (form height − form y) + ty. */
export interface RuleFit {
  sx: number;
  tx: number;
  sy: number;
  ty: number;
}

const height = measured.page[1]!;

/** Rules shorter than this are not looked for (the page's own runs start at 0.6 inch). */
const shortest = 50;

function formRules(): { rows: Rule[]; columns: Rule[] } {
  const rows: Rule[] = [];
  const columns: Rule[] = [];
  const add = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) < 0.5 && x1 - x0 >= shortest) rows.push({ at: height - y0, from: x0, to: x1 });
    if (Math.abs(x0 - x1) < 0.5 && y1 - y0 >= shortest) columns.push({ at: x0, from: height - y1, to: height - y0 });
  };
  for (const [x0, y0, x1, y1] of measured.rules as number[][]) add(Math.min(x0!, x1!), Math.min(y0!, y1!), Math.max(x0!, x1!), Math.max(y0!, y1!));
  for (const { box } of measured.frames) {
    const [x0, y0, x1, y1] = box as number[];
    add(x0!, y0!, x1!, y0!);
    add(x0!, y1!, x1!, y1!);
    add(x0!, y0!, x0!, y1!);
    add(x1!, y0!, x1!, y1!);
  }
  // Rules that meet end to end (two frames side by side) print as one line, as the page's runs do.
  return { rows: rulesOf(rows, 0.5, 1.5), columns: rulesOf(columns, 0.5, 1.5) };
}

const form = formRules();

/**
 * The form's prose, in form points: the notice box (less the IMPORTANT label, which places the
 * page), the statement above the grid and the cancellation clause, each with the frame it lies in
 * ([left, bottom, right, top] rules). Each frame holds nothing else on any of the three editions.
 */
const proseAreas: { area: Box; frame: Box }[] = [
  { area: [19, 701.6, 593, 743], frame: [18, 672, 594, 744] },
  { area: [81, 691, 593, 701.6], frame: [18, 672, 594, 744] },
  { area: [19, 673, 593, 691], frame: [18, 672, 594, 744] },
  { area: [19, 505, 593, 539], frame: [18, 504, 594, 540] },
  { area: [312, 94.5, 590, 121.5], frame: [306, 48, 594, 132] },
];

/**
 * Runs on neighbouring lines (`across` apart at most) that overlap or nearly meet (a gap of
 * `along` at most) are one rule: a rule is a few pixels thick, a slanting one steps from line to
 * line, and a faint one breaks.
 */
export function rulesOf(runs: Run[], across: number, along: number): Rule[] {
  // Union-find over the runs, so a rule stepping across several lines joins up in any order.
  const parent = runs.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < runs.length; i++)
    for (let j = i + 1; j < runs.length; j++) {
      const [a, b] = [runs[i]!, runs[j]!];
      if (Math.abs(a.at - b.at) <= across && a.from <= b.to + along && a.to >= b.from - along) parent[root(i)] = root(j);
    }
  const rules = new Map<number, { sum: number; weight: number; from: number; to: number }>();
  runs.forEach((r, i) => {
    const length = r.to - r.from + 1;
    const rule = rules.get(root(i));
    if (!rule) rules.set(root(i), { sum: r.at * length, weight: length, from: r.from, to: r.to });
    else {
      rule.sum += r.at * length;
      rule.weight += length;
      rule.from = Math.min(rule.from, r.from);
      rule.to = Math.max(rule.to, r.to);
    }
  });
  return [...rules.values()].map((o) => ({ at: o.sum / o.weight, from: o.from, to: o.to }));
}

/** Length of page rule `p` along the form rule `f` placed at `scale`, `offset`. */
function overlap(p: Rule, f: Rule, scale: number, offset: number): number {
  return Math.max(0, Math.min(p.to, scale * f.to + offset) - Math.max(p.from, scale * f.from + offset));
}

interface Axis {
  scale: number;
  offset: number;
}

/** The offset most pairs agree on at this scale (each pair weighted as `weigh` says), and its weight. */
function bestOffset(page: Rule[], rules: Rule[], scale: number, bin: number, weigh: (p: Rule, f: Rule) => number): { offset: number; weight: number } {
  const votes = new Map<number, number>();
  for (const p of page)
    for (const f of rules) {
      const weight = weigh(p, f);
      if (weight <= 0) continue;
      const key = Math.round((p.at - scale * f.at) / bin);
      votes.set(key, (votes.get(key) ?? 0) + weight);
    }
  let best = { offset: 0, weight: 0 };
  for (const key of votes.keys()) {
    const weight = (votes.get(key - 1) ?? 0) + votes.get(key)! + (votes.get(key + 1) ?? 0);
    if (weight > best.weight) best = { offset: key * bin, weight };
  }
  return best;
}

/**
 * Form rules found on the page: those whose length the page's rules at their place cover at least
 * half of (a faint rule scans in pieces), each with those pieces.
 */
function found(page: Rule[], rules: Rule[], at: Axis, along: Axis, tolerance: number): [Rule, Rule[]][] {
  return rules.flatMap((f) => {
    const pieces = page.filter((p) => Math.abs(p.at - (at.scale * f.at + at.offset)) <= tolerance && overlap(p, f, along.scale, along.offset) > 0);
    const covered = pieces.reduce((sum, p) => sum + overlap(p, f, along.scale, along.offset), 0);
    return covered >= 0.5 * along.scale * (f.to - f.from) ? [[f, pieces] as [Rule, Rule[]]] : [];
  });
}

/** Least squares page = scale · form + offset over the matched positions. */
function line(matched: [Rule, Rule[]][]): Axis | null {
  const points = matched.flatMap(([f, pieces]) => pieces.map((p) => [f.at, p.at] as const));
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, [f]) => s + f, 0) / n;
  const my = points.reduce((s, [, p]) => s + p, 0) / n;
  const sxx = points.reduce((s, [f]) => s + (f - mx) ** 2, 0);
  if (sxx === 0) return null;
  const scale = points.reduce((s, [f, p]) => s + (f - mx) * (p - my), 0) / sxx;
  return { scale, offset: my - scale * mx };
}

/** Shares of the form's rules found on the page at a placing: what a caller checks it by. */
export interface RuleMatch {
  fit: RuleFit;
  /** Shares of the form's rules found, along rows and down columns. */
  rows: number;
  columns: number;
  /** Share of the page's rule length that lies along the form's rules. */
  own: number;
  /** The farthest a rule found stands from where the placing puts it, in points. */
  worst: number;
  /** The form's rules found on the page (form points from the top). */
  foundRows: Rule[];
  foundColumns: Rule[];
}

/**
 * Where the page's rules (runs found while clearing them, page pixels) put the form, and how well
 * they agree with it; null when no placing is found.
 */
export function matchRules(runs: { rows: Run[]; columns: Run[] }, dpi: number): RuleMatch | null {
  const nominal = dpi / 72;
  const rows = rulesOf(runs.rows, 3, 36 * nominal);
  const columns = rulesOf(runs.columns, 3, 36 * nominal);
  // Columns first: their positions across the page are uneven, so one offset stands out. Rows
  // are not placed yet, so a pair weighs what the shorter of the two could share.
  let x = { scale: nominal, offset: 0, weight: 0 };
  for (let scale = 0.85 * nominal; scale <= 1.15 * nominal; scale += 0.0025 * nominal) {
    const best = bestOffset(columns, form.columns, scale, 2, (p, f) => Math.min(p.to - p.from, scale * (f.to - f.from)));
    if (best.weight > x.weight) x = { scale, ...best };
  }
  if (!x.weight) return null;
  // Rows stand every 12 points down the grid: a pair weighs only the length the two share across.
  let y = { scale: x.scale, offset: 0, weight: 0 };
  for (let scale = 0.97 * x.scale; scale <= 1.03 * x.scale; scale += 0.001 * x.scale) {
    const best = bestOffset(rows, form.rows, scale, 2, (p, f) => overlap(p, f, x.scale, x.offset));
    if (best.weight > y.weight) y = { scale, ...best };
  }
  if (!y.weight) return null;
  const tolerance = 1.2 * nominal;
  const fy = line(found(rows, form.rows, y, x, tolerance));
  const fx = line(found(columns, form.columns, x, y, tolerance));
  if (!fx || !fy) return null;
  const finalRows = found(rows, form.rows, fy, fx, tolerance);
  const finalColumns = found(columns, form.columns, fx, fy, tolerance);
  const off = (list: [Rule, Rule[]][], a: Axis) => list.flatMap(([f, pieces]) => pieces.map((p) => Math.abs(p.at - (a.scale * f.at + a.offset))));
  const claimed = new Set([...finalRows, ...finalColumns].flatMap(([, pieces]) => pieces));
  const length = (list: Rule[]) => list.reduce((sum, r) => sum + r.to - r.from, 0);
  return {
    fit: { sx: fx.scale, tx: fx.offset, sy: fy.scale, ty: fy.offset },
    rows: finalRows.length / form.rows.length,
    columns: finalColumns.length / form.columns.length,
    own: length([...claimed]) / Math.max(1, length([...rows, ...columns])),
    worst: Math.max(0, ...off(finalRows, fy), ...off(finalColumns, fx)) / nominal,
    foundRows: finalRows.map(([f]) => f),
    foundColumns: finalColumns.map(([f]) => f),
  };
}

/** How closely a page's rules must agree with the form's before any of its prose is left out. */
export const agreeing = (m: RuleMatch) => m.rows >= 0.7 && m.columns >= 0.7 && m.own >= 0.7 && m.worst <= 1;

/** Whether the page shows the form rule at `at` (form points from the top) across `from`–`to`. */
const shows = (list: Rule[], at: number, from: number, to: number) => list.some((r) => Math.abs(r.at - at) < 0.5 && r.from <= from + 0.5 && r.to >= to - 0.5);

/**
 * The form's prose areas on the page, in pixels [x0, y0, x1, y1] from the top left: only those
 * whose own frame, all four sides, was found on the page where the placing puts it.
 */
export function proseOnPage(m: RuleMatch): Box[] {
  const { fit } = m;
  return proseAreas
    .filter(({ frame: [x0, y0, x1, y1] }) => shows(m.foundRows, height - y0, x0, x1) && shows(m.foundRows, height - y1, x0, x1) && shows(m.foundColumns, x0, height - y1, height - y0) && shows(m.foundColumns, x1, height - y1, height - y0))
    .map(({ area: [x0, y0, x1, y1] }) => [fit.sx * x0 + fit.tx, fit.sy * (height - y1) + fit.ty, fit.sx * x1 + fit.tx, fit.sy * (height - y0) + fit.ty]);
}

/** Runs found on a page, as they stand once the page is turned upside down. */
export function turnedRuns(runs: { rows: Run[]; columns: Run[] }, width: number, height: number): { rows: Run[]; columns: Run[] } {
  const turn = (list: Run[], across: number, along: number) => list.map((r) => ({ at: across - 1 - r.at, from: along - 1 - r.to, to: along - 1 - r.from }));
  return { rows: turn(runs.rows, height, width), columns: turn(runs.columns, width, height) };
}

/**
 * The placing of a page by its rules, as it lies or turned upside down (`turned`: the page was fed
 * upside down and is to be turned before it is read); null when its rules agree with the form's
 * neither way.
 */
export function placeByRules(runs: { rows: Run[]; columns: Run[] }, width: number, height: number, dpi: number): { match: RuleMatch; turned: boolean } | null {
  const upright = matchRules(runs, dpi);
  if (upright && agreeing(upright)) return { match: upright, turned: false };
  const over = matchRules(turnedRuns(runs, width, height), dpi);
  return over && agreeing(over) ? { match: over, turned: true } : null;
}

/** Clear the ink of the given pixel areas. */
export function clearAreas(ink: Bitmap, areas: Box[]): void {
  for (const [x0, y0, x1, y1] of areas) {
    const [left, right] = [Math.max(0, Math.round(x0)), Math.min(ink.width - 1, Math.round(x1))];
    if (right < left) continue;
    for (let y = Math.max(0, Math.round(y0)); y <= Math.min(ink.height - 1, Math.round(y1)); y++) ink.data.fill(0, y * ink.width + left, y * ink.width + right + 1);
  }
}
