import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { flateBomb, hugeImage } from '../../test/hostile-pdf';
import { checkPdfBounds, pdfBounds } from './pdf-bounds';

/** A PDF-like body holding the given Flate streams (only the streams matter to the check). */
function withStreams(datas: Buffer[]): Buffer {
  const parts = datas.map((d, i) => Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Filter /FlateDecode /Length ${d.length} >>\nstream\n`, 'latin1'), d, Buffer.from('\nendstream\nendobj\n')]));
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), ...parts]);
}

describe('checkPdfBounds', () => {
  it('refuses a stream that would expand past its bound, however small the file', async () => {
    const bomb = await flateBomb(64);
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => checkPdfBounds(bomb)).toThrow(/cannot be read safely/);
  });

  it('refuses a picture of more pixels than the reader reads', async () => {
    const image = await hugeImage(20_000);
    expect(() => checkPdfBounds(image)).toThrow(/cannot be read safely/);
  });

  it('accepts ordinary streams, decoded or too short to matter', () => {
    const text = Buffer.from('BT /F1 9 Tf 36 700 Td (CERTIFICATE OF LIABILITY INSURANCE) Tj ET\n'.repeat(400));
    expect(() => checkPdfBounds(withStreams([deflateSync(text), deflateSync(text)]))).not.toThrow();
  });

  it('bounds many small streams together, decoding those past the undecoded allowance', () => {
    const small = deflateSync(Buffer.alloc(1 << 20, 'a'), { level: 9 });
    const bounds = { ...pdfBounds, maxStreamBytes: 2 << 20, maxTotalBytes: 8 << 20 };
    // Each decodes to 1 MB: three go undecoded (their greatest sizes nearly fill half the total), the rest are decoded.
    expect(() => checkPdfBounds(withStreams(Array(6).fill(small)), bounds)).not.toThrow();
    expect(() => checkPdfBounds(withStreams(Array(40).fill(small)), bounds)).toThrow(/cannot be read safely/);
  });
});
