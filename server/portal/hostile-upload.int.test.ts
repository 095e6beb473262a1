import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { createTestRequest } from '../../test/factories';
import { flateBomb, hugeImage } from '../../test/hostile-pdf';

// Files built to exhaust the reader are refused at upload, in plain words, by a check that runs
// in its own process (the server keeps answering), and nothing is stored.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

async function smallPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText(text, { x: 50, y: 700, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

function upload(token: string, files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: 'application/pdf' }), f.name);
  return fetch(`${stack.app.url}/api/portal/${token}/uploads`, { method: 'POST', body: form });
}

describe('hostile uploads', () => {
  const cases: [string, string, () => Promise<Buffer>][] = [
    ['a Flate bomb (512 MB of page content in under 1 MB)', 'bomb.pdf', () => flateBomb()],
    ['a PDF showing a 20000 x 20000 picture', 'huge-image.pdf', () => hugeImage()],
  ];
  for (const [what, name, make] of cases) {
    it(`refuses ${what}, stores nothing, and the server keeps answering`, async () => {
      const r = await createTestRequest(stack.app.services);
      const res = await upload(r.token, [{ name: 'good.pdf', bytes: await smallPdf('good') }, { name, bytes: await make() }]);
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unsafe_pdf');
      expect(body.error.message).toBe(
        `${name}: This PDF is built in an unusual way that we cannot read safely. Please send the certificate as a normal PDF (as saved or printed to PDF from your insurance agent's system), or a photo of it.`,
      );
      expect(await stack.database.db('documents').where({ request_id: r.requestId })).toHaveLength(0);
      expect((await fetch(`${stack.app.url}/api/portal/${r.token}`)).status).toBe(200);
    });
  }
});
