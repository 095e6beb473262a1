import {
  appendBezierCurve,
  closePath,
  concatTransformationMatrix,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { Box } from './form';
import type { TrueTypeFont } from './outlines';

/** A way of putting text on the page. */
export interface Face {
  width(text: string, size: number): number;
  draw(page: PDFPage, text: string, x: number, baseline: number, size: number): void;
}

/** A pdf-lib font; `spaced` draws every glyph as its own text operation, as some systems print. */
export class FontFace implements Face {
  constructor(
    readonly font: PDFFont,
    private readonly spaced = false,
  ) {}

  width(text: string, size: number): number {
    return this.font.widthOfTextAtSize(text, size);
  }

  draw(page: PDFPage, text: string, x: number, baseline: number, size: number): void {
    if (!this.spaced) {
      page.drawText(text, { x, y: baseline, size, font: this.font });
      return;
    }
    let at = x;
    for (const ch of text) {
      if (ch !== ' ') page.drawText(ch, { x: at, y: baseline, size, font: this.font });
      at += this.font.widthOfTextAtSize(ch, size);
    }
  }
}

/** Text as filled glyph outlines: it looks printed but leaves no text layer. */
export class OutlineFace implements Face {
  constructor(private readonly font: TrueTypeFont) {}

  width(text: string, size: number): number {
    return this.font.widthOf(text, size);
  }

  draw(page: PDFPage, text: string, x: number, baseline: number, size: number): void {
    const k = size / this.font.unitsPerEm;
    let at = x;
    for (const ch of text) {
      const glyph = this.font.glyphOf(ch);
      const outline = this.font.outline(glyph);
      if (outline.length) {
        const ops: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(k, 0, 0, k, at, baseline)];
        for (const op of outline) {
          if (op[0] === 'M') ops.push(moveTo(op[1], op[2]));
          else if (op[0] === 'L') ops.push(lineTo(op[1], op[2]));
          else if (op[0] === 'C') ops.push(appendBezierCurve(op[1], op[2], op[3], op[4], op[5], op[6]));
          else ops.push(closePath());
        }
        page.pushOperators(...ops, fill(), popGraphicsState());
      }
      at += (this.font.advance(glyph) * size) / this.font.unitsPerEm;
    }
  }
}

export type Align = 'left' | 'center' | 'right';

/** Drawing on one page in the form's own coordinates (points, origin bottom-left). */
export class Sheet {
  constructor(readonly page: PDFPage) {}

  /** Print-to-fit: everything drawn until `end` is scaled and shifted. */
  begin(scale: number, dx: number, dy: number): void {
    this.page.pushOperators(pushGraphicsState(), concatTransformationMatrix(scale, 0, 0, scale, dx, dy));
  }

  end(): void {
    this.page.pushOperators(popGraphicsState());
  }

  text(face: Face, text: string, x: number, baseline: number, size: number, align: Align = 'left', width = 0): void {
    const w = face.width(text, size);
    const dx = align === 'center' ? (width - w) / 2 : align === 'right' ? width - w : 0;
    face.draw(this.page, text, x + dx, baseline, size);
  }

  /** A measured rule: a line along its long side. */
  rule(b: Box, thickness: number): void {
    const horizontal = b[2] - b[0] >= b[3] - b[1];
    const y = (b[1] + b[3]) / 2;
    const x = (b[0] + b[2]) / 2;
    const [start, end] = horizontal ? [{ x: b[0], y }, { x: b[2], y }] : [{ x, y: b[1] }, { x, y: b[3] }];
    this.page.drawLine({ start, end, thickness, color: rgb(0, 0, 0) });
  }

  frame(b: Box, thickness: number): void {
    this.page.drawRectangle({ x: b[0], y: b[1], width: b[2] - b[0], height: b[3] - b[1], borderWidth: thickness, borderColor: rgb(0, 0, 0) });
  }

  line(x0: number, y0: number, x1: number, y1: number, thickness: number): void {
    this.page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y1 }, thickness, color: rgb(0, 0, 0) });
  }
}
