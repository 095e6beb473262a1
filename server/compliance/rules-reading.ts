import type { RequirementLine } from '../contracts/requirements';
import { lineNames } from './messages';
import type { Run } from './run';

// How far the reading as a whole can be trusted. When the reader did not recognise the layout or
// could not read the coverage grid, a line missing from the policies may simply not have been
// read, and values that were read may be wrong: a person looks before the sub is told anything.

/** "Reader's note: …" from the reader's own sentences, or nothing when it gave none. */
function readerSays(run: Run): string {
  const reasons = run.reading.reasons.map((r) => r.trim()).filter(Boolean);
  if (reasons.length === 0) return '';
  return ` Reader's note: ${reasons.map((r) => (/[.!?]$/.test(r) ? r : `${r}.`)).join(' ')}`;
}

/**
 * The certificate-wide reasons. Once a person has said they looked the certificate over
 * (context.reviewFinished) these no longer hold the verdict; doubts about single values still do.
 */
export function checkReading(run: Run): void {
  if (run.ctx.reviewFinished) return;
  if (run.reading.layout === 'unrecognised') {
    run.review(
      'layout_unrecognised',
      null,
      '/form',
      `The reader did not recognise the layout of this certificate, so none of its values can be relied on until a person checks them.${readerSays(run)}`,
    );
  } else if (run.reading.coverage === 'unreadable') {
    run.review(
      'coverage_unreadable',
      null,
      '/policies',
      `The reader could not read the coverage grid reliably, so the policies shown may be incomplete or wrong; please check them by hand.${readerSays(run)}`,
    );
  }
}

/** Where each row says what line it is: a row read unsure there could be a line that seems missing. */
export function rowPointers(run: Run): string[] {
  return run.extraction.policies.flatMap((p, i) => [`/policies/${i}`, `/policies/${i}/line`, ...(p.line === 'other' ? [`/policies/${i}/description`] : [])]);
}

/** A required line with no row: a deficiency only when the grid was read well enough to say it is absent. */
export function missingLine(run: Run, line: RequirementLine): void {
  const name = lineNames[line];
  const doubt = run.doubtAbout(['/policies', ...rowPointers(run)]);
  if (doubt === null) {
    run.deficiency('line_missing', line, '/policies', true, false, `${name} is not on the certificate; this project requires it.`);
    return;
  }
  const why =
    doubt === 'layout'
      ? 'the reader did not recognise the layout of this certificate'
      : doubt === 'coverage'
        ? 'the reader could not read the coverage grid reliably'
        : 'the reader was unsure of some rows of the coverage grid';
  run.review(
    doubt === 'confidence' ? 'low_confidence' : 'coverage_unreadable',
    line,
    '/policies',
    `${name} was not found among the policies read, but ${why}, so it may still be on the certificate; please check by hand.${readerSays(run)}`,
    line,
  );
}
