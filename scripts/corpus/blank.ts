// The official form drawn from its measured geometry: rules, frames, labels at their boxes, and
// the prose boxes filled with our own sentences.
import type { Form, Label, ProseGroup } from './form';
import type { Look } from './look';
import { sansOutlines } from './outlines';
import { layProse, proseBold, proseText } from './prose';
import { OutlineFace, type Face, type Sheet } from './sheet';

export interface LabelFaces {
  regular: Face;
  bold: Face;
}

function labelFace(faces: LabelFaces, label: Label, look: Look): Face {
  if (look.labels.weight === 'regular') return faces.regular;
  if (look.labels.weight === 'bold') return faces.bold;
  return label.bold ? faces.bold : faces.regular;
}

/** The form's own "$" beside each amount, which a system that glues "$" to amounts leaves out. */
const isAmountDollar = (l: Label) => l.text === '$' && Math.abs(l.box[0] - 518.4) < 0.5;

export function drawBlank(sheet: Sheet, form: Form, look: Look, faces: LabelFaces): void {
  for (const r of form.rules) sheet.rule(r, look.ruleWidth);
  for (const f of form.frames) sheet.frame(f.box, f.width);
  for (const label of form.labels) {
    if (look.amounts.glued && isAmountDollar(label)) continue;
    // A measured box is [x, baseline - 0.2 size, x + width, baseline + 0.8 size].
    sheet.text(labelFace(faces, label, look), label.text, label.box[0], label.box[1] + 0.2 * label.size, label.size);
  }
  const groups = [...new Set(form.prose.map((p) => p.group))] as ProseGroup[];
  for (const group of groups) {
    const face = proseBold[group] ? faces.bold : faces.regular;
    const lines = form.prose.filter((p) => p.group === group);
    for (const w of layProse(lines, proseText(group, form.edition), (s, size) => face.width(s, size), look.justify)) {
      sheet.text(face, w.text, w.x, w.baseline, w.size);
    }
  }
  // The blank's logo is a picture, so it is drawn as outlines: no text for a reader to find.
  if (look.extras.logo) sheet.text(new OutlineFace(sansOutlines(true)), 'ACORD', 24, 748, 19);
}

/** What agency systems add around the form: their form code, page numbers, a print stamp. */
export function drawExtras(sheet: Sheet, look: Look, face: Face, stamp: { code: string; printedBy: string }): void {
  if (look.extras.agencyCode) sheet.text(face, stamp.code, 21.6, 16, 6);
  if (look.extras.pageNumber) sheet.text(face, 'Page 1 of 1', 280, 16, 7);
  if (look.extras.printedBy) sheet.text(face, stamp.printedBy, 430, 16, 6.5);
}
