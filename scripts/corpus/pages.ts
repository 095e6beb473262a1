import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { wrapText } from './format';
import type { Truth } from './facts';
import { partyLines } from './parties';
import type { Rng } from './rng';

const endorsementTitles: Record<string, string> = {
  'CG 20 10': 'ADDITIONAL INSURED - OWNERS, LESSEES OR CONTRACTORS - SCHEDULED PERSON OR ORGANIZATION',
  'CG 20 37': 'ADDITIONAL INSURED - OWNERS, LESSEES OR CONTRACTORS - COMPLETED OPERATIONS',
  'CG 24 04': 'WAIVER OF TRANSFER OF RIGHTS OF RECOVERY AGAINST OTHERS TO US',
  'CA 20 48': 'DESIGNATED INSURED FOR COVERED AUTOS LIABILITY COVERAGE',
};

// Filler in our own words; only the form number and title matter to the reader.
const body =
  'This page changes the policy named in the declarations. The person or organization shown in the schedule is included as an insured, but only for the work described and only to the extent the written contract requires. All other terms of the policy stay the same.';

const lines = (text: string, font: PDFFont, size: number, width: number) => wrapText(text, (s) => font.widthOfTextAtSize(s, size), width);

/** An ACORD 101 continuation page carrying the rest of the remarks. */
export async function addRemarksPage(doc: PDFDocument, text: string, insured: string): Promise<void> {
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawText('ACORD', { x: 36, y: 750, size: 14, font: bold });
  page.drawText('ADDITIONAL REMARKS SCHEDULE', { x: 200, y: 752, size: 12, font: bold });
  page.drawText('AGENCY', { x: 36, y: 720, size: 6, font });
  page.drawText('NAMED INSURED', { x: 310, y: 720, size: 6, font });
  page.drawText(insured, { x: 310, y: 708, size: 8, font });
  page.drawText('ADDITIONAL REMARKS', { x: 36, y: 680, size: 7, font: bold });
  page.drawText('THIS ADDITIONAL REMARKS FORM IS A SCHEDULE TO ACORD FORM,', { x: 36, y: 668, size: 6, font });
  page.drawText('FORM NUMBER: 25   FORM TITLE: CERTIFICATE OF LIABILITY INSURANCE', { x: 36, y: 658, size: 6, font });
  lines(text, font, 8, 530).forEach((line, i) => page.drawText(line, { x: 40, y: 640 - i * 11, size: 8, font }));
  page.drawText('ACORD 101 (2008/01)', { x: 36, y: 40, size: 8, font: bold });
  page.drawText('© 2008 ACORD CORPORATION. All rights reserved.', { x: 200, y: 40, size: 6, font });
}

/** An endorsement page whose footer names its form number and edition. */
export async function addEndorsementPage(doc: PDFDocument, rng: Rng, form: string, edition: string): Promise<void> {
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const printed = rng.chance(0.5) ? `${form} ${edition}` : `${form.replace(/ /g, '').replace(/^([A-Z]{2})/, '$1 ')} ${edition}`;
  page.drawText(printed, { x: 40, y: 760, size: 9, font });
  page.drawText('THIS ENDORSEMENT CHANGES THE POLICY. PLEASE READ IT CAREFULLY.', { x: 120, y: 730, size: 10, font: bold });
  page.drawText(endorsementTitles[form] ?? 'ADDITIONAL INSURED ENDORSEMENT', { x: 40, y: 705, size: 9, font: bold });
  lines(body, font, 10, 530).forEach((line, i) => page.drawText(line, { x: 40, y: 670 - i * 13, size: 10, font }));
  page.drawText(`${printed}     Page 1 of 1`, { x: 40, y: 40, size: 8, font });
}

export const endorsementForms = Object.keys(endorsementTitles);

/** An agency's cover letter, put before the certificate as some carriers send it. */
export async function addCoverLetter(doc: PDFDocument, rng: Rng, t: Truth, date: string): Promise<void> {
  const page = doc.insertPage(0, [612, 792]);
  const font = await doc.embedFont(rng.chance(0.5) ? StandardFonts.Helvetica : StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const at = (text: string, x: number, y: number, size = 10, f = font) => page.drawText(text, { x, y, size, font: f });
  partyLines(t.producer, true).forEach((line, i) => at(line, 130, 720 - i * 13, 10, i === 0 ? bold : font));
  at(date, 460, 690);
  partyLines(t.certificateHolder, true).forEach((line, i) => at(line, 60, 620 - i * 11, 8));
  at('Account information:', 40, 500, 12, bold);
  at(`Policyholder: ${t.insured.name ?? ''}`, 40, 480, 10);
  const body = `Enclosed is the certificate of insurance you asked for on behalf of the policyholder named above. If anything on it needs to change, please write to us at ${t.producer.email ?? 'our office'} and we will issue a new one.`;
  lines(body, font, 10, 530).forEach((line, i) => at(line, 40, 440 - i * 14));
  at('Sincerely,', 40, 380);
  at(`${t.producer.name ?? ''} service team`, 40, 364);
  page.drawLine({ start: { x: 40, y: 60 }, end: { x: 572, y: 60 }, thickness: 3 });
  at(`LTR${rng.digits(3)}`, 40, 44, 8, bold);
}
