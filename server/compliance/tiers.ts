import type { LineRequirement, LineRequirements, RequirementSet, Tier } from '../contracts/requirements';
import { normaliseText } from './text';

// Tiers adjust a base requirement set per vendor. Validation guarantees that at most one
// tier matches by trade and at most one by value; when a trade tier and a value tier
// both match, the one listed first wins, so list the stricter tier first.

/** A tier's line settings replace the base's one by one; minimums are merged per limit. */
export function mergeLines(base: LineRequirements, overrides: LineRequirements): LineRequirements {
  const merged: Record<string, LineRequirement> = { ...(base as Record<string, LineRequirement>) };
  for (const [line, over] of Object.entries(overrides) as [string, LineRequirement | undefined][]) {
    if (!over) continue;
    const from = merged[line] ?? {};
    merged[line] = { ...from, ...over, minimums: { ...from.minimums, ...over.minimums } };
  }
  return merged as LineRequirements;
}

export interface TierChoice {
  trade?: string | null;
  commitmentValue?: number | null;
}

function inRange(tier: Tier, value: number): boolean {
  const r = tier.commitmentValue;
  if (!r) return false;
  return value >= (r.min ?? 0) && (r.max === undefined || value < r.max);
}

export function chooseTier(tiers: readonly Tier[], choice: TierChoice): Tier | null {
  const trade = choice.trade ? normaliseText(choice.trade) : null;
  const value = choice.commitmentValue;
  for (const tier of tiers) {
    if (trade && tier.trades?.some((t) => normaliseText(t) === trade)) return tier;
    if (typeof value === 'number' && inRange(tier, value)) return tier;
  }
  return null;
}

/** The set as it applies to one vendor: base lines with the chosen tier merged on. */
export function applyTier(set: RequirementSet, choice: TierChoice): { lines: LineRequirements; tier: Tier | null } {
  const tier = chooseTier(set.tiers ?? [], choice);
  return { lines: tier ? mergeLines(set.lines, tier.lines) : set.lines, tier };
}
