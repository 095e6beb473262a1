// The editions of the ACORD 25 the reader can place a page on. The 2016/03 form (measured from the
// blank fillable form) is the one every value is read through; the 2014/01 and 2010/05 editions
// print it with a few labels worded differently. The 2001/08 edition has another grid (no SUBR
// WVD column, a GARAGE LIABILITY section, the insurers beside the insured): its labels stand
// where that edition prints them, and its zones carry each part onto the 2016/03 form.
import older from './acord25-2001.json';
import { indexLabels, type LabelIndex } from './anchors';
import { keyOf, labels as labels2016, type Label } from './geometry';
import { warpBox, type Zone } from './warp';
import type { Box } from '../words';

export interface Edition {
  edition: string;
  /** Its printed labels where it prints them. */
  labels: Label[];
  index: LabelIndex;
  /** How much label weight a well-printed page of it shows, for the share the fit found. */
  expectedWeight: number;
  /** How its form maps onto the 2016/03 form; null for the 2016/03 form itself. */
  zones: Zone[] | null;
  /** Its labels where they land on the 2016/03 form: the form's print, never values. */
  printed: Label[];
  /** Values of the contract its form has no place for. */
  lacks: Set<'subrogationWaived'>;
}

/** Labels shorter than this say too little on their own to place a page (as in anchors.ts). */
const weightOf = (ls: Label[]) => ls.filter((l) => l.key.length >= 3).reduce((s, l) => s + Math.min(12, l.key.length), 0);

/** A well-printed certificate shows about this share of its form's label weight. */
const expectedShare = 0.834;

const labelsOf = (list: { text: string; box: number[] }[]): Label[] => list.map((l) => ({ text: l.text, box: l.box as Box, key: keyOf(l.text) }));

function edition2016(): Edition {
  return {
    edition: '2016/03',
    labels: labels2016,
    index: indexLabels(labels2016),
    expectedWeight: 700,
    zones: null,
    printed: labels2016,
    lacks: new Set(),
  };
}

function edition2001(): Edition {
  const own = labelsOf(older.labels);
  const zones = older.zones as Zone[];
  const printed = own.flatMap((l) => {
    const w = warpBox(zones, l.box);
    return w ? [{ ...l, box: w.box }] : [];
  });
  return {
    edition: older.edition,
    labels: own,
    index: indexLabels(own),
    expectedWeight: Math.round(expectedShare * weightOf(own)),
    zones,
    printed,
    lacks: new Set(older.lacks as 'subrogationWaived'[]),
  };
}

export const current = edition2016();

/** Tried when a page does not fit the current form well: editions with another grid. */
export const otherGrids: Edition[] = [edition2001()];
