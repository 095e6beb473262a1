import type { Truth } from './facts';
import { formatDate, phone } from './format';
import { drawCoverages } from './coverages';
import type { Pen, Sheet } from './sheet';

type Party = Truth['insured'];

// Boilerplate in our own words: the real form's wording is licensed, only its layout idea is used.
const notice =
  'THIS DOCUMENT IS PROVIDED FOR INFORMATION. IT GIVES THE HOLDER NO RIGHTS AND DOES NOT CHANGE, EXTEND OR REPLACE THE COVERAGE OF THE POLICIES LISTED. IT IS NOT A CONTRACT BETWEEN THE ISSUING CARRIERS, THEIR AGENT AND THE HOLDER.';
const important2016 =
  'IMPORTANT: WHERE THE HOLDER IS TO BE AN ADDITIONAL INSURED, THE POLICIES MUST HAVE ADDITIONAL INSURED PROVISIONS OR BE ENDORSED. A WAIVER OF SUBROGATION MAY ALSO NEED AN ENDORSEMENT.';
const important2014 =
  'IMPORTANT: WHERE THE HOLDER IS TO BE AN ADDITIONAL INSURED, THE POLICIES MUST BE ENDORSED. A WAIVER OF SUBROGATION MAY ALSO NEED AN ENDORSEMENT.';
const periodNote =
  'THE POLICIES BELOW WERE ISSUED TO THE NAMED PARTY FOR THE PERIODS SHOWN. LIMITS MAY HAVE BEEN REDUCED BY PAID CLAIMS AND ALL POLICY TERMS, EXCLUSIONS AND CONDITIONS APPLY.';
const cancelNote = 'IF A POLICY LISTED ABOVE ENDS BEFORE ITS EXPIRATION DATE, NOTICE IS GIVEN AS THE POLICY PROVIDES.';
export const remarksLabel =
  'DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES (ACORD 101, Additional Remarks Schedule, may be attached if more space is required)';

/** Wrap text to a width; returns the lines. */
export function wrap(sheet: Sheet, text: string, width: number, size: number, font = sheet.fonts.label): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && current) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

function paragraph(sheet: Sheet, text: string, x: number, top: number, width: number): number {
  const size = sheet.style.labelSize * 0.95;
  const lines = wrap(sheet, text, width, size);
  lines.forEach((l, i) => sheet.label(l, x, top + i * (size + 1.5), { size }));
  return top + lines.length * (size + 1.5) + 3;
}

function party(sheet: Sheet, pen: Pen, prefix: string, p: Party, x: number, top: number, width: number) {
  const lh = sheet.style.lineHeight;
  const a = p.address;
  pen.value(`${prefix}_FullName_A`, p.name, x, top, width);
  let row = 1;
  pen.value(`${prefix}_MailingAddress_LineOne_A`, a?.line1 ?? null, x, top + lh * row++, width);
  if (a?.line2) pen.value(`${prefix}_MailingAddress_LineTwo_A`, a.line2, x, top + lh * row++, width);
  const cityTop = top + lh * row;
  pen.value(`${prefix}_MailingAddress_CityName_A`, a?.city ? `${a.city},` : null, x, cityTop, width * 0.5);
  const cityWidth = sheet.fonts.value.widthOfTextAtSize(`${a?.city ?? ''}, `, sheet.style.valueSize);
  pen.value(`${prefix}_MailingAddress_StateOrProvinceCode_A`, a?.state ?? null, x + cityWidth + 2, cityTop, 16);
  pen.value(`${prefix}_MailingAddress_PostalCode_A`, a?.postalCode ?? null, x + cityWidth + 20, cityTop, 60);
}

function producerBlock(sheet: Sheet, pen: Pen, t: Truth, top: number): number {
  const s = sheet.style;
  const lh = s.lineHeight;
  const x0 = s.margin;
  const w = 612 - 2 * s.margin;
  const xr = x0 + w * 0.5 + 3;
  const rw = w * 0.5 - 6;
  sheet.label('PRODUCER', x0 + 2, top, { bold: true });
  party(sheet, pen, 'Producer', t.producer, x0 + 6, top + lh, w * 0.5 - 10);
  const contactW = sheet.label('CONTACT NAME:', xr, top);
  pen.value('Producer_ContactPerson_FullName_A', t.producer.contactName ?? null, xr + contactW + 4, top, rw - contactW - 6);
  const phoneW = sheet.label('PHONE (A/C, No, Ext):', xr, top + lh);
  pen.value('Producer_ContactPerson_PhoneNumber_A', phone(t.producer.phone), xr + phoneW + 3, top + lh, rw * 0.52 - phoneW - 4);
  const faxW = sheet.label('FAX (A/C, No):', xr + rw * 0.55, top + lh);
  pen.value('Producer_FaxNumber_A', phone(t.producer.fax), xr + rw * 0.55 + faxW + 3, top + lh, rw * 0.45 - faxW - 4);
  const mailW = sheet.label('E-MAIL ADDRESS:', xr, top + 2 * lh);
  pen.value('Producer_ContactPerson_EmailAddress_A', t.producer.email ?? null, xr + mailW + 4, top + 2 * lh, rw - mailW - 6);
  sheet.label('INSURER(S) AFFORDING COVERAGE', xr, top + 3 * lh, { width: rw * 0.75 - 8, align: 'center' });
  const naicX = xr + rw * 0.82;
  sheet.label('NAIC #', naicX, top + 3 * lh);
  for (let i = 0; i < 6; i++) {
    const letter = 'ABCDEF'[i]!;
    const rowTop = top + (4 + i) * lh;
    const insurer = t.insurers.find((r) => r.letter === letter);
    const labelW = sheet.label(`INSURER ${letter} :`, xr, rowTop);
    pen.value(`Insurer_FullName_${letter}`, insurer?.name ?? null, xr + labelW + 4, rowTop, naicX - xr - labelW - 8);
    pen.value(`Insurer_NAICCode_${letter}`, insurer?.naic ?? null, naicX, rowTop, rw - (naicX - xr));
  }
  sheet.label('INSURED', x0 + 2, top + 5 * lh, { bold: true });
  party(sheet, pen, 'NamedInsured', t.insured, x0 + 6, top + 6 * lh, w * 0.5 - 10);
  const bottom = top + 10 * lh + 2;
  sheet.hline(x0, x0 + w, top - 3);
  sheet.vline(xr - 3, top - 3, bottom);
  sheet.hline(x0, x0 + w, bottom);
  return bottom + 4;
}

