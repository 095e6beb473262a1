import type { Edition } from './form';
import type { Rng } from './rng';

export type Family = 'Helvetica' | 'Times' | 'Courier';
export type MarkStyle = 'x-glyph' | 'dingbat-check' | 'dingbat-cross' | 'vector-cross' | 'vector-tick' | 'filled' | 'vector-slash';
/** Where a coverage row's policy line sits: the fillable form's own box, or the row's first or second line. */
export type RowPlacement = 'field' | 'first' | 'second';

/** How one agency system prints one certificate onto the official form. */
export interface Look {
  edition: Edition;
  page: { scale: number; dx: number; dy: number };
  labels: { family: 'Helvetica' | 'Times'; weight: 'as-form' | 'regular' | 'bold' };
  values: { family: Family; bold: boolean; oblique: boolean; size: number; dx: number; dy: number };
  ruleWidth: number;
  justify: boolean;
  rows: RowPlacement;
  /** ADDL INSD / SUBR WVD printed on the first policy line of a section only. */
  flagsOnce: boolean;
  flags: 'X' | 'Y' | 'YN';
  parties: { lines: boolean; indent: number; comma: boolean; upper: boolean };
  contactAfterLabel: boolean;
  amounts: { glued: boolean; right: boolean; commas: boolean; raise: number };
  unpaddedDates: boolean;
  phone: number;
  mark: MarkStyle;
  spaced: { values: boolean; labels: boolean };
  outlines: boolean;
  extras: { agencyCode: boolean; pageNumber: boolean; printedBy: boolean; signature: boolean; logo: boolean };
}

export type LookKind = 'form' | 'print' | 'noisy' | 'spaced' | 'vector' | 'scan';

export interface LookOptions {
  edition: Edition;
  kind: LookKind;
  /** A family of fonts, offsets and marks the fixed corpus never uses, for the benchmark. */
  heldOut?: boolean;
}

const fixedMarks: MarkStyle[] = ['x-glyph', 'dingbat-check', 'dingbat-cross', 'vector-cross', 'vector-tick'];
const heldMarks: MarkStyle[] = ['filled', 'vector-slash'];

function page(rng: Rng, kind: LookKind, held: boolean): Look['page'] {
  if (kind === 'form') return { scale: 1, dx: 0, dy: 0 };
  if (held) return { scale: rng.range(0.93, 0.96), dx: rng.range(6, 12), dy: rng.range(-12, -6) };
  // Most agency PDFs print at full size; "print to fit" shrinks a little and shifts.
  if (rng.chance(0.5)) return { scale: 1, dx: 0, dy: 0 };
  return { scale: rng.range(0.97, 1), dx: rng.range(-4, 4), dy: rng.range(-4, 4) };
}

function values(rng: Rng, kind: LookKind, held: boolean): Look['values'] {
  const family: Family = kind === 'vector' ? 'Helvetica' : rng.pick(['Helvetica', 'Helvetica', 'Times', 'Courier'] as const);
  return {
    family,
    bold: kind !== 'form' && rng.chance(0.35),
    oblique: held,
    size: family === 'Courier' ? rng.range(7, 9) : rng.range(7, 10),
    dx: held ? rng.range(5, 8) : rng.range(0, 3),
    dy: held ? rng.range(2.5, 3.5) : rng.range(-1, 1.5),
  };
}

export function randomLook(rng: Rng, options: LookOptions): Look {
  const { kind, edition } = options;
  const held = options.heldOut ?? false;
  const noisy = kind === 'noisy';
  return {
    edition,
    page: page(rng, kind, held),
    labels: { family: held ? 'Times' : 'Helvetica', weight: rng.pick(['as-form', 'as-form', 'regular', 'bold'] as const) },
    values: values(rng, kind, held),
    ruleWidth: rng.range(0.24, 0.5),
    justify: rng.chance(0.6),
    rows: noisy ? rng.pick(['first', 'second'] as const) : rng.pick(['field', 'first', 'first', 'second'] as const),
    flagsOnce: rng.chance(0.3),
    flags: noisy ? 'YN' : rng.pick(['X', 'Y', 'X', 'YN'] as const),
    parties: { lines: kind !== 'form' && rng.chance(0.75), indent: rng.pick([0, 0, 8, 30, 50]), comma: rng.chance(0.7), upper: rng.chance(0.25) },
    contactAfterLabel: kind !== 'form' && rng.chance(0.5),
    amounts: {
      glued: rng.chance(0.35),
      right: rng.chance(0.7),
      commas: noisy ? rng.chance(0.3) : rng.chance(0.9),
      raise: noisy && rng.chance(0.5) ? rng.range(3, 5) : 0,
    },
    unpaddedDates: noisy ? rng.chance(0.8) : rng.chance(0.15),
    phone: rng.int(0, 3),
    mark: kind === 'vector' ? rng.pick(['x-glyph', 'vector-cross', 'vector-tick'] as const) : held ? rng.pick(heldMarks) : rng.pick(fixedMarks),
    spaced: kind === 'spaced' ? rng.pick([{ values: true, labels: false }, { values: true, labels: true }, { values: false, labels: true }]) : { values: false, labels: false },
    outlines: kind === 'vector',
    extras: { agencyCode: rng.chance(0.3), pageNumber: rng.chance(0.3), printedBy: rng.chance(0.2), signature: rng.chance(0.7), logo: true },
  };
}
