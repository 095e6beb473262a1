import type { Limits, LimitKey } from '../contracts/extraction';
import type { Provenance } from './provenance';
import type { Columns, RowKind } from './rows';
import { parseMoney, similarity } from './values';
import { boxOf, centerY, groupLines, minConf, within, type Box, type Word } from './words';

// The printed wording of each label, for OCR text that no pattern recognises.
const printed: Partial<Record<LimitKey, string>> = {
  eachOccurrence: 'EACH OCCURRENCE',
  damageToRentedPremises: 'DAMAGE TO RENTED PREMISES (Ea occurrence)',
  medicalExpense: 'MED EXP (Any one person)',
  personalAdvertisingInjury: 'PERSONAL & ADV INJURY',
  generalAggregate: 'GENERAL AGGREGATE',
  productsCompletedOperationsAggregate: 'PRODUCTS - COMP/OP AGG',
  combinedSingleLimit: 'COMBINED SINGLE LIMIT (Ea accident)',
  bodilyInjuryPerPerson: 'BODILY INJURY (Per person)',
  bodilyInjuryPerAccident: 'BODILY INJURY (Per accident)',
  propertyDamagePerAccident: 'PROPERTY DAMAGE (Per accident)',
  aggregate: 'AGGREGATE',
  employersLiabilityEachAccident: 'E.L. EACH ACCIDENT',
  employersLiabilityDiseaseEachEmployee: 'E.L. DISEASE - EA EMPLOYEE',
  employersLiabilityDiseasePolicyLimit: 'E.L. DISEASE - POLICY LIMIT',
};

/** The limit a label names: by pattern, else by the closest printed wording. */
function keyFor(text: string, known: [LimitKey, RegExp][]): { key: LimitKey; sure: boolean } | null {
  const exact = known.find(([, pattern]) => pattern.test(text));
  if (exact) return { key: exact[0], sure: true };
  let best: { key: LimitKey; score: number } | null = null;
  for (const [key] of known) {
    const score = similarity(text, printed[key] ?? '');
    if (!best || score > best.score) best = { key, score };
  }
  return best && best.score >= 0.55 ? { key: best.key, sure: false } : null;
}

