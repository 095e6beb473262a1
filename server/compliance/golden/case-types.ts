import type { Extraction } from '../../contracts/extraction';
import type { RequirementSet } from '../../contracts/requirements';
import { defaultRequirements } from '../default-requirements';
import type { Outcome } from '../types';
import { baseContext, baseExtraction } from './base';

// Golden case definitions. Each case states by hand the outcome and the deficiency and
// review codes it must produce; write-goldens refuses to write a file whose verdict
// disagrees, and the full sentences are then read and checked before committing.

export type GoldenContext = Omit<typeof baseContext, 'carriers' | 'trade' | 'commitmentValue' | 'projectName' | 'vendorName'> & {
  carriers?: string;
  trade?: string | null;
  commitmentValue?: number | null;
  projectName?: string | null;
  vendorName?: string | null;
  /** Pointers a person corrected or confirmed (a set in the evaluator's context). */
  confirmed?: string[];
  reviewFinished?: boolean;
  projectClosedOn?: string | null;
};

export interface CaseDef {
  name: string;
  about: string;
  change?: (e: Extraction) => void;
  requirements?: (set: RequirementSet) => void;
  context?: Partial<GoldenContext>;
  want: { outcome: Outcome; d?: string[]; r?: string[]; tier?: string | null; skipped?: string[] };
}

export interface BuiltCase {
  name: string;
  about: string;
  extraction: Extraction;
  requirements: RequirementSet | 'default';
  context: GoldenContext;
}

export function buildCase(def: CaseDef): BuiltCase {
  const extraction = baseExtraction();
  def.change?.(extraction);
  let requirements: RequirementSet | 'default' = 'default';
  if (def.requirements) {
    requirements = structuredClone(defaultRequirements);
    def.requirements(requirements);
  }
  return { name: def.name, about: def.about, extraction, requirements, context: { ...baseContext, ...def.context } };
}

/** Helpers for changes that several cases make. */
export function policy(e: Extraction, line: Extraction['policies'][number]['line']) {
  const p = e.policies.find((x) => x.line === line);
  if (!p) throw new Error(`fixture has no ${line} row`);
  return p;
}

export function removeRemark(e: Extraction, sentence: string): void {
  const before = e.descriptionOfOperations ?? '';
  const after = before.replace(sentence, '').replace(/\s+/g, ' ').trim();
  if (after === before) throw new Error(`remark not found: ${sentence}`);
  e.descriptionOfOperations = after;
}

export function removeForm(e: Extraction, form: string): void {
  e.endorsementForms = e.endorsementForms.filter((f) => f.form !== form);
}
