import { AppError } from '../errors';
import { checkPdfBounds } from './pdf-bounds';
import { closeReader } from './ocr';
import { openPdf } from './pdf';
import { readCertificate } from './reader';
import type { ChildTask } from './isolated';

// The reader's own process (started by isolated.ts): one task, one reply, then it exits. Whatever
// a document does to it (a fatal V8 error, native memory, a hang) ends here, not in the server.

async function pdfPages(bytes: Uint8Array): Promise<number> {
  checkPdfBounds(bytes);
  const pdf = await openPdf(bytes);
  try {
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}

async function run(task: ChildTask): Promise<unknown> {
  if (task.kind === 'pages') return pdfPages(task.bytes);
  // The bytes come from outside: what their streams would expand to is bounded before pdf.js decodes them.
  checkPdfBounds(task.bytes);
  try {
    return await readCertificate(task.bytes, task.options);
  } finally {
    await closeReader();
  }
}

process.once('message', (task: ChildTask) => {
  run(task)
    .then((result) => ({ ok: true, result }))
    .catch((error: unknown) => {
      const known = error instanceof AppError;
      return { ok: false, code: known ? error.code : 'reader_failed', message: known ? error.message : 'The reader failed on this document.' };
    })
    .then((reply) => process.send?.(reply, () => process.exit(0)));
});
