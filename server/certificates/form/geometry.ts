// The official ACORD 25 (2016/03) layout, measured from the blank fillable form by
// scripts/form/measure.ts: where each field sits and where each label is printed, in PDF points
// on a 612 x 792 page, origin bottom-left. Every filler prints the same form, so a page is read
// by fitting it to these positions.
import measured from './acord25-2016.json';
import type { Box } from '../words';

export interface Label {
  text: string;
  box: Box;
  /** Letters and digits only, upper case: how printed text is compared with the label. */
  key: string;
}

interface Measured {
  page: [number, number];
  fields: Record<string, { box: number[]; check: boolean }>;
  labels: { text: string; box: number[] }[];
  prose: { box: number[] }[];
}

const form = measured as unknown as Measured;

export const keyOf = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Labels of the older editions (2010/05, 2014/01) that the 2016/03 form words differently. Each
 * stands where the 2016/03 label it names stands, so it anchors the page the same way.
 */
const olderWordings: [string, string][] = [
  ['ALL OWNED', 'OWNED'],
  ['HIRED AUTOS', 'HIRED'],
  ['NON-OWNED', 'NON-OWNED'],
  ['WC STATU-', 'PER'],
  ['TORY LIMITS', 'STATUTE'],
  ['INSRD', 'INSD'],
];

function labelsOf(): Label[] {
  const official = form.labels.map((l) => ({ text: l.text, box: l.box as Box, key: keyOf(l.text) }));
  const older = olderWordings.flatMap(([text, like]) => {
    const same = official.find((l) => l.text === like);
    return same ? [{ text, box: same.box, key: keyOf(text) }] : [];
  });
  return [...official, ...older];
}

export const labels: Label[] = labelsOf();

/** Printed text of older editions that is part of the form but has no 2016/03 position. */
export const olderBoilerplate = ['GENERAL LIABILITY', 'AUTOS', 'EXCESS/UMBRELLA LIABILITY', 'GARAGE LIABILITY'].map(keyOf);

export const fieldBox = (name: string): Box => {
  const f = form.fields[name];
  if (!f) throw new Error(`no field ${name} on the measured form`);
  return f.box as Box;
};

/** The form's prose (notice, statement, cancellation clause): never a value. */
export const proseBoxes: Box[] = form.prose.map((p) => p.box as Box);

export const formSize = { width: form.page[0], height: form.page[1] };
