import type { Policy } from '../contracts/extraction';
import type { CompiledLine } from './compile';
import { limitNames, lineNames } from './messages';
import { formatMoney } from './money';
import { findPolicy, followsForm } from './policies';
import { rowPointers } from './rules-reading';
import type { PolicyRef, Run } from './run';

// Limits against minima, with the umbrella making up GL, auto and EL shortfalls when the
// set allows it. The umbrella's own required limits are reserved first: a $5M umbrella
// that the project already demands has nothing left to lend.

const topUpKeys = new Set([
  'eachOccurrence',
  'personalAdvertisingInjury',
  'generalAggregate',
  'productsCompletedOperationsAggregate',
  'combinedSingleLimit',
  'employersLiabilityEachAccident',
  'employersLiabilityDiseaseEachEmployee',
  'employersLiabilityDiseasePolicyLimit',
]);
const aggregateKeys = new Set(['generalAggregate', 'productsCompletedOperationsAggregate', 'employersLiabilityDiseasePolicyLimit']);
const toppedLines = new Set(['general_liability', 'automobile_liability', 'employers_liability']);
const splitAutoKeys = ['bodilyInjuryPerPerson', 'bodilyInjuryPerAccident', 'propertyDamagePerAccident'] as const;
const otherLabelPatterns: Record<string, RegExp> = { eachOccurrence: /each|occurrence|per claim|claim/i, aggregate: /aggreg/i };

interface Found {
  value: number | null | undefined;
  pointer: string;
}

/** Limits printed on the free "other" row come as label/amount pairs. */
function readLimit(ref: PolicyRef, key: string): Found {
  const base = `/policies/${ref.index}/limits`;
  const own = (ref.policy.limits as Record<string, unknown>)[key];
  if (typeof own === 'number' || ref.policy.line !== 'other') {
    return { value: typeof own === 'number' ? own : null, pointer: `${base}/${key}` };
  }
  const pattern = otherLabelPatterns[key];
  const others = ref.policy.limits.other ?? [];
  const j = pattern ? others.findIndex((o) => pattern.test(o.label)) : -1;
  if (j < 0) return { value: null, pointer: `${base}/${key}` };
  return { value: others[j]?.amount ?? null, pointer: `${base}/other/${j}/amount` };
}

/** Not covered: why not, and the umbrella's values that say so (they decide the shortfall too). */
type TopUp = { covered: true } | { covered: false; why: string | null; deciding: string[] } | { covered: 'unsure' };

function overlaps(a: Policy, b: Policy): boolean {
  if (!a.effectiveDate || !a.expirationDate || !b.effectiveDate || !b.expirationDate) return false;
  return a.effectiveDate < b.expirationDate && b.effectiveDate < a.expirationDate;
}

function tryTopUp(run: Run, c: CompiledLine, key: string, shortfall: number, under: PolicyRef): TopUp {
  if (!run.req.mayTopUp || !toppedLines.has(c.line) || !topUpKeys.has(key)) return { covered: false, why: null, deciding: [] };
  const umb = findPolicy(run, 'umbrella_liability');
  // No umbrella row to make it up: as doubtful as any missing line.
  if (!umb) return { covered: false, why: null, deciding: ['/policies', ...rowPointers(run)] };
  const u = umb.policy;
  const row = `/policies/${umb.index}`;
  if (!followsForm(run, u)) {
    return { covered: false, why: 'the umbrella is not shown to follow form', deciding: ['/descriptionOfOperations', `${row}/description`] };
  }
  if (!overlaps(u, under.policy) || (u.expirationDate ?? '') <= run.ctx.today) {
    const dates = (r: string) => [`${r}/effectiveDate`, `${r}/expirationDate`];
    return { covered: false, why: 'the umbrella does not cover the same period', deciding: [...dates(row), ...dates(`/policies/${under.index}`)] };
  }
  const uKey = aggregateKeys.has(key) && typeof u.limits.aggregate === 'number' ? 'aggregate' : 'eachOccurrence';
  const pointer = `/policies/${umb.index}/limits/${uKey}`;
  const amount = u.limits[uKey];
  if (!run.trusted(amount, pointer, 'umbrella_liability', `Umbrella ${limitNames[uKey]}`)) return { covered: 'unsure' };
  const reserved = run.req.byLine.umbrella_liability?.req.minimums?.[uKey] ?? 0;
  const spare = (amount ?? 0) - reserved;
  if (spare >= shortfall) return { covered: true };
  const why = spare > 0 ? `the umbrella has only ${formatMoney(spare)} to spare` : 'the umbrella has no limit to spare';
  return { covered: false, why, deciding: [pointer] };
}

function autoSplitInstead(run: Run, c: CompiledLine, ref: PolicyRef, key: string): boolean {
  if (c.line !== 'automobile_liability' || key !== 'combinedSingleLimit') return false;
  if (!splitAutoKeys.some((k) => typeof ref.policy.limits[k] === 'number')) return false;
  run.review(
    'auto_split_limits',
    c.line,
    `/policies/${ref.index}/limits`,
    `Automobile liability shows split limits instead of a combined single limit; compare them with the required ${formatMoney(c.req.minimums?.[key] ?? 0)} by hand.`,
  );
  return true;
}

export function checkLimits(run: Run, c: CompiledLine, ref: PolicyRef): void {
  const name = lineNames[c.line];
  for (const [key, minimum] of c.minimums) {
    const found = readLimit(ref, key);
    const limitName = c.line === 'professional_liability' && key === 'eachOccurrence' ? 'each claim' : limitNames[key];
    const what = `${name} ${limitName ?? key}`;
    if ((found.value === null || found.value === undefined) && autoSplitInstead(run, c, ref, key)) continue;
    if (!run.trusted(found.value, found.pointer, c.line, what)) continue;
    const value = found.value ?? 0;
    if (value >= minimum) continue;
    const top = tryTopUp(run, c, key, minimum - value, ref);
    if (top.covered === true || top.covered === 'unsure') continue;
    const why = top.why ? ` (${top.why})` : '';
    run.deficiency(
      'limit_below_minimum',
      c.line,
      found.pointer,
      minimum,
      value,
      `${what} is ${formatMoney(value)}; this project requires ${formatMoney(minimum)}${why}.`,
      top.deciding,
    );
  }
}
