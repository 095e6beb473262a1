import { StandardFonts, type PDFDocument, type PDFFont } from 'pdf-lib';
import type { Family, Look } from './look';
import { sansOutlines } from './outlines';
import { FontFace, OutlineFace, type Face } from './sheet';

export interface Faces {
  label: Face;
  labelBold: Face;
  value: Face;
  /** The value font as pdf-lib knows it, for form field appearances (null when text is outlines). */
  valueFont: PDFFont | null;
  dingbats: PDFFont | null;
}

const standard: Record<Family, [regular: StandardFonts, bold: StandardFonts, slanted: StandardFonts, boldSlanted: StandardFonts]> = {
  Helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold, StandardFonts.HelveticaOblique, StandardFonts.HelveticaBoldOblique],
  Times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold, StandardFonts.TimesRomanItalic, StandardFonts.TimesRomanBoldItalic],
  Courier: [StandardFonts.Courier, StandardFonts.CourierBold, StandardFonts.CourierOblique, StandardFonts.CourierBoldOblique],
};

export async function embedFaces(doc: PDFDocument, look: Look): Promise<Faces> {
  if (look.outlines) {
    const regular = new OutlineFace(sansOutlines(false));
    const bold = new OutlineFace(sansOutlines(true));
    return { label: regular, labelBold: bold, value: look.values.bold ? bold : regular, valueFont: null, dingbats: null };
  }
  const [labelRegular, labelBold] = standard[look.labels.family];
  const v = look.values;
  const valueFont = await doc.embedFont(standard[v.family][(v.bold ? 1 : 0) + (v.oblique ? 2 : 0)]!);
  return {
    label: new FontFace(await doc.embedFont(labelRegular), look.spaced.labels),
    labelBold: new FontFace(await doc.embedFont(labelBold), look.spaced.labels),
    value: new FontFace(valueFont, look.spaced.values),
    valueFont,
    dingbats: await doc.embedFont(StandardFonts.ZapfDingbats),
  };
}
