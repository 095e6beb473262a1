import { availableParallelism } from 'node:os';
import { UnreadableDocumentError } from '../errors';
import { portalErrorCodes } from '../contracts/portal';
import { imageSize, sniff, type DocumentKind } from '../certificates/sniff';
import { pdfPagesIsolated, unsafeReadCodes } from '../certificates/isolated';
import { defaults as readerLimits } from '../certificates/limits-config';
import { SubmissionRejectedError } from './errors';

// Checks an uploaded file by its content (never its name or declared type) before anything is
// stored, and says in plain words what to send instead. Limits match the certificate reader's,
// so a file accepted here is one the reader will try.

export const contentTypes: Record<DocumentKind, string> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' };

const sendInstead: Record<string, string> = {
  [portalErrorCodes.emptyFile]: 'This file is empty. Please choose the certificate file again.',
  [portalErrorCodes.unsupportedType]: 'This file is not a PDF, PNG or JPEG. Please send the certificate as a PDF, or a photo of it.',
  [portalErrorCodes.encryptedPdf]: 'This PDF is password-protected. Please send the certificate as a PDF without a password, or a photo of it.',
  [portalErrorCodes.corruptPdf]: 'This PDF is damaged and cannot be opened. Please send a new copy of the certificate, or a photo of it.',
  [portalErrorCodes.noPages]: 'This PDF has no pages. Please send the certificate as a PDF, or a photo of it.',
  [portalErrorCodes.tooManyPages]: `This PDF has more than ${readerLimits.maxDocumentPages} pages. Please send just the certificate and its endorsement pages.`,
  [portalErrorCodes.corruptImage]: 'This picture is damaged and cannot be opened. Please take the photo again, or send the certificate as a PDF.',
  [portalErrorCodes.imageTooLarge]: 'This picture is too large to read. Please send a smaller photo, or the certificate as a PDF.',
  [portalErrorCodes.unsafePdf]:
    "This PDF is built in an unusual way that we cannot read safely. Please send the certificate as a normal PDF (as saved or printed to PDF from your insurance agent's system), or a photo of it.",
};

/** CPU time allowed to open an uploaded PDF (in a reader process, kept warm, so the server's event loop never waits on pdf.js), and the wall clock behind it. */
const inspectCpuMs = 15_000;
const inspectTimeoutMs = 60_000;
/**
 * PDFs opened at once by this server: one per core, in the upload check's pool of readers, which
 * lets the rest wait their turn. Without that limit a burst of uploads shares the cores, and each
 * one's clock runs out on the crowd rather than on its file (8 at once on 2 busy cores took 17 to
 * 19 s each): a sub would be told a normal PDF cannot be read safely. The pool starts a task's
 * clock when its turn comes.
 */
const cores = availableParallelism();

function refuse(filename: string, code: string): SubmissionRejectedError {
  return new SubmissionRejectedError(422, code, sendInstead[code] ?? sendInstead[portalErrorCodes.unsupportedType]!, filename);
}

/** The file's content type, or a SubmissionRejectedError naming the file. */
export async function inspectFile(filename: string, bytes: Uint8Array): Promise<string> {
  let kind: DocumentKind;
  try {
    kind = sniff(bytes);
  } catch (error) {
    throw refuse(filename, error instanceof UnreadableDocumentError ? error.code : portalErrorCodes.unsupportedType);
  }
  if (kind === 'pdf') await inspectPdf(filename, bytes);
  else inspectImage(filename, bytes, kind);
  return contentTypes[kind];
}

async function inspectPdf(filename: string, bytes: Uint8Array): Promise<void> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // A PDF ends with %%EOF (some writers add a few bytes after it).
  if (!text.slice(-2048).includes('%%EOF')) throw refuse(filename, portalErrorCodes.corruptPdf);
  // The trailer (or cross-reference stream) names the encryption dictionary: /Encrypt 12 0 R.
  if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(text)) throw refuse(filename, portalErrorCodes.encryptedPdf);
  let pages: number;
  try {
    pages = await pdfPagesIsolated(bytes, { timeoutMs: inspectTimeoutMs, cpuMs: inspectCpuMs, maxHeapMb: 512, maxRssMb: 1024, readers: cores });
  } catch (error) {
    const code = error instanceof UnreadableDocumentError ? error.code : portalErrorCodes.corruptPdf;
    // Too slow, too big, or it stopped the reader: the same answer as a PDF refused by its bounds.
    throw refuse(filename, unsafeReadCodes.has(code) ? portalErrorCodes.unsafePdf : code);
  }
  if (pages < 1) throw refuse(filename, portalErrorCodes.noPages);
  if (pages > readerLimits.maxDocumentPages) throw refuse(filename, portalErrorCodes.tooManyPages);
}

function inspectImage(filename: string, bytes: Uint8Array, kind: 'png' | 'jpeg'): void {
  let size: { width: number; height: number };
  try {
    size = imageSize(bytes, kind);
  } catch {
    throw refuse(filename, portalErrorCodes.corruptImage);
  }
  if (size.width < 1 || size.height < 1) throw refuse(filename, portalErrorCodes.corruptImage);
  if (size.width * size.height > readerLimits.maxPixels) throw refuse(filename, portalErrorCodes.imageTooLarge);
}
