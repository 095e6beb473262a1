import {
  requirementLines,
  type LineRequirement,
  type RequirementLine,
  type RequirementSet,
  type Tier,
} from '../contracts/requirements';
import { parseAmBest, type AmBest } from './am-best';
import { applyTier, chooseTier, type TierChoice } from './tiers';
import { normaliseName, normaliseText, preparePhrase, type PreparedPhrase } from './text';

// Everything about a requirement set that does not depend on the certificate is worked
// out once and cached per set object and tier, so evaluating thousands of certificates
// against one set only does certificate work.

export interface CompiledEndorsement {
  label: string;
  groups: string[][];
  /** "CG 20 10 + CG 20 37, or CG 20 33 + CG 20 39" */
  text: string;
}

export interface CompiledLine {
  line: RequirementLine;
  req: LineRequirement;
  minimums: [string, number][];
  endorsements: CompiledEndorsement[];
}

export type AddressPart = 'line1' | 'city' | 'state' | 'postalCode';

/** Each required part as written (for messages) and normalised (for comparing). */
export type CompiledHolderAddress = { part: AddressPart; raw: string; norm: string }[];

export const addressNormalisers: Record<AddressPart, (s: string) => string> = {
  line1: (s) => normaliseStreet(s),
  city: (s) => normaliseText(s),
  state: (s) => normaliseText(s),
  postalCode: (s) => s.trim().slice(0, 5),
};

export interface CompiledRequirements {
  setName: string;
  tier: Tier | null;
  lines: CompiledLine[];
  byLine: Partial<Record<RequirementLine, CompiledLine>>;
  amBest: AmBest | null;
  amBestText: string | null;
  holder: { original: string; normalised: string; address: CompiledHolderAddress | null } | null;
  phrases: PreparedPhrase[];
  nameProject: boolean;
  daysRemaining: number;
  mayTopUp: boolean;
  flagSurplusLines: boolean;
  unratedIsDeficiency: boolean;
}

const formCache = new Map<string, string>();

/** "CG2010" and "cg 20 10" both become "CG 20 10", as the reader prints them. Memoised: the same few forms recur. */
export function normaliseForm(form: string): string {
  let hit = formCache.get(form);
  if (hit !== undefined) return hit;
  const compact = form.toUpperCase().replace(/[^A-Z0-9]/g, '');
  hit = compact.replace(/^([A-Z]{2})(\d{2})(\d{2})(\d{2})?$/, (_m, a, b, c, d) => [a, b, c, d].filter(Boolean).join(' '));
  if (formCache.size > 5000) formCache.clear();
  formCache.set(form, hit);
  return hit;
}

const streetWords: Record<string, string> = {
  street: 'st', avenue: 'ave', road: 'rd', boulevard: 'blvd', drive: 'dr', suite: 'ste', floor: 'fl',
  north: 'n', south: 's', east: 'e', west: 'w', lane: 'ln', court: 'ct', place: 'pl', highway: 'hwy',
};

export function normaliseStreet(text: string): string {
  return normaliseText(text)
    .split(' ')
    .map((w) => streetWords[w] ?? w)
    .join(' ');
}

function compileLine(line: RequirementLine, req: LineRequirement): CompiledLine {
  const minimums = Object.entries(req.minimums ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
  const endorsements = (req.endorsements ?? []).map((e) => {
    const groups = e.anyOf.map((g) => g.map(normaliseForm));
    return { label: e.label, groups, text: groups.map((g) => g.join(' + ')).join(', or ') };
  });
  return { line, req, minimums, endorsements };
}

function compileHolder(set: RequirementSet): CompiledRequirements['holder'] {
  const h = set.certificateHolder;
  if (!h) return null;
  const a = h.address;
  const address = a
    ? (Object.keys(addressNormalisers) as AddressPart[]).flatMap((part) => {
        const raw = a[part];
        return raw ? [{ part, raw, norm: addressNormalisers[part](raw) }] : [];
      })
    : null;
  return { original: h.name, normalised: normaliseName(h.name), address };
}

export function compileRequirements(set: RequirementSet, choice: TierChoice): CompiledRequirements {
  const { lines, tier } = applyTier(set, choice);
  const compiled: CompiledLine[] = [];
  const byLine: CompiledRequirements['byLine'] = {};
  for (const line of requirementLines) {
    const req = lines[line] as LineRequirement | undefined;
    if (!req || req.required === false) continue;
    const c = compileLine(line, req);
    compiled.push(c);
    byLine[line] = c;
  }
  return {
    setName: set.name,
    tier,
    lines: compiled,
    byLine,
    amBest: set.minimumAmBest ? parseAmBest(set.minimumAmBest) : null,
    amBestText: set.minimumAmBest ?? null,
    holder: compileHolder(set),
    phrases: (set.descriptionMustContain ?? []).map(preparePhrase),
    nameProject: set.descriptionMustNameProject ?? false,
    daysRemaining: set.minimumDaysRemaining ?? 30,
    mayTopUp: set.umbrellaMayTopUp ?? true,
    flagSurplusLines: set.flagSurplusLines ?? true,
    unratedIsDeficiency: set.unratedCarrier === 'deficiency',
  };
}

const cache = new WeakMap<RequirementSet, Map<string, CompiledRequirements>>();

/** Cached by set object identity and chosen tier; sets are treated as immutable once parsed. */
export function compiledFor(set: RequirementSet, choice: TierChoice): CompiledRequirements {
  let perTier = cache.get(set);
  if (!perTier) {
    perTier = new Map();
    cache.set(set, perTier);
  }
  const key = chooseTier(set.tiers ?? [], choice)?.name ?? '';
  let hit = perTier.get(key);
  if (!hit) {
    hit = compileRequirements(set, choice);
    perTier.set(key, hit);
  }
  return hit;
}
