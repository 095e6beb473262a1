import type { Policy } from '../contracts/extraction';
import { readLimits } from './limits';
import { CHECKED, type PageView } from './page';
import { Provenance } from './provenance';
import { collapse, identifier, parseDate, parseMoney } from './values';
import { boxOf, centerX, centerY, findAll, findFirst, groupLines, within, type Line, type Match, type Word } from './words';

export type RowKind = 'general_liability' | 'automobile_liability' | 'umbrella' | 'workers_compensation' | 'other';

export interface Columns {
  top: number;
  letter: number;
  typeLeft: number;
  typeRight: number;
  addl: number;
  subr: number;
  numberLeft: number;
  eff: number;
  exp: number;
  effLeft: number;
  limitsLeft: number;
  lineHeight: number;
}

interface Row {
  words: Word[];
  typeLines: Line[];
  cols: Columns;
  view: PageView;
  prov: Provenance;
}

interface Check {
  value: boolean;
  confidence: number;
}

function checkbox(row: Row, label: Match | null): Check | null {
  if (!label) return null;
  const h = label.box[3] - label.box[1];
  const score = row.view.probe([label.box[0] - 2.4 * h, label.box[1] - 0.3 * h, label.box[0] - 0.1 * h, label.box[3] + 0.3 * h]);
  return { value: score >= CHECKED, confidence: Math.min(1, 0.55 + Math.abs(score - CHECKED)) };
}

/** One of several boxes: the checked one, with lower confidence when none or several are. */
function choose<T extends string>(row: Row, options: [T, RegExp][], pointer: string): T | null {
  const checks = options.map(([value, pattern]) => {
    const label = findFirst(row.typeLines, pattern);
    return { value, label, check: checkbox(row, label) };
  });
  const on = checks.filter((c) => c.check?.value);
  const chosen = on.length === 1 ? on[0]! : null;
  const located = checks.find((c) => c.label);
  if (chosen?.label) {
    const conf = Math.min(...checks.map((c) => c.check?.confidence ?? 1));
    row.prov.box(pointer, chosen.label.words[0]!.page, chosen.label.box, conf * Math.min(...chosen.label.words.map((w) => w.conf)));
  } else if (located?.label) {
    row.prov.box(pointer, located.label.words[0]!.page, located.label.box, on.length > 1 ? 0.4 : 0.6);
  }
  return chosen ? chosen.value : null;
}

