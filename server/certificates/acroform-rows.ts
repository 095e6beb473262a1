import type { Policy } from '../contracts/extraction';
import type { RowBag } from './acroform';

type Bag = RowBag & Record<string, unknown>;

function oneOf<T extends string>(group: unknown, options: T[]): T | null {
  const on = options.filter((o) => (group as Record<string, boolean> | undefined)?.[o]);
  return on.length === 1 ? on[0]! : null;
}

/** Assemble one coverage row from its field values; null when the row is empty. */
export function rowToPolicy(line: Policy['line'] | 'umbrella', raw: RowBag, extra: { label: string; amount: number | null }[]): Policy | null {
  const bag = raw as Bag;
  const limits: Policy['limits'] = { ...(bag.limits as Policy['limits']) };
  const otherLabel = (bag.otherLabel as Record<string, string> | undefined)?.['0'];
  const otherAmount = (bag.otherAmount as Record<string, number> | undefined)?.['0'];
  const others = [...extra.filter((e) => e.label || e.amount !== null)];
  if (otherLabel || otherAmount !== undefined) others.push({ label: otherLabel ?? '', amount: otherAmount ?? null });
  if (others.length) limits.other = others;
  const hasLimit = Object.values(limits).some((v) => v !== null && v !== undefined);
  if (!bag.policyNumber && !bag.effectiveDate && !bag.expirationDate && !hasLimit) return null;
  const policy: Policy = {
    line: line === 'umbrella' ? (bag.excess && !bag.umbrella ? 'excess_liability' : 'umbrella_liability') : line,
    insurerLetter: (bag.insurerLetter as Policy['insurerLetter']) ?? null,
    policyNumber: (bag.policyNumber as string) ?? null,
    effectiveDate: (bag.effectiveDate as string) ?? null,
    expirationDate: (bag.expirationDate as string) ?? null,
    additionalInsured: bag.additionalInsured === true,
    subrogationWaived: bag.subrogationWaived === true,
    limits,
  };
  if (line === 'other') policy.description = (bag.description as string) ?? null;
  if (line === 'general_liability' || line === 'umbrella') policy.basis = oneOf<NonNullable<Policy['basis']>>(bag.basis, ['occurrence', 'claims_made']);
  if (line === 'general_liability') policy.aggregateAppliesPer = oneOf<NonNullable<Policy['aggregateAppliesPer']>>(bag.per, ['policy', 'project', 'location', 'other']);
  if (line === 'automobile_liability') {
    const auto = (bag.auto ?? {}) as Record<string, boolean>;
    policy.autoSymbols = (['any_auto', 'owned_autos', 'scheduled_autos', 'hired_autos', 'non_owned_autos'] as const).filter((s) => auto[s]);
  }
  if (line === 'umbrella') {
    const kind = oneOf<'retention' | 'deductible'>(bag.kind, ['retention', 'deductible']);
    const amount = (bag.retentionAmount as number | undefined) ?? null;
    policy.retentionOrDeductible = kind || amount !== null ? { ...(kind ? { kind } : {}), amount } : null;
  }
  if (line === 'workers_compensation') {
    policy.statutory = bag.statutory === true;
    policy.excludedOfficers = (bag.excludedOfficers as boolean | undefined) ?? null;
  }
  return policy;
}