function footer(sheet: Sheet, t: Truth) {
  const s = sheet.style;
  const x0 = s.margin;
  const bottom = 792 - Math.max(18, s.top - 6);
  const years = s.edition === '2016/03' ? '1988-2015' : '1988-2014';
  sheet.label(`© ${years} ACORD CORPORATION. All rights reserved.`, x0 + 150, bottom - 20, { size: 6 });
  sheet.label(`ACORD 25 (${s.edition})`, x0, bottom - 10, { bold: true, size: 8 });
  if (s.agencyFooter) sheet.label(`INS025 (${s.edition.replace('/', '')})`, x0, bottom - 20, { size: 6 });
  sheet.label('The ACORD name and logo are registered marks of ACORD', x0 + 300, bottom - 10, { size: 6 });
  void t;
}

export function drawCertificate(sheet: Sheet, pen: Pen, t: Truth, remarks: string[]) {
  const s = sheet.style;
  const x0 = s.margin;
  const w = 612 - 2 * s.margin;
  let y = s.top;
  sheet.label('ACORD', x0, y, { bold: true, size: 14 });
  sheet.label('CERTIFICATE OF LIABILITY INSURANCE', x0 + 110, y + 2, { bold: true, size: 12 });
  sheet.label('DATE (MM/DD/YYYY)', x0 + w - 72, y, { width: 70, align: 'center' });
  pen.value('Form_CompletionDate_A', formatDate(t.certificateDate, s), x0 + w - 72, y + s.labelSize + 3, 70, 'center');
  y += 24;
  y = paragraph(sheet, notice, x0, y, w);
  y = paragraph(sheet, s.edition === '2016/03' ? important2016 : important2014, x0, y, w);
  y = producerBlock(sheet, pen, t, y + 3);
  sheet.label('COVERAGES', x0 + 2, y, { bold: true });
  const certW = sheet.label('CERTIFICATE NUMBER:', x0 + w * 0.3, y);
  pen.value('CertificateOfInsurance_CertificateNumberIdentifier_A', t.certificateNumber, x0 + w * 0.3 + certW + 4, y, w * 0.35 - certW);
  const revW = sheet.label('REVISION NUMBER:', x0 + w * 0.68, y);
  pen.value('CertificateOfInsurance_RevisionNumberIdentifier_A', t.revisionNumber, x0 + w * 0.68 + revW + 4, y, w * 0.32 - revW - 4);
  y = paragraph(sheet, periodNote, x0, y + s.lineHeight + 2, w);
  y = drawCoverages(sheet, pen, t, y + 2);
  sheet.label(remarksLabel, x0 + 2, y + 2, { size: s.labelSize * 0.9, width: w - 4 });
  const remarksTop = y + s.labelSize + 5;
  remarks.forEach((line, i) => pen.value(`CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A#${i}`, line, x0 + 4, remarksTop + i * (s.valueSize + 2), w - 8));
  y = remarksTop + Math.max(6, remarks.length) * (s.valueSize + 2) + 4;
  sheet.hline(x0, x0 + w, y - 2);
  sheet.label('CERTIFICATE HOLDER', x0 + 2, y, { bold: true });
  sheet.label('CANCELLATION', x0 + w * 0.5 + 4, y, { bold: true });
  sheet.vline(x0 + w * 0.5, y - 2, y + 6 * s.lineHeight);
  party(sheet, pen, 'CertificateHolder', t.certificateHolder, x0 + 12, y + s.lineHeight * 1.3, w * 0.5 - 20);
  paragraph(sheet, cancelNote, x0 + w * 0.5 + 4, y + s.lineHeight, w * 0.5 - 8);
  sheet.label('AUTHORIZED REPRESENTATIVE', x0 + w * 0.5 + 4, y + 4 * s.lineHeight);
  sheet.text(t.producer.contactName ?? '', x0 + w * 0.5 + 20, y + 5 * s.lineHeight, { font: sheet.fonts.value, size: s.valueSize });
  footer(sheet, t);
}
