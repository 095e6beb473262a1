import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../../contracts/extraction';
import type { RequirementSet } from '../../contracts/requirements';
import { requirementSetSchema } from '../../contracts/requirements';
import { parseCarriersCsv } from '../carriers-csv';
import { defaultRequirements } from '../default-requirements';
import type { EvaluationContext, Verdict } from '../types';
import type { GoldenContext } from './case-types';

// Reading golden files back into evaluator inputs. Carrier tables are named CSV files in
// this folder so the goldens stay plain JSON.

export const goldenDir = dirname(fileURLToPath(import.meta.url));

export interface GoldenFile {
  name: string;
  about: string;
  extraction: Extraction;
  requirements: RequirementSet | 'default';
  context: GoldenContext;
  expected: Verdict;
}

export function listGoldenFiles(): string[] {
  return readdirSync(goldenDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readGolden(file: string): GoldenFile {
  return JSON.parse(readFileSync(join(goldenDir, file), 'utf8')) as GoldenFile;
}

export function loadCarriers(file: string) {
  const result = parseCarriersCsv(readFileSync(join(goldenDir, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`);
  return result.carriers;
}

export function toEvaluatorInputs(g: Pick<GoldenFile, 'requirements' | 'context'>): {
  requirements: RequirementSet;
  context: EvaluationContext;
} {
  const requirements = g.requirements === 'default' ? defaultRequirements : requirementSetSchema.parse(g.requirements);
  const { carriers, confirmed, ...rest } = g.context;
  return {
    requirements,
    context: { ...rest, ...(carriers ? { carriers: loadCarriers(carriers) } : {}), ...(confirmed ? { confirmed: new Set(confirmed) } : {}) },
  };
}