function flagColumn(row: Row, center: number, pointer: string): boolean {
  const half = 0.9 * row.cols.lineHeight + 4;
  const words = row.words.filter((w) => Math.abs(centerX(w) - center) < half && w.text.trim() !== '');
  const top = groupLines(words)[0];
  if (!top) return false;
  const text = top.text.replace(/\s/g, '').toUpperCase();
  // OCR may read the box edge or a speck as a letter before the mark ("bY", "OY").
  const yes = /^[a-zO0|.'`[(]?[YX✔✖✓]$|^YES$/i.test(text);
  const known = yes || /^(N|NO|N\/A|NA)$/.test(text);
  row.prov.words(pointer, top.words, known ? 1 : 0.5);
  return yes;
}

const twoDates = /^(.*?\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\W?)$/;

/** Two dates OCR read as one word (narrow columns): two words, the box split by characters. */
function splitDates(w: Word): Word[] {
  const m = twoDates.exec(w.text);
  if (!m) return [w];
  const at = w.x0 + ((w.x1 - w.x0) * m[1]!.length) / w.text.length;
  return [
    { ...w, text: m[1]!, x1: at },
    { ...w, text: m[2]!, x0: at },
  ];
}

/** The words of a row's effective and expiration date columns. */
function dateWords(words: Word[], cols: Columns): { eff: Word[]; exp: Word[] } {
  // Two dates OCR glued into one word are the effective and expiration dates; the word's box may
  // run on into the limits, so only where it starts matters.
  const glued = words.map(splitDates).find((parts) => parts.length === 2 && parts[0]!.x0 > cols.numberLeft && parts[0]!.x0 < cols.exp);
  if (glued) return { eff: [glued[0]!], exp: [glued[1]!] };
  const nearEff = (w: Word) => Math.abs(centerX(w) - cols.eff) <= Math.abs(centerX(w) - cols.exp);
  const withDigits = words.filter((w) => centerX(w) > cols.numberLeft && centerX(w) < cols.limitsLeft && /\d/.test(w.text));
  const eff = withDigits.filter(nearEff);
  const exp = withDigits.filter((w) => !nearEff(w));
  // Two dates on one side and none on the other (the columns sit off their headings): the left
  // one is the effective date.
  const dated = (ws: Word[]) => ws.filter((w) => parseDate(w.text)).sort((a, b) => a.x0 - b.x0);
  const [first, second] = dated(eff.length ? eff : exp);
  const oneSided = first && second && dated(eff.length ? exp : eff).length === 0 && Math.abs(centerY(first) - centerY(second)) < 0.5 * cols.lineHeight;
  return oneSided ? { eff: [first], exp: [second] } : { eff, exp };
}

function basics(row: Row, line: Policy['line']): Policy {
  const { cols, words, prov } = row;
  // OCR may read a lone letter twice or in lower case ("Cc").
  const letterOf = (w: Word) => /^([A-F])\1?$/i.exec(w.text)?.[1]?.toUpperCase();
  const letters = words.filter((w) => letterOf(w) && Math.abs(centerX(w) - cols.letter) < cols.lineHeight + 6);
  const letter = letters.sort((a, b) => b.y1 - a.y1)[0];
  if (letter) prov.words('/insurerLetter', [letter]);
  const { eff, exp } = dateWords(words, cols);
  // A date is one word, or (OCR split it at a slash) the pieces on one line of its column.
  const pick = (ws: Word[], pointer: string) => {
    const single = ws.filter((w) => parseDate(w.text)).sort((a, b) => b.y1 - a.y1)[0];
    const found = single ? [single] : groupLines(ws).find((l) => parseDate(l.words.map((w) => w.text).join('')))?.words;
    if (found) prov.words(pointer, found);
    return found ? parseDate(found.map((w) => w.text).join('')) : null;
  };
  const numberWords = words.filter((w) => centerX(w) > cols.numberLeft && centerX(w) < cols.effLeft && !parseDate(w.text));
  const numberLine = groupLines(numberWords)[0];
  if (numberLine) prov.words('/policyNumber', numberLine.words);
  return {
    line,
    insurerLetter: letter ? (letterOf(letter) as Policy['insurerLetter']) : null,
    policyNumber: numberLine ? identifier(numberLine.text, row.view.ocr) : null,
    effectiveDate: pick(eff, '/effectiveDate'),
    expirationDate: pick(exp, '/expirationDate'),
    additionalInsured: flagColumn(row, cols.addl, '/additionalInsured'),
    subrogationWaived: flagColumn(row, cols.subr, '/subrogationWaived'),
    limits: {},
  };
}

function readGeneral(row: Row, p: Policy): void {
  p.basis = choose<NonNullable<Policy['basis']>>(row, [['claims_made', /CLAIMS-?\s?MADE/], ['occurrence', /\bOCCUR\b/]], '/basis');
  p.aggregateAppliesPer = choose<NonNullable<Policy['aggregateAppliesPer']>>(
    row,
    [['policy', /\bPOLICY\b/], ['project', /PRO-?\s?JECT/], ['location', /\bLOC\b/], ['other', /\bOTHER\s?:/]],
    '/aggregateAppliesPer',
  );
}

const autoBoxes: [NonNullable<Policy['autoSymbols']>[number], RegExp][] = [
  ['any_auto', /ANY AUTO\b/],
  ['owned_autos', /(?<!NON-?\s?)(?:ALL )?OWNED AUTOS/],
  // The first word of each of these names only one box, so OCR may garble the "AUTOS".
  ['scheduled_autos', /SCHEDULED\b/],
  ['hired_autos', /\bHIRED\b/],
  ['non_owned_autos', /NON-?\s?OWNED\b/],
];

function readAuto(row: Row, p: Policy): void {
  const symbols: NonNullable<Policy['autoSymbols']> = [];
  const boxes: Word[] = [];
  let confidence = 1;
  for (const [symbol, pattern] of autoBoxes) {
    const label = findFirst(row.typeLines, pattern);
    const check = checkbox(row, label);
    if (!check || !label) continue;
    boxes.push(...label.words);
    confidence = Math.min(confidence, check.confidence);
    if (check.value) symbols.push(symbol);
  }
  p.autoSymbols = symbols;
  if (boxes.length) row.prov.box('/autoSymbols', boxes[0]!.page, boxOf(boxes), confidence);
}

function readUmbrella(row: Row, p: Policy): void {
  const kind = choose<'umbrella_liability' | 'excess_liability'>(row, [['umbrella_liability', /UMBRELLA LIAB/], ['excess_liability', /EXCESS LIAB/]], '/line');
  p.line = kind ?? 'umbrella_liability';
  p.basis = choose<NonNullable<Policy['basis']>>(row, [['occurrence', /\bOCCUR\b/], ['claims_made', /CLAIMS-?\s?MADE/]], '/basis');
  const retention = findFirst(row.typeLines, /RETENTION\s?\$?/);
  const deductible = findFirst(row.typeLines, /\bDED\b/);
  // OCR may stretch the label's box over the amount it did not read as part of it.
  const rightOfLabel = (w: Word, m: Match) =>
    !m.words.includes(w) && (w.x0 >= m.box[2] - 1 || (/\d/.test(w.text) && centerX(w) > (m.box[0] + m.box[2]) / 2));
  const amountWords = retention
    ? row.words.filter((w) => rightOfLabel(w, retention) && centerX(w) < row.cols.typeRight + 6)
        .filter((w) => Math.abs(centerY(w) - centerY({ y0: retention.box[1], y1: retention.box[3] })) < 0.6 * row.cols.lineHeight)
    : [];
  // OCR reads the "$" before the amount as a word of its own, often as 5 or S.
  const dollar = row.view.ocr ? /^(?:S?\$|S|5)\s+(?=\d)|^\$\s*/ : /^\$\s*/;
  const amount = parseMoney(amountWords.map((w) => w.text).join(' ').replace(dollar, ''));
  const isRetention = checkbox(row, retention);
  const isDeductible = checkbox(row, deductible);
  const kindChecked = isRetention?.value ? 'retention' : isDeductible?.value ? 'deductible' : undefined;
  if (amount === null && !kindChecked) {
    p.retentionOrDeductible = null;
    return;
  }
  p.retentionOrDeductible = { ...(kindChecked ? { kind: kindChecked } : {}), amount };
  if (amountWords.length) row.prov.words('/retentionOrDeductible/amount', amountWords);
}

function readWorkers(row: Row, p: Policy): void {
  const limitLines = groupLines(within(row.words, { x0: row.cols.limitsLeft }));
  const statute = checkbox(row, findFirst(limitLines, /PER\s?STATUTE|STATUTE/));
  p.statutory = statute ? statute.value : null;
  const yn = findAll(row.typeLines, /\bY\s?[/|Il1]?\s?N\b/)[0];
  // The answer in its box; OCR may add a stroke of the box to the letter ("nN", "|N").
  const letter = (w: Word) => /^[^A-Za-z]*[a-z|]?([YN])[^A-Za-z]*$/i.exec(w.text)?.[1];
  // Without a legible Y/N heading, the answer box is the one lone letter in the right half of
  // the type column, beside the PROPRIETOR/OFFICER question.
  const { typeLeft, typeRight } = row.cols;
  const question = yn ? null : findFirst(row.typeLines, /PROPRIETOR|OFFICER/);
  const inColumn = yn
    ? (w: Word) => centerX(w) > yn.box[0] - 6 && centerX(w) < yn.box[2] + 6 && w.y1 < yn.box[1] + 1
    : (w: Word) => Boolean(question) && w.text.length === 1 && centerX(w) > (typeLeft + typeRight) / 2 && centerX(w) < typeRight && w.y1 < question!.box[3] + 2;
  const answer = row.words
    .filter((w) => w.text.length <= 3 && letter(w) && !yn?.words.includes(w) && inColumn(w))
    .sort((a, b) => b.y1 - a.y1)[0];
  p.excludedOfficers = answer ? letter(answer)!.toUpperCase() === 'Y' : null;
  if (answer) row.prov.words('/excludedOfficers', [answer]);
}

export function readRow(kind: RowKind, words: Word[], cols: Columns, view: PageView, prov: Provenance): Policy | null {
  const typeWords = within(words, { x0: cols.typeLeft, x1: cols.typeRight });
  const row: Row = { words, typeLines: groupLines(typeWords), cols, view, prov };
  const line: Policy['line'] = kind === 'umbrella' ? 'umbrella_liability' : kind;
  const policy = basics(row, line);
  if (kind === 'other') {
    const first = row.typeLines[0];
    policy.description = first ? collapse(first.text) : null;
    if (first) prov.words('/description', first.words);
  }
  if (kind === 'general_liability') readGeneral(row, policy);
  if (kind === 'automobile_liability') readAuto(row, policy);
  if (kind === 'umbrella') readUmbrella(row, policy);
  if (kind === 'workers_compensation') readWorkers(row, policy);
  policy.limits = readLimits(kind === 'umbrella' ? 'umbrella' : kind, words, cols, prov);
  const hasLimit = Object.values(policy.limits).some((v) => v !== null && v !== undefined);
  if (!policy.policyNumber && !policy.effectiveDate && !policy.expirationDate && !hasLimit) return null;
  return policy;
}
