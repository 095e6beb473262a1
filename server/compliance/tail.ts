import type { RequirementSet } from '../contracts/requirements';
import type { CompiledLine, CompiledRequirements } from './compile';

// The completed-operations tail: after a project closes, a requirement set may still ask for
// N years of products-completed operations coverage. While the tail runs only the general
// liability line is required, held to its products-completed operations aggregate and its
// endorsements (completed-operations additional insured); once it ends nothing is required and
// nothing more is asked for. Pure: the caller gives today's date.

export type TailPhase = 'open' | 'tail' | 'over';

export interface Tail {
  phase: TailPhase;
  /** The day the tail ends (a closed project; from then on nothing is required), else null. */
  endsOn: string | null;
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // 29 February plus a year without one is 28 February, not 1 March.
  const end = new Date(Date.UTC(y + years, m - 1, d));
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  return end.toISOString().slice(0, 10);
}

export function tailOf(set: Pick<RequirementSet, 'completedOperationsYears'>, closedOn: string | null | undefined, today: string): Tail {
  if (!closedOn) return { phase: 'open', endsOn: null };
  const endsOn = addYears(closedOn, set.completedOperationsYears ?? 0);
  return { phase: today < endsOn ? 'tail' : 'over', endsOn };
}

function tailLine(c: CompiledLine): CompiledLine {
  const { required, additionalInsuredRequired, endorsements, occurrenceRequired, minimums } = c.req;
  const kept = minimums?.productsCompletedOperationsAggregate;
  return {
    line: c.line,
    req: { required, additionalInsuredRequired, endorsements, occurrenceRequired, ...(kept === undefined ? {} : { minimums: { productsCompletedOperationsAggregate: kept } }) },
    minimums: c.minimums.filter(([key]) => key === 'productsCompletedOperationsAggregate'),
    endorsements: c.endorsements,
  };
}

/** What a closed project still requires: its general liability line during the tail, nothing after. */
export function requirementsInPhase(req: CompiledRequirements, phase: TailPhase): CompiledRequirements {
  if (phase === 'open') return req;
  const gl = phase === 'tail' ? req.byLine.general_liability : undefined;
  const lines = gl ? [tailLine(gl)] : [];
  return { ...req, lines, byLine: Object.fromEntries(lines.map((l) => [l.line, l])) };
}
