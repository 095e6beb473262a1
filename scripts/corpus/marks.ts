import { rgb, type PDFFont } from 'pdf-lib';
import type { Box } from './form';
import type { MarkStyle } from './look';
import type { Rng } from './rng';
import type { Face, Sheet } from './sheet';

export interface MarkFaces {
  value: Face;
  dingbats: PDFFont | null;
}

/**
 * A checked box the way issued certificates show it: an "X" in the value font, a ZapfDingbats
 * check or cross, or strokes with no text at all (a cross or a tick).
 */
export function drawMark(sheet: Sheet, box: Box, style: MarkStyle, faces: MarkFaces): void {
  const [x0, y0, x1, y1] = box;
  const side = Math.min(x1 - x0, y1 - y0);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const r = side * 0.32;
  if (style === 'vector-cross') {
    sheet.line(cx - r, cy - r, cx + r, cy + r, 0.9);
    sheet.line(cx - r, cy + r, cx + r, cy - r, 0.9);
  } else if (style === 'vector-tick') {
    sheet.line(cx - r, cy, cx - r * 0.3, cy - r, 1);
    sheet.line(cx - r * 0.3, cy - r, cx + r, cy + r, 1);
  } else if (style === 'vector-slash') {
    sheet.line(cx - r, cy - r, cx + r, cy + r, 1.2);
  } else if (style === 'filled') {
    sheet.page.drawRectangle({ x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, color: rgb(0, 0, 0) });
  } else if (style === 'x-glyph' || !faces.dingbats) {
    const size = side * 0.85;
    sheet.text(faces.value, 'X', x0, cy - 0.35 * size, size, 'center', x1 - x0);
  } else {
    const glyph = style === 'dingbat-check' ? '✔' : '✖';
    const size = side * 0.8;
    const w = faces.dingbats.widthOfTextAtSize(glyph, size);
    sheet.page.drawText(glyph, { x: cx - w / 2, y: cy - 0.35 * size, size, font: faces.dingbats });
  }
}

/** A hand signature as strokes in the AUTHORIZED REPRESENTATIVE box, and maybe a typed name. */
export function drawSignature(sheet: Sheet, rng: Rng, face: Face, typedName: string | null | undefined): void {
  let x = rng.range(340, 400);
  let y = rng.range(56, 62);
  for (let i = 0; i < rng.int(6, 10); i++) {
    const nx = x + rng.range(6, 14);
    const ny = rng.range(52, 68);
    sheet.line(x, y, nx, ny, 0.8);
    [x, y] = [nx, ny];
  }
  if (typedName) sheet.text(face, typedName, 312, 51, 7);
}
