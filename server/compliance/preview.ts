import type { Extraction } from '../contracts/extraction';
import type { RequirementSet } from '../contracts/requirements';
import { evaluateCertificate } from './evaluate';
import type { EvaluationContext, Outcome } from './types';

// "Editing a requirement set shows how many current vendors would change status before
// saving": evaluate every current certificate under both versions and count the moves.

export interface PreviewItem {
  key: string;
  extraction: Extraction;
  context: EvaluationContext;
}

export interface PreviewChange {
  key: string;
  before: Outcome;
  after: Outcome;
}

export interface RequirementChangePreview {
  total: number;
  unchanged: number;
  changed: number;
  /** Counts per move, e.g. { from: 'compliant', to: 'deficient', count: 3 }, in a fixed order. */
  transitions: { from: Outcome; to: Outcome; count: number }[];
  /** Outcome counts under each version. */
  before: Record<Outcome, number>;
  after: Record<Outcome, number>;
  changes: PreviewChange[];
}

const outcomes: Outcome[] = ['compliant', 'needs_review', 'deficient'];

function emptyCounts(): Record<Outcome, number> {
  return { compliant: 0, needs_review: 0, deficient: 0 };
}

export function previewRequirementChange(
  items: readonly PreviewItem[],
  before: RequirementSet,
  after: RequirementSet,
): RequirementChangePreview {
  const countsBefore = emptyCounts();
  const countsAfter = emptyCounts();
  const changes: PreviewChange[] = [];
  for (const item of items) {
    const b = evaluateCertificate(item.extraction, before, item.context).outcome;
    const a = evaluateCertificate(item.extraction, after, item.context).outcome;
    countsBefore[b]++;
    countsAfter[a]++;
    if (a !== b) changes.push({ key: item.key, before: b, after: a });
  }
  const transitions = outcomes.flatMap((from) =>
    outcomes
      .filter((to) => to !== from)
      .map((to) => ({ from, to, count: changes.filter((c) => c.before === from && c.after === to).length }))
      .filter((t) => t.count > 0),
  );
  return {
    total: items.length,
    unchanged: items.length - changes.length,
    changed: changes.length,
    transitions,
    before: countsBefore,
    after: countsAfter,
    changes,
  };
}