const labels: Record<Exclude<RowKind, 'other'>, [LimitKey, RegExp][]> = {
  general_liability: [
    ['eachOccurrence', /EACH OCCURRENCE/i],
    ['damageToRentedPremises', /RENTED|PREMISES|FIRE DAMAGE/i],
    ['medicalExpense', /MED\.?\s?EXP/i],
    ['personalAdvertisingInjury', /PERSONAL|ADV\.? INJURY/i],
    ['generalAggregate', /GENERAL AGGREGATE|GEN'?L AGG/i],
    ['productsCompletedOperationsAggregate', /PRODUCTS|COMP\/OP/i],
  ],
  automobile_liability: [
    ['combinedSingleLimit', /COMBINED|SINGLE LIMIT/i],
    ['bodilyInjuryPerPerson', /BODILY INJURY.*PERSON/i],
    ['bodilyInjuryPerAccident', /BODILY INJURY.*ACCIDENT/i],
    ['propertyDamagePerAccident', /PROPERTY DAMAGE/i],
  ],
  umbrella: [
    ['eachOccurrence', /EACH OCCURRENCE/i],
    ['aggregate', /AGGREGATE/i],
  ],
  workers_compensation: [
    ['employersLiabilityEachAccident', /EACH ACCIDENT/i],
    ['employersLiabilityDiseaseEachEmployee', /EA(?:CH)? EMPLOYEE|DISEASE\W{0,3}EMPLOYEE/i],
    ['employersLiabilityDiseasePolicyLimit', /POLICY LIMIT|DISEASE\W{0,3}POLICY/i],
  ],
};

const notALimit = /PER\s?STATUTE|OTH-?\s?ER|^\$?$/i;

const zip = <A, B>(xs: A[], ys: B[]): [A, B][] => xs.map((x, i) => [x, ys[i]!]);

interface Item {
  text: string;
  words: Word[];
  box: Box;
}

interface Amount extends Item {
  value: number;
  fallback: boolean;
}

/**
 * OCR reads a "$" as 5 or S often enough to matter. Where the column's other amounts keep their
 * "$", an amount without one that starts with 5 or S and is a well-formed amount without that
 * first glyph is read without it.
 */
function dollarSign(raw: string, column: string[]): string {
  const text = raw.trim();
  if (text.includes('$') || !/^[5S]/.test(text) || !column.some((c) => /^\s*\$/.test(c))) return raw;
  const rest = text.slice(1);
  return /^[1-9]\d{0,2}(,\d{3})+$/.test(rest) ? rest : raw;
}

/** Split each line of the limits column into a label part and an amount part. */
function splitLines(words: Word[]): { labels: Item[]; amounts: Amount[] } {
  const labelsOut: Item[] = [];
  const amounts: Amount[] = [];
  const lines = groupLines(words);
  const column = lines.map((l) => {
    const start = l.words.findIndex((w) => /^\$|^\d/.test(w.text));
    return start < 0 ? '' : l.words.slice(start).map((w) => w.text).join(' ');
  });
  for (const line of lines) {
    const start = line.words.findIndex((w) => /^\$|^\d/.test(w.text));
    const labelWords = start < 0 ? line.words : line.words.slice(0, start);
    const amountWords = start < 0 ? [] : line.words.slice(start);
    const text = labelWords.map((w) => w.text).join(' ').trim();
    if (labelWords.length && !notALimit.test(text)) labelsOut.push({ text, words: labelWords, box: boxOf(labelWords) });
    const raw = dollarSign(amountWords.map((w) => w.text).join(' '), column);
    const value = parseMoney(raw);
    // A lone digit OCR made of a bracket or speck after a label is not an amount; limits print
    // with a $ or run to hundreds at least.
    if (value !== null && amountWords.length && (value >= 100 || raw.includes('$'))) {
      const fallback = /[MK]\b/i.test(raw) || !/[,]/.test(raw);
      amounts.push({ text: raw, words: amountWords, box: boxOf(amountWords), value, fallback });
    }
  }
  return { labels: labelsOut, amounts };
}

/** Pair amounts with labels, nearest first, so a value printed off its baseline still finds its label. */
function pair(labelItems: Item[], amounts: Amount[], lineHeight: number, named: (l: Item) => boolean) {
  const candidates: { l: Item; a: Amount; d: number; rank: number }[] = [];
  for (const l of labelItems)
    for (const a of amounts) {
      const d = Math.abs(centerY({ y0: l.box[1], y1: l.box[3] }) - centerY({ y0: a.box[1], y1: a.box[3] }));
      // A fragment of a label OCR broke onto the amount's line ("DISEASE") yields to a named
      // label just above or below that has no amount of its own.
      if (a.box[0] > l.box[0] && d < 1.3 * lineHeight) candidates.push({ l, a, d, rank: d + (named(l) ? 0 : 0.5 * lineHeight) });
    }
  candidates.sort((x, y) => x.rank - y.rank);
  const used = new Set<object>();
  const out: typeof candidates = [];
  for (const c of candidates) {
    if (used.has(c.l) || used.has(c.a)) continue;
    used.add(c.l);
    used.add(c.a);
    out.push(c);
  }
  return out.sort((x, y) => y.l.box[3] - x.l.box[3]);
}

type Found = { key: LimitKey; sure: boolean } | null;

/**
 * Labels no wording matched (small print a scan blurred), named by their place: the form prints
 * each section's labels in a fixed order, so a run of unknown labels between two known ones is
 * the labels the form has between them, when the counts agree.
 */
function byOrder(items: Item[], found: Found[], known: [LimitKey, RegExp][]): Found[] {
  const order = known.map(([key]) => key);
  const taken = new Set(found.flatMap((f) => (f ? [f.key] : [])));
  const out = [...found];
  let i = 0;
  while (i < items.length) {
    if (out[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < items.length && !out[j]) j++;
    const before = i > 0 ? order.indexOf(out[i - 1]!.key) : -1;
    const after = j < items.length ? order.indexOf(out[j]!.key) : order.length;
    // Agency systems may print the section in two blocks, the second half first; a run that
    // ends at such a wrap holds the labels that close the printed order.
    const end = after > before ? after : order.length;
    const missing = order.slice(before + 1, end).filter((k) => !taken.has(k));
    if (missing.length === j - i) missing.forEach((key, k) => (out[i + k] = { key, sure: false }));
    i = j;
  }
  return out;
}

export function readLimits(kind: RowKind, words: Word[], cols: Columns, prov: Provenance): Limits {
  const { labels: labelItems, amounts } = splitLines(within(words, { x0: cols.limitsLeft }));
  const limits: Limits = {};
  const other: NonNullable<Limits['other']> = [];
  const known = kind === 'other' ? [] : labels[kind];
  const sorted = [...labelItems].sort((x, y) => y.box[3] - x.box[3]);
  const keys = new Map(zip(sorted, byOrder(sorted, sorted.map((l) => keyFor(l.text, known)), known)));
  for (const { l, a, d } of pair(labelItems, amounts, cols.lineHeight, (l) => Boolean(keys.get(l)))) {
    const offLine = d > 0.35 * (l.box[3] - l.box[1]) ? 0.75 : 1;
    const factor = offLine * (a.fallback ? 0.9 : 1) * Math.min(1, minConf(l.words) + 0.2);
    const found = keys.get(l);
    const key = found?.key;
    if (key && limits[key] === undefined) {
      limits[key] = a.value;
      prov.words(`/limits/${key}`, a.words, factor * (found.sure ? 1 : 0.8));
    } else {
      prov.words(`/limits/other/${other.length}`, a.words, factor);
      other.push({ label: l.text.replace(/[\s.,:;$]+$/, ''), amount: a.value });
    }
  }
  if (other.length) limits.other = other;
  return limits;
}
