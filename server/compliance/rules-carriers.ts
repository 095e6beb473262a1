import { formatAmBest, meetsMinimum } from './am-best';
import type { PolicyRef, Run } from './run';
import type { RequirementLine } from '../contracts/requirements';

// Carrier checks run once per insurer letter used by a required line, in letter order.

/** The first required line written by an insurer, and where its row names the letter. */
export interface InsurerUse {
  line: RequirementLine;
  letterAt: string;
}

const alienNaic = /^AA-/i;

function reportUnrated(run: Run, pointer: string, use: InsurerUse, who: string, why: string): void {
  const message = `${who} ${why}, so it could not be checked against the ${run.req.amBestText ?? ''} minimum.`;
  // A misread letter would put the wrong insurer to the test.
  if (run.req.unratedIsDeficiency) run.deficiency('carrier_unrated', use.line, pointer, run.req.amBestText, null, message, [use.letterAt]);
  else run.review('carrier_unrated', use.line, pointer, message);
}

function checkInsurer(run: Run, letter: string, use: InsurerUse): void {
  const line = use.line;
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
    if (!run.req.flagSurplusLines) reportUnrated(run, pointer, use, who, 'has no NAIC number');
    return;
  }
  const carrier = run.ctx.carriers.get(naic);
  if (!carrier) return reportUnrated(run, pointer, use, who, 'is not in the carrier rating table');
  if (!carrier.amBest.rating.rated) return reportUnrated(run, pointer, use, who, 'is not rated by AM Best');
  if (meetsMinimum(carrier.amBest, floor)) return;
  const found = formatAmBest(carrier.amBest);
  run.deficiency(
    'carrier_rating_below_minimum',
    line,
    pointer,
    run.req.amBestText,
    found,
    `${who} is rated ${found} by AM Best; this project requires ${run.req.amBestText ?? ''} or better.`,
    [use.letterAt],
  );
}

/** `used` maps each insurer letter to the first required line written by it. */
export function checkCarriers(run: Run, used: ReadonlyMap<string, InsurerUse>): void {
  const letters = [...used.keys()].sort();
  for (const letter of letters) {
    const use = used.get(letter);
    if (use) checkInsurer(run, letter, use);
  }
}

export function noteInsurer(used: Map<string, InsurerUse>, ref: PolicyRef, line: RequirementLine): void {
  const letter = ref.policy.insurerLetter;
  if (letter && !used.has(letter)) used.set(letter, { line, letterAt: `/policies/${ref.index}/insurerLetter` });
}
