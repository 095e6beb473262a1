// Printed values: the filled fields moved and set the way agency systems print them.
import type { Entry, Filled } from './fill';
import type { Box, Form } from './form';
import { wrapText } from './format';
import type { Look } from './look';
import { sectionFields, sectionRows, type Section } from './sections';
import type { Face, Sheet } from './sheet';

export interface Pen {
  sheet: Sheet;
  face: Face;
  look: Look;
}

/** Baseline that centres text of this size in a box, moved by the look. */
export function centredBaseline(box: Box, size: number, look: Look): number {
  return box[1] + (box[3] - box[1] - 0.7 * size) / 2 + look.values.dy;
}

/** Writes text into a box, shrinking it when it would run past the box. */
export function write(pen: Pen, text: string, box: Box, align: Entry['align'], baseline: number, size = pen.look.values.size): void {
  const pad = 1;
  const room = box[2] - box[0] - 2 * pad - (align === 'left' ? pen.look.values.dx : 0);
  const width = pen.face.width(text, size);
  const fitted = width > room ? Math.max(4.5, (size * room) / width) : size;
  const x = align === 'left' ? box[0] + pad + pen.look.values.dx : box[0] + pad;
  pen.sheet.text(pen.face, text, x, baseline, fitted, align, box[2] - box[0] - 2 * pad);
}

/** How far a section's policy lines move from the fillable form's row, for this look. */
export function lineShift(form: Form, section: Section, lines: number, look: Look): number {
  const { top, rows } = sectionRows[section];
  const fieldY0 = form.fields[sectionFields[section].number]!.box[1];
  // Several OTHER policies line up with the three limit rows, so they start at the first row.
  const placement = section === 'other' && lines > 1 ? 'first' : look.rows;
  let shift = placement === 'field' ? 0 : top - 12 * (placement === 'first' ? 1 : 2) - fieldY0;
  const bottom = top - 12 * rows;
  const lastY0 = fieldY0 + shift - 12 * (lines - 1);
  if (lastY0 < bottom) shift += bottom - lastY0;
  return shift;
}

function amountText(entry: Entry, look: Look): { text: string; box: Box; align: Entry['align'] } {
  const [, y0, x1, y1] = entry.box;
  // The form prints its own "$" at 518.4; a system that glues "$" to the amount prints it there.
  if (look.amounts.glued) return { text: `$${entry.text}`, box: [518, y0, x1, y1], align: look.amounts.right ? 'right' : 'left' };
  return { text: entry.text, box: entry.box, align: look.amounts.right ? 'right' : 'left' };
}

export function remarksLines(text: string, face: Face, size: number, width: number): string[] {
  return wrapText(text, (s) => face.width(s, size), width);
}

/** Remarks box geometry for a look: where lines go and how many fit. */
export function remarksBox(form: Form, look: Look): { x: number; width: number; top: number; lead: number; capacity: number } {
  const b = form.fields.CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A!.box;
  const lead = look.values.size + 1.5;
  const x = b[0] + 2 + look.values.dx;
  return { x, width: b[2] - x - 4, top: b[3] - look.values.size - 1, lead, capacity: Math.floor((b[3] - b[1] - 2) / lead) };
}

function drawRemarks(pen: Pen, form: Form, text: string): void {
  const r = remarksBox(form, pen.look);
  remarksLines(text, pen.face, pen.look.values.size, r.width).forEach((line, i) => {
    pen.sheet.text(pen.face, line, r.x, r.top - i * r.lead, pen.look.values.size);
  });
}

const partyField = /^(Producer|NamedInsured|CertificateHolder)_(FullName|MailingAddress)/;

/** Every value but the party blocks, which parties.ts prints when the look sets them as lines. */
export function placeValues(pen: Pen, form: Form, filled: Filled, skipParties: boolean): void {
  const counts = new Map<Section, number>();
  for (const e of filled.entries) if (e.section) counts.set(e.section, Math.max(counts.get(e.section) ?? 0, (e.line ?? 0) + 1));
  const shifts = new Map([...counts].map(([s, n]) => [s, lineShift(form, s, n, pen.look)]));
  for (const e of filled.entries) {
    if (skipParties && partyField.test(e.field)) continue;
    if (e.field === 'CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A') {
      drawRemarks(pen, form, e.text);
      continue;
    }
    // Only policy lines carry a section: limits stay on their own rows.
    const dy = e.section ? shifts.get(e.section)! : 0;
    const placed = e.amount !== undefined ? amountText(e, pen.look) : { text: e.text, box: e.box, align: e.align };
    const box: Box = [placed.box[0], placed.box[1] + dy, placed.box[2], placed.box[3] + dy];
    const raise = e.amount !== undefined ? pen.look.amounts.raise : 0;
    const label = pen.look.contactAfterLabel ? contactLabel(form, e.field) : undefined;
    if (label) write(pen, placed.text, box, 'left', label.box[1] + 0.2 * label.size);
    else write(pen, placed.text, box, placed.align, centredBaseline(box, pen.look.values.size, pen.look) + raise);
  }
}

// Some systems print the contact values on the baseline of the label's last line.
const contactLabels: Record<string, string> = {
  Producer_ContactPerson_FullName_A: 'NAME:',
  Producer_ContactPerson_PhoneNumber_A: '(A/C, No, Ext):',
  Producer_FaxNumber_A: '(A/C, No):',
  Producer_ContactPerson_EmailAddress_A: 'ADDRESS:',
};

function contactLabel(form: Form, field: string) {
  const text = contactLabels[field];
  return text ? form.labels.find((l) => l.text === text) : undefined;
}
