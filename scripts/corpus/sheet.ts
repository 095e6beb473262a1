import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib';
import type { CheckStyle, FontName, Style } from './style';

const fontFiles: Record<FontName, [StandardFonts, StandardFonts]> = {
  Helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  Times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  Courier: [StandardFonts.Courier, StandardFonts.CourierBold],
};

export interface Fonts {
  label: PDFFont;
  labelBold: PDFFont;
  value: PDFFont;
  dingbats: PDFFont;
}

export async function embedFonts(doc: PDFDocument, style: Style): Promise<Fonts> {
  const [label, bold] = fontFiles[style.labelFont];
  return {
    label: await doc.embedFont(label),
    labelBold: await doc.embedFont(bold),
    value: await doc.embedFont(fontFiles[style.valueFont][0]),
    dingbats: await doc.embedFont(StandardFonts.ZapfDingbats),
  };
}

export type Align = 'left' | 'center' | 'right';

/** Drawing in top-down coordinates: `top` is the top of a line of text. */
export class Sheet {
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
    readonly style: Style,
  ) {}

  get height(): number {
    return this.page.getHeight();
  }

  text(str: string, x: number, top: number, opts: { size?: number; font?: PDFFont; align?: Align; width?: number } = {}) {
    const font = opts.font ?? this.fonts.label;
    let size = opts.size ?? this.style.labelSize;
    let w = font.widthOfTextAtSize(str, size);
    if (opts.width && w > opts.width) {
      size = (size * opts.width) / w;
      w = opts.width;
    }
    const dx = opts.align === 'center' ? ((opts.width ?? w) - w) / 2 : opts.align === 'right' ? (opts.width ?? w) - w : 0;
    this.page.drawText(str, { x: x + dx, y: this.height - top - 0.8 * size, size, font });
    return w;
  }

  label(str: string, x: number, top: number, opts: { size?: number; bold?: boolean; align?: Align; width?: number } = {}) {
    return this.text(str, x, top, { ...opts, font: opts.bold ? this.fonts.labelBold : this.fonts.label });
  }

  hline(x0: number, x1: number, top: number, thickness = 0.6) {
    this.page.drawLine({ start: { x: x0, y: this.height - top }, end: { x: x1, y: this.height - top }, thickness });
  }

  vline(x: number, top: number, bottom: number, thickness = 0.6) {
    this.page.drawLine({ start: { x, y: this.height - top }, end: { x, y: this.height - bottom }, thickness });
  }

  box(x: number, top: number, size: number) {
    this.page.drawRectangle({ x, y: this.height - top - size, width: size, height: size, borderWidth: 0.6, borderColor: rgb(0, 0, 0) });
  }

  /** A mark inside a box at (x, top) in one of the styles seen on issued certificates. */
  mark(x: number, top: number, size: number, style: CheckStyle) {
    const y = this.height - top - size;
    const inset = size * 0.18;
    if (style === 'vector') {
      const a = { x: x + inset, y: y + inset };
      const b = { x: x + size - inset, y: y + size - inset };
      this.page.drawLine({ start: a, end: b, thickness: 0.9 });
      this.page.drawLine({ start: { x: a.x, y: b.y }, end: { x: b.x, y: a.y }, thickness: 0.9 });
    } else if (style === 'filled') {
      this.page.drawRectangle({ x: x + inset, y: y + inset, width: size - 2 * inset, height: size - 2 * inset, color: rgb(0, 0, 0) });
    } else {
      const glyph = style === 'X' ? 'X' : style === 'cross' ? '✖' : '✔';
      const font = style === 'X' ? this.fonts.labelBold : this.fonts.dingbats;
      const s = size * 0.85;
      const w = font.widthOfTextAtSize(glyph, s);
      this.page.drawText(glyph, { x: x + (size - w) / 2, y: y + size * 0.2, size: s, font });
    }
  }
}

/** Where values go: printed text (flattened) or filled form fields. */
export interface Pen {
  value(field: string, text: string | null, x: number, top: number, width: number, align?: Align): void;
  check(field: string, on: boolean, x: number, top: number, size: number): void;
}

export class TextPen implements Pen {
  constructor(private readonly sheet: Sheet) {}

  value(_field: string, text: string | null, x: number, top: number, width: number, align: Align = 'left') {
    if (!text) return;
    const s = this.sheet;
    s.text(text, x, top, { font: s.fonts.value, size: s.style.valueSize, align, width });
  }

  check(_field: string, on: boolean, x: number, top: number, size: number) {
    this.sheet.box(x, top, size);
    if (on) this.sheet.mark(x, top, size, this.sheet.style.check);
  }
}
