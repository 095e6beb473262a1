import { PDFDocument, PDFTextField } from 'pdf-lib';
import type { Align, Pen, Sheet } from './sheet';
import type { Rng } from './rng';

/** How fields are named: as on the ACORD blank, or as a re-saved blank renames them. */
export type Naming = 'acord' | 'renamed';

/** Fills form fields named with ACORD leaf names instead of printing values. */
export class FormPen implements Pen {
  private readonly used = new Set<string>();
  private readonly numbers: number[];
  private remarks: { lines: string[]; x: number; top: number; width: number } | null = null;

  constructor(
    private readonly doc: PDFDocument,
    private readonly sheet: Sheet,
    private readonly naming: Naming,
    rng: Rng,
  ) {
    this.numbers = rng.shuffle(Array.from({ length: 900 }, (_, i) => i + 100));
  }

  private name(leaf: string): string {
    if (this.naming === 'acord') return `F[0].P1[0].${leaf}[0]`;
    // Re-saved blanks replace the instance letter with a serial number.
    return leaf.replace(/_[A-F]$/, '') + `_${this.numbers.pop()}`;
  }

  value(field: string, text: string | null, x: number, top: number, width: number, align: Align = 'left') {
    if (field.includes('#')) {
      const [leaf] = field.split('#');
      if (!this.remarks) this.remarks = { lines: [], x, top, width };
      if (text) this.remarks.lines.push(text);
      void leaf;
      return;
    }
    if (this.used.has(field)) return;
    this.used.add(field);
    const size = this.sheet.style.valueSize;
    const f = this.doc.getForm().createTextField(this.name(field));
    if (text) f.setText(text);
    f.setAlignment(align === 'center' ? 1 : align === 'right' ? 2 : 0);
    f.addToPage(this.sheet.page, {
      x,
      y: this.sheet.height - top - size - 1,
      width: Math.max(8, width),
      height: size + 2.5,
      borderWidth: 0,
      font: this.sheet.fonts.value,
    });
    f.setFontSize(size);
  }

  check(field: string, on: boolean, x: number, top: number, size: number) {
    if (this.used.has(field)) {
      this.sheet.box(x, top, size);
      return;
    }
    this.used.add(field);
    const box = this.doc.getForm().createCheckBox(this.name(field));
    box.addToPage(this.sheet.page, { x, y: this.sheet.height - top - size, width: size, height: size, borderWidth: 0.6 });
    if (on) box.check();
  }

  /** The remarks box is one multi-line field on the blank. */
  finish(): void {
    if (!this.remarks) return;
    const r = this.remarks;
    const size = this.sheet.style.valueSize;
    const f: PDFTextField = this.doc.getForm().createTextField(this.name('CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A'));
    f.enableMultiline();
    f.setText(r.lines.join(' '));
    const h = Math.max(6, r.lines.length) * (size + 2);
    f.addToPage(this.sheet.page, { x: r.x, y: this.sheet.height - r.top - h, width: r.width, height: h, borderWidth: 0, font: this.sheet.fonts.value });
    f.setFontSize(size);
  }
}
