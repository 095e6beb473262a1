import { requirementLines, type LineRequirement, type RequirementLine, type RequirementSet } from '../contracts/requirements';
import { andList, lineNames, limitNames, orList, symbolNames } from './messages';
import { formatMoney } from './money';
import { applyTier, type TierChoice } from './tiers';

// What a subcontractor is told to send: the requirement set in force for them (their tier
// applied), one plain sentence per line and per certificate-wide rule. Every item is a
// requirement the evaluator checks; nothing is worded as optional.

export interface WordingContext extends TierChoice {
  /** The project the certificate is for; null for an annual certificate covering all projects. */
  projectName: string | null;
}

function limits(req: LineRequirement): string | null {
  const parts = Object.entries(req.minimums ?? {})
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .map(([key, amount]) => `${formatMoney(amount)} ${limitNames[key] ?? key}`);
  return parts.length ? `at least ${andList(parts)}` : null;
}

function symbols(req: LineRequirement): string | null {
  if (!req.autoSymbols?.length) return null;
  const groups = req.autoSymbols.map((g) => andList(g.map((s) => symbolNames[s] ?? s)));
  return `covering ${orList(groups)}`;
}

function insuredTerms(req: LineRequirement): string | null {
  const terms: string[] = [];
  if (req.additionalInsuredRequired) terms.push('us named as additional insured');
  if (req.waiverOfSubrogationRequired) terms.push('a waiver of subrogation in our favour');
  if (req.primaryNonContributoryRequired) terms.push('primary and non-contributory wording');
  return terms.length ? `with ${andList(terms)}` : null;
}

function endorsementTerms(req: LineRequirement): string[] {
  return (req.endorsements ?? []).map((e) => {
    const groups = e.anyOf.map((g) => andList(g));
    return `${e.label} endorsement: forms ${groups.join(', or ')}, attached to the certificate`;
  });
}

function basis(line: RequirementLine, req: LineRequirement): string | null {
  const bits: string[] = [];
  if (req.occurrenceRequired) bits.push('on an occurrence basis (not claims-made)');
  if (line === 'general_liability' && req.perProjectAggregateRequired) bits.push('with the aggregate applying per project');
  if (line === 'umbrella_liability' && req.followFormRequired) bits.push('following the form of the underlying policies');
  if (line === 'workers_compensation' && req.statutoryRequired) bits.push('at statutory limits');
  return bits.length ? bits.join(', ') : null;
}

export function describeLine(line: RequirementLine, req: LineRequirement): string {
  const parts = [basis(line, req), limits(req), symbols(req), insuredTerms(req), ...endorsementTerms(req)].filter((p): p is string => Boolean(p));
  return parts.length ? `${lineNames[line]}: ${parts.join('; ')}` : `${lineNames[line]}`;
}

function holderLine(set: RequirementSet): string | null {
  const h = set.certificateHolder;
  if (!h) return null;
  const a = h.address;
  const cityLine = a ? [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '';
  const address = a ? [a.line1, a.line2, cityLine].filter((p) => p && p.trim()).join(', ') : '';
  return `Certificate holder, exactly: "${h.name}"${address ? `, ${address}` : ''}`;
}

function descriptionLine(set: RequirementSet, ctx: WordingContext): string | null {
  const phrases = [...(set.descriptionMustContain ?? [])];
  if (set.descriptionMustNameProject && ctx.projectName) phrases.unshift(ctx.projectName);
  if (!phrases.length) return null;
  return `Description of operations must mention: ${andList(phrases.map((p) => `"${p}"`))}`;
}

/** One sentence per requirement, in the order a certificate is read. */
export function describeRequirements(set: RequirementSet, ctx: WordingContext): string[] {
  const { lines } = applyTier(set, ctx);
  const out: string[] = [];
  for (const line of requirementLines) {
    const req = lines[line] as LineRequirement | undefined;
    if (!req || req.required === false) continue;
    out.push(describeLine(line, req));
  }
  const toppable = (['general_liability', 'automobile_liability', 'employers_liability'] as const).some((l) => lines[l] && lines[l].required !== false);
  if ((set.umbrellaMayTopUp ?? true) && toppable) {
    out.push('An umbrella or excess policy that follows form may make up a shortfall in the general, automobile or employers\' liability limits above');
  }
  if (set.minimumAmBest) out.push(`Every insurer rated at least ${set.minimumAmBest} by AM Best`);
  const days = set.minimumDaysRemaining ?? 30;
  if (days > 0) out.push(`Every policy in force today and for at least ${days} more days`);
  const holder = holderLine(set);
  if (holder) out.push(holder);
  const description = descriptionLine(set, ctx);
  if (description) out.push(description);
  return out;
}
