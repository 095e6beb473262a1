import { formatAmBest, meetsMinimum } from './am-best';
import type { PolicyRef, Run } from './run';
import type { RequirementLine } from '../contracts/requirements';

// Carrier checks run once per insurer letter used by a required line, in letter order.

const alienNaic = /^AA-/i;

function reportUnrated(run: Run, pointer: string, line: string, who: string, why: string): void {
  const message = `${who} ${why}, so it could not be checked against the ${run.req.amBestText ?? ''} minimum.`;
  if (run.req.unratedIsDeficiency) run.deficiency('carrier_unrated', line, pointer, run.req.amBestText, null, message);
  else run.review('carrier_unrated', line, pointer, message);
}

function checkInsurer(run: Run, letter: string, line: RequirementLine): void {
  const index = run.extraction.insurers.findIndex((i) => i.letter === letter);
  const insurer = run.extraction.insurers[index];
  if (!insurer) return;
  const pointer = `/insurers/${index}/naic`;
  const who = `Insurer ${letter}, ${insurer.name},`;
  const naic = insurer.naic?.trim() || null;
  if (run.unsure(pointer, line, `The NAIC number of insurer ${letter}`)) return;
  const surplus = naic === null || alienNaic.test(naic);
  if (surplus && run.req.flagSurplusLines) {
    const kind = naic === null ? 'has no NAIC number' : `has an alien NAIC number (${naic})`;
    run.review('surplus_lines_insurer', line, pointer, `${who} ${kind} and may be a surplus-lines insurer; decide whether to accept it.`);
  }
  const floor = run.req.amBest;
  if (!floor) return;
  if (!run.ctx.carriers) {
    run.skip('carrier_rating');
    return;
  }
  if (naic === null) {
    if (!run.req.flagSurplusLines) reportUnrated(run, pointer, line, who, 'has no NAIC number');
    return;
  }
  const carrier = run.ctx.carriers.get(naic);
  if (!carrier) return reportUnrated(run, pointer, line, who, 'is not in the carrier rating table');
  if (!carrier.amBest.rating.rated) return reportUnrated(run, pointer, line, who, 'is not rated by AM Best');
  if (meetsMinimum(carrier.amBest, floor)) return;
  const found = formatAmBest(carrier.amBest);
  run.deficiency(
    'carrier_rating_below_minimum',
    line,
    pointer,
    run.req.amBestText,
    found,
    `${who} is rated ${found} by AM Best; this project requires ${run.req.amBestText ?? ''} or better.`,
  );
}

/** `used` maps each insurer letter to the first required line written by it. */
export function checkCarriers(run: Run, used: ReadonlyMap<string, RequirementLine>): void {
  const letters = [...used.keys()].sort();
  for (const letter of letters) checkInsurer(run, letter, used.get(letter) ?? 'general_liability');
}

export function noteInsurer(used: Map<string, RequirementLine>, ref: PolicyRef, line: RequirementLine): void {
  const letter = ref.policy.insurerLetter;
  if (letter && !used.has(letter)) used.set(letter, line);
}
