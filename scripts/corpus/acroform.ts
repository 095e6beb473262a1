// Values as filled fields of the official fillable form: the widget names and boxes are the
// form's own, so a reader can take values from the fields instead of the page.
import { TextAlignment, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Filled } from './fill';
import type { Rng } from './rng';

/** How fields are named: as on the ACORD blank, or as a re-saved blank renames them. */
export type Naming = 'acord' | 'renamed';

const remarksField = 'CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A';
const alignments = { left: TextAlignment.Left, center: TextAlignment.Center, right: TextAlignment.Right };

function namer(naming: Naming, rng: Rng): (leaf: string) => string {
  if (naming === 'acord') return (leaf) => `F[0].P1[0].${leaf}[0]`;
  // Re-saved blanks replace the instance letter with a serial number (Insurer_FullName_001).
  const serials = rng.shuffle(Array.from({ length: 900 }, (_, i) => i + 100));
  return (leaf) => `${leaf.replace(/_[A-F]$/, '')}_${serials.pop()}`;
}

export function fillForm(doc: PDFDocument, page: PDFPage, filled: Filled, font: PDFFont, size: number, naming: Naming, rng: Rng): void {
  const form = doc.getForm();
  const name = namer(naming, rng);
  for (const e of filled.entries) {
    if (e.field.includes('#')) throw new Error(`${e.field}: the fillable form has no second line`);
    const [x0, y0, x1, y1] = e.box;
    const field = form.createTextField(name(e.field));
    const multiline = e.field === remarksField;
    if (multiline) field.enableMultiline();
    field.setText(e.text);
    field.setAlignment(alignments[e.align]);
    field.addToPage(page, { x: x0, y: y0, width: x1 - x0, height: y1 - y0, borderWidth: 0, font });
    const width = font.widthOfTextAtSize(e.text, size);
    // As the fillable form's auto size does, a value wider than its box is set smaller.
    field.setFontSize(multiline ? size : Math.min(size, (size * (x1 - x0 - 4)) / width));
  }
  for (const c of filled.checks) {
    const box = form.createCheckBox(name(c.field));
    box.addToPage(page, { x: c.box[0], y: c.box[1], width: c.box[2] - c.box[0], height: c.box[3] - c.box[1], borderWidth: 0 });
    if (c.on) box.check();
  }
  form.updateFieldAppearances(font);
}
