import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractionSchema } from '../../contracts/extraction';
import { evaluateCertificate } from '../evaluate';
import { buildCase, type CaseDef } from './case-types';
import { certificateCases } from './cases-certificate';
import { lineCases } from './cases-lines';
import { readingCases } from './cases-reading';
import { tierCases } from './cases-tiers';
import { tailCases } from './cases-tail';
import { goldenDir, toEvaluatorInputs } from './load';

// Writes golden/*.json from the case definitions. Run: npx tsx server/compliance/golden/write-goldens.ts
// It refuses to write a case whose verdict differs from the outcome and codes the case
// states by hand; the written sentences are then read and checked before committing.

function codes(list: { code: string }[]): string {
  return list.map((x) => x.code).join(',');
}

function check(def: CaseDef, verdict: ReturnType<typeof evaluateCertificate>): string[] {
  const w = def.want;
  const problems: string[] = [];
  if (verdict.outcome !== w.outcome) problems.push(`outcome ${verdict.outcome}, want ${w.outcome}`);
  if (w.d && codes(verdict.deficiencies) !== w.d.join(',')) problems.push(`deficiencies [${codes(verdict.deficiencies)}], want [${w.d.join(',')}]`);
  if (w.r && codes(verdict.reviewReasons) !== w.r.join(',')) problems.push(`reviews [${codes(verdict.reviewReasons)}], want [${w.r.join(',')}]`);
  if (w.tier !== undefined && verdict.tier !== w.tier) problems.push(`tier ${verdict.tier}, want ${w.tier}`);
  const skipped = (w.skipped ?? []).join(',');
  if (verdict.skippedChecks.join(',') !== skipped) problems.push(`skipped [${verdict.skippedChecks.join(',')}], want [${skipped}]`);
  return problems;
}

const all = [...certificateCases, ...lineCases, ...tierCases, ...readingCases, ...tailCases];
let failed = 0;
for (const def of all) {
  const built = buildCase(def);
  extractionSchema.parse(built.extraction);
  const { requirements, context } = toEvaluatorInputs(built);
  const verdict = evaluateCertificate(built.extraction, requirements, context);
  const problems = check(def, verdict);
  if (problems.length) {
    failed++;
    console.error(`${def.name}: ${problems.join('; ')}`);
    console.error(JSON.stringify(verdict, null, 1));
    continue;
  }
  writeFileSync(join(goldenDir, `${def.name}.json`), `${JSON.stringify({ ...built, expected: verdict }, null, 2)}\n`);
}
console.log(`${all.length - failed} written, ${failed} refused`);
process.exitCode = failed ? 1 : 0;
