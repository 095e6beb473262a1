import type { Policy } from '../contracts/extraction';
import type { Anchors } from './header';
import type { PageView } from './page';
import { Provenance } from './provenance';
import { readRow, type Columns, type RowKind } from './rows';
import { findAll, findFirst, groupLines, within, type Line, type Match } from './words';

interface RowAnchor {
  kind: RowKind;
  top: number;
}

/** The last word of a line that lies between two x positions, as a match. */
function wordBetween(line: Line, left: number, right: number): Match | null {
  const word = line.words.filter((w) => w.x0 > left && w.x1 <= right).pop();
  return word ? { words: [word], box: [word.x0, word.y0, word.x1, word.y1], line, groups: [] } : null;
}

function headerColumns(view: PageView, a: Anchors): Columns | null {
  // OCR can set "TYPE" or "INS" a little off its line; either half still names the column. The
  // form's title says "OF ... INSURANCE" too, and OCR may drop the word between.
  const type = findAll(a.lines, /TYPE OF INSURANCE|\bOF INSURANCE\b|\bTYPE OF\b|\bTYPE \w{1,2} INSURANCE\b/).find(
    (m) => !/CERTIFICATE/i.test(m.line.text),
  );
  if (!type) return null;
  const band = within(view.words, { y0: type.box[1] - 3 * a.lineHeight, y1: type.box[3] + 3 * a.lineHeight });
  const lines = groupLines(band);
  // Each two-word heading falls back to its distinctive word: OCR may put the words of one
  // heading on neighbouring lines.
  const pick = (...ps: RegExp[]): Match | null => ps.map((p) => findFirst(lines, p)).find(Boolean) ?? null;
  const ltr = pick(/\bINSR\b|\bLTR\b/);
  const subr = pick(/\bSUBR\b|\bWVD\b/);
  // The headings run INSR, ADDL, SUBR: a garbled ADDL is the word just before SUBR.
  const addl = pick(/\bADDL\b|\bINSD\b/) ?? (subr && ltr ? wordBetween(subr.line, ltr.box[2], subr.box[0]) : null);
  const number = pick(/POLICY NUMBER/, /(?<!CERTIFICATE |REVISION )\bNUMBER\b/);
  // Without a legible EFF or EXP, the two date-format subheadings stand for them, left to right.
  const formats = findAll(lines, /\(?MM\W{0,2}D[A-Z]{0,2}\W{0,2}YY/).sort((x, y) => x.box[0] - y.box[0]);
  const dated = formats.length === 2 ? formats : [];
  // Or the two "POLICY E.." headings themselves, left to right, when OCR garbled EFF or EXP.
  const policyE = findAll(lines, /\bPOLICY E[A-Z]{1,2}\b/).sort((x, y) => x.box[0] - y.box[0]);
  const headed = policyE.length === 2 ? policyE : [];
  const eff = pick(/POLICY EFF/, /\bEFF\b/) ?? dated[0] ?? headed[0] ?? null;
  const exp = pick(/POLICY EXP/, /\bEXP\b/) ?? dated[1] ?? headed[1] ?? null;
  const limits = pick(/\bLIMITS\b/);
  if (!ltr || !addl || !subr || !number || !eff || !exp || !limits) return null;
  const headerBottom = Math.min(...[type, addl, subr, number, eff, exp].map((m) => m.box[1]));
  const cx = (m: Match) => (m.box[0] + m.box[2]) / 2;
  return {
    top: headerBottom - 0.2 * a.lineHeight,
    letter: cx(ltr),
    typeLeft: ltr.box[2] - 1,
    typeRight: addl.box[0] - 1,
    addl: cx(addl),
    subr: cx(subr),
    numberLeft: subr.box[2] + 1,
    eff: cx(eff),
    exp: cx(exp),
    effLeft: eff.box[0] - 2,
    limitsLeft: exp.box[2] + 1,
    lineHeight: a.lineHeight,
  };
}

const wcRowText =
  /EMPLOYERS|EMPL\w?\s?\w?YERS|^\W*AND EMPL|PROPRIETOR|PARTNER|EXECUTIVE|\bOFFICER\b|\bMEMBER\b|EXCLUDED|MANDATORY|\bNH\b|IF YES|DESCRIBE|DESCRIPTION OF OPERATIONS|OPERATIONS below|^[YN]$|\bY\s?[/|Il1]\s?N\b|^\W*$/i;

function rowAnchors(view: PageView, cols: Columns, bottom: number): RowAnchor[] {
  const typeWords = within(view.words, { x0: cols.typeLeft, x1: cols.typeRight, y1: cols.top, y0: bottom });
  const lines = groupLines(typeWords);
  const first = (p: RegExp) => findFirst(lines, p);
  const found: RowAnchor[] = [];
  const add = (kind: RowKind, m: Match | null) => m && found.push({ kind, top: m.box[3] });
  add('general_liability', first(/GENERAL LIABILITY|COMMERCIAL GENERAL/));
  add('automobile_liability', first(/AUTOMOBILE\b|AUTO LIABILITY/));
  // Only the umbrella rows say "LIAB" alone, so that word anchors them even when OCR garbles
  // "UMBRELLA".
  const umbrella = findAll(lines, /UMBRELLA|EXCESS LIAB|\bLIAB\b/);
  if (umbrella.length) found.push({ kind: 'umbrella', top: Math.max(...umbrella.map((m) => m.box[3])) });
  // OCR may split a two-word row title across lines, so either word alone anchors the row.
  // When OCR garbles the title line, the second line ("AND EMPLOYERS' LIABILITY") still marks
  // the row, one line lower.
  const employers = first(/EMPLOYERS.{0,3}LIAB/);
  const wc = first(/WORKERS COMP|\bWORKERS\b|COMPENSATION/);
  add('workers_compensation', wc);
  if (!wc && employers) found.push({ kind: 'workers_compensation', top: employers.box[3] + 1.2 * (employers.box[3] - employers.box[1]) + 1 });
  const lastKnown = Math.min(...found.map((f) => f.top), Infinity);
  const other = otherRowLine(lines, wc, lastKnown, found.length > 0);
  if (other) found.push({ kind: 'other', top: other.box[3] });
  return found.sort((x, y) => y.top - x.top);
}

/** The free "other" row: the first type-column line below the known rows' own labels. */
function otherRowLine(lines: Line[], wc: Match | null, lastKnownTop: number, any: boolean): Line | null {
  if (!any) return null;
  const start = wc ? wc.box[1] : lastKnownTop;
  const candidates = lines.filter((l) => l.box[3] < start && !wcRowText.test(l.text) && /[A-Za-z]{3}/.test(l.text));
  if (!wc) return null;
  return candidates[0] ?? null;
}

export function readGrid(view: PageView, a: Anchors, prov: Provenance): Policy[] {
  const cols = headerColumns(view, a);
  if (!cols) return [];
  const bottom = a.description ? a.description.box[3] + 0.3 * a.lineHeight : a.footerTop;
  const anchors = rowAnchors(view, cols, bottom);
  const policies: Policy[] = [];
  anchors.forEach((anchor, i) => {
    const top = anchor.top + 0.6 * a.lineHeight;
    const next = anchors[i + 1];
    const rowBottom = next ? next.top + 0.6 * a.lineHeight : bottom;
    const words = within(view.words, { y1: top, y0: rowBottom });
    const rowProv = new Provenance();
    const policy = readRow(anchor.kind, words, cols, view, rowProv);
    if (!policy) return;
    prov.merge(rowProv, `/policies/${policies.length}`);
    policies.push(policy);
  });
  return policies;
}
