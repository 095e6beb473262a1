import { PDFDocument, StandardFonts } from 'pdf-lib';
import { deflateSync } from 'node:zlib';

/** Files every reader must refuse (or, for the letter, read as "not a certificate"). */
export interface BadFile {
  name: string;
  bytes: Uint8Array;
  /** The error code expected, or null when the file must read with `form: null`. */
  code: string | null;
}

function encryptedPdf(): Uint8Array {
  const hex = (n: number) => 'A5'.repeat(n);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16)}> <${hex(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

function zeroPagePdf(): Uint8Array {
  const body =
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
  return new TextEncoder().encode(body);
}

function hugePng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30000, 0);
  ihdr.writeUInt32BE(30000, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]));
}

async function letterPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const lines = ['Invoice 20931', 'Bill to: Stonebridge Builders Inc', 'Concrete pumping, 6 hours', 'Amount due: $1,840.00', 'Payment due within 30 days.'];
  lines.forEach((l, i) => page.drawText(l, { x: 72, y: 700 - i * 18, size: 12, font }));
  return doc.save();
}

async function manyPagesPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 320; i++) doc.addPage([200, 200]);
  return doc.save();
}

export async function badFiles(): Promise<BadFile[]> {
  const good = await letterPdf();
  return [
    { name: 'bad-not-a-pdf.pdf', bytes: new TextEncoder().encode('Dear sir, please find our certificate attached.\n'), code: 'unsupported_type' },
    { name: 'bad-encrypted.pdf', bytes: encryptedPdf(), code: 'encrypted_pdf' },
    { name: 'bad-corrupt.pdf', bytes: new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...good.slice(400, 900)]), code: 'corrupt_pdf' },
    { name: 'bad-zero-pages.pdf', bytes: zeroPagePdf(), code: 'no_pages' },
    { name: 'bad-many-pages.pdf', bytes: await manyPagesPdf(), code: 'too_many_pages' },
    { name: 'bad-huge-image.png', bytes: hugePng(), code: 'image_too_large' },
    { name: 'bad-empty.pdf', bytes: new Uint8Array(0), code: 'empty_file' },
    { name: 'not-a-certificate.pdf', bytes: good, code: null },
  ];
}
