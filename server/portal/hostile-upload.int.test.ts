import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { createTestRequest } from '../../test/factories';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { flateBomb, hugeImage, manyObjects } from '../../test/hostile-pdf';
import { readersBusy } from '../certificates/pool';

// Files built to exhaust the reader are refused at upload, in plain words, by a check that runs
// in its own process (the server keeps answering), and nothing is stored.

let stack: Stack;
beforeAll(async () => {
  // No background reading: only what happens at upload is under test.
  stack = await startStack({ env: { WORKERS: 'off' } });
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

/** Whether this process (the app runs in it) has a reader process at work now (readers are kept warm, so one merely alive does not count). */
async function inspecting(): Promise<boolean> {
  return readersBusy() > 0;
}

describe('an upload that takes pdf.js seconds to open (850,000 objects, about 19 MB)', () => {
  it('is opened in its own process while the server keeps answering, and gets a clear answer', async () => {
    const r = await createTestRequest(stack.app.services);
    const bytes = await manyObjects();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    // Health checks sent and answered while the reader's process had the file open.
    let answeredWhileInspecting = 0;
    let finished = false;
    const pinging = (async () => {
      while (!finished) {
        const before = await inspecting();
        if (before) delay.enable();
        const health = await fetch(`${stack.app.url}/api/health`).catch(() => null);
        if (before && health?.ok && (await inspecting())) answeredWhileInspecting += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    let res: Response;
    try {
      res = await upload(r.token, [{ name: 'many-objects.pdf', bytes }]);
    } finally {
      finished = true;
      await pinging;
      delay.disable();
    }
    expect(answeredWhileInspecting).toBeGreaterThan(0);
    // Accepted (it is a valid one-page PDF) or, on a machine too busy to open it in time, refused in plain words.
    const body = (await res.json()) as { data?: { received: unknown[] }; error?: { code: string } };
    if (res.status === 200) expect(body.data?.received).toHaveLength(1);
    else expect([res.status, body.error?.code]).toEqual([422, 'unsafe_pdf']);
    console.log(`many-objects upload: HTTP ${res.status}; ${answeredWhileInspecting} health checks answered while it was being opened; event loop delay then: max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`);
  }, 90_000);
});
