import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { checkPdfBounds } from './pdf-bounds';
import { closeReader } from './ocr';
import { openPdf } from './pdf';
import { readCertificate } from './reader';
import type { ChildTask } from './isolated';

// A reader's own process (started by pool.ts): it serves tasks one at a time for as long as its
// parent keeps it. Whatever a document does to it (a fatal V8 error, native memory, a hang) ends
// here, not in the server; its parent then kills it and starts another.

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

// One task at a time: the parent sends the next only after this one's reply.
process.on('message', (message: { task: ChildTask }) => {
  run(message.task)
    .then((result) => ({ ok: true, result }))
    .catch((error: unknown) => {
      const known = error instanceof AppError;
      return { ok: false, code: known ? error.code : 'reader_failed', message: known ? error.message : 'The reader failed on this document.' };
    })
    .then((reply) => process.send?.({ reply }));
});

// The parent gone (its IPC channel closed), this reader ends. A reader busy in pdf.js cannot
// hear that, so a thread of its own watches for the parent too: once this process has been
// handed to another parent, it kills itself.
process.once('disconnect', () => process.exit(0));
const watchdog = new Worker(
  `const parent = process.ppid; setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL'); }, 250);`,
  { eval: true, execArgv: [] },
);
watchdog.unref();
process.send?.({ ready: true });
