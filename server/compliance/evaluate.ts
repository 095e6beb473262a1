import type { Extraction } from '../contracts/extraction';
import type { RequirementLine, RequirementSet } from '../contracts/requirements';
import { compiledFor } from './compile';
import { lineNames, lower } from './messages';
import { findPolicy } from './policies';
import { checkCertificateDate, checkDescription, checkHolder, checkInsured } from './rules-certificate';
import { checkCarriers, noteInsurer, type InsurerUse } from './rules-carriers';
import { checkCoverage } from './rules-coverage';
import { checkInsurerLetter, checkPeriod } from './rules-dates';
import { checkLimits } from './rules-limits';
import { checkReading, missingLine } from './rules-reading';
import { Run } from './run';
import { requirementsInPhase, tailOf } from './tail';
import type { EvaluationContext, Outcome, Verdict } from './types';

// The evaluator: one extraction, one requirement set, one vendor context in; a verdict
// out. Pure and deterministic: no clock, no I/O, and the same order of findings every
// time (certificate-wide checks, then lines in canonical order, then carriers).

const acord25 = /^ACORD\s*25\b/i;

function outcomeOf(run: Run): Outcome {
  // Shortfalls found on a certificate whose reading is in doubt may be wrong or incomplete.
  if (run.held) return 'needs_review';
  if (run.deficiencies.length > 0) return 'deficient';
  return run.reviewReasons.length > 0 ? 'needs_review' : 'compliant';
}

function notACertificate(extraction: Extraction): string | null {
  if (extraction.form === null) return 'This document was not recognised as an ACORD 25 certificate of liability insurance.';
  if (!acord25.test(extraction.form)) return `This document is marked ${extraction.form}; it is not an ACORD 25 certificate of liability insurance.`;
  return null;
}

function checkLines(run: Run): Map<string, InsurerUse> {
  const usedInsurers = new Map<string, InsurerUse>();
  const seenRows = new Set<number>();
  for (const c of run.req.lines) {
    const ref = findPolicy(run, c.line);
    if (!ref) {
      missingLine(run, c.line);
      continue;
    }
    if (!seenRows.has(ref.index)) {
      seenRows.add(ref.index);
      checkInsurerLetter(run, c.line, ref);
      checkPeriod(run, c.line, ref);
    }
    noteInsurer(usedInsurers, ref, c.line);
    checkLimits(run, c, ref);
    checkCoverage(run, c, ref);
  }
  return usedInsurers;
}

export function evaluateCertificate(extraction: Extraction, requirements: RequirementSet, context: EvaluationContext): Verdict {
  const compiled = compiledFor(requirements, { trade: context.trade, commitmentValue: context.commitmentValue });
  const req = requirementsInPhase(compiled, tailOf(requirements, context.projectClosedOn, context.today).phase);
  const run = new Run(extraction, req, context);
  const base = { tier: req.tier?.name ?? null, requirementSet: req.setName, checkedAt: context.today };
  const notCert = notACertificate(extraction);
  if (notCert) {
    run.review('not_a_certificate', null, '/form', notCert);
    return { outcome: 'needs_review', deficiencies: [], reviewReasons: run.reviewReasons, skippedChecks: [], ...base };
  }
  checkReading(run);
  checkCertificateDate(run);
  checkInsured(run);
  checkHolder(run);
  checkDescription(run);
  const used = checkLines(run);
  checkCarriers(run, used);
  return {
    outcome: outcomeOf(run),
    deficiencies: run.deficiencies,
    reviewReasons: run.reviewReasons,
    skippedChecks: run.skippedChecks,
    ...base,
  };
}

/** One sentence for a list view, e.g. "3 problems: general liability, automobile liability". */
export function summariseVerdict(verdict: Verdict): string {
  if (verdict.outcome === 'compliant') return 'Meets the requirements.';
  const lines = [...new Set(verdict.deficiencies.map((d) => d.line).filter((l): l is RequirementLine => l !== null))];
  const where = lines.length ? `: ${lines.map((l) => lower(lineNames[l])).join(', ')}` : '';
  if (verdict.outcome === 'deficient') {
    const n = verdict.deficiencies.length;
    return `${n} ${n === 1 ? 'problem' : 'problems'}${where}.`;
  }
  const n = verdict.reviewReasons.length;
  return `Needs a person to check ${n} ${n === 1 ? 'point' : 'points'}.`;
}
