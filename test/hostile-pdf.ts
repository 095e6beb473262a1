import { createDeflate } from 'node:zlib';

// Hostile PDFs built for tests, as an attacker would send them: small files whose streams
// expand to far more than a certificate holds. Each is a valid one-page PDF.

async function deflateRepeated(block: Buffer, times: number): Promise<Buffer> {
  const d = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve, reject) => d.on('end', resolve).on('error', reject));
  for (let i = 0; i < times; i++) d.write(block);
  d.end();
  await ended;
  return Buffer.concat(out);
}

function pdfOf(objects: (string | { dict: string; data: Buffer })[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const body =
      typeof o === 'string'
        ? [Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')]
        : [Buffer.from(`${i + 1} 0 obj\n<< ${o.dict} /Length ${o.data.length} >>\nstream\n`, 'latin1'), o.data, Buffer.from('\nendstream\nendobj\n', 'latin1')];
    for (const b of body) {
      parts.push(b);
      offset += b.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const catalog = '<< /Type /Catalog /Pages 2 0 R >>';
const pages = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';

/** A page whose content stream is Flate-compressed from `mb` MB of drawing operators. */
export async function flateBomb(mb = 512): Promise<Buffer> {
  const content = await deflateRepeated(Buffer.alloc(1 << 20, '0 0 m\n'), mb);
  return pdfOf([catalog, pages, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>', { dict: '/Filter /FlateDecode', data: content }]);
}

/** A page showing one black-and-white picture of `side` x `side` pixels. */
export async function hugeImage(side = 20_000): Promise<Buffer> {
  const rowBytes = Math.ceil(side / 8);
  const image = await deflateRepeated(Buffer.alloc(rowBytes * 100, 0x55), Math.ceil(side / 100));
  const content = await deflateRepeated(Buffer.from('q 612 0 0 792 0 0 cm /Im1 Do Q\n'), 1);
  return pdfOf([
    catalog,
    pages,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
    { dict: '/Filter /FlateDecode', data: content },
    { dict: `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode`, data: image },
  ]);
}

/**
 * A one-page PDF of `count` small indirect objects (about 20 bytes each) listed in a compressed
 * cross-reference stream: 850,000 make about 18.6 MB, which pdf.js took 8.5 s to open.
 */
export async function manyObjects(count = 850_000): Promise<Buffer> {
  const head = [
    '%PDF-1.7\n',
    `1 0 obj\n${catalog}\nendobj\n`,
    `2 0 obj\n${pages}\nendobj\n`,
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n',
  ];
  const body = [...head];
  for (let i = head.length; i < count; i++) body.push(`${i} 0 obj[${i % 10}]endobj\n`);
  // Entry i: type 1 (in use), 4-byte offset, generation 0 (W [1 4 1]); entry 0 is free.
  const entries = Buffer.alloc((count + 1) * 6);
  let offset = 0;
  body.forEach((text, i) => {
    if (i > 0) {
      entries.writeUInt8(1, i * 6);
      entries.writeUInt32BE(offset, i * 6 + 1);
    }
    offset += text.length;
  });
  const xrefAt = offset;
  // The cross-reference stream is object `count` itself.
  entries.writeUInt8(1, count * 6);
  entries.writeUInt32BE(xrefAt, count * 6 + 1);
  const xref = await deflateRepeated(entries, 1);
  return Buffer.concat([
    Buffer.from(body.join(''), 'latin1'),
    Buffer.from(`${count} 0 obj\n<< /Type /XRef /Size ${count + 1} /W [1 4 1] /Root 1 0 R /Filter /FlateDecode /Length ${xref.length} >>\nstream\n`, 'latin1'),
    xref,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
  ]);
}
