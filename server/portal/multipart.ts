import busboy from 'busboy';
import type { Request } from 'express';
import { portalErrorCodes } from '../contracts/portal';
import { SubmissionRejectedError } from './errors';

// Reads a multipart submission into memory within hard limits: a file that passes the size
// limit, or one file too many, stops the reading at once instead of buffering what follows.

export interface IncomingFile {
  filename: string;
  bytes: Buffer;
}

export interface Submission {
  files: IncomingFile[];
  fields: Record<string, string>;
}

export interface SubmissionLimits {
  maxFiles: number;
  maxBytes: number;
}

const megabytes = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export function readSubmission(req: Request, limits: SubmissionLimits): Promise<Submission> {
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > limits.maxFiles * limits.maxBytes + 1024 * 1024) {
    return Promise.reject(tooLarge(undefined, limits));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: limits.maxFiles, fileSize: limits.maxBytes, fields: 10, fieldSize: 2048, parts: limits.maxFiles + 10 },
    });
  } catch {
    return Promise.reject(new SubmissionRejectedError(400, 'invalid_input', 'Send the files as multipart/form-data.'));
  }
  return new Promise<Submission>((resolve, reject) => {
    const files: IncomingFile[] = [];
    const fields: Record<string, string> = {};
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // Whatever the client still sends is discarded, not kept.
      req.resume();
      reject(error);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'files') {
        stream.resume();
        return;
      }
      const filename = cleanFilename(info.filename, files.length + 1);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge(filename, limits)));
      stream.on('end', () => {
        if (!stream.truncated) files.push({ filename, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('filesLimit', () =>
      fail(new SubmissionRejectedError(400, portalErrorCodes.tooManyFiles, `Send at most ${limits.maxFiles} files at a time.`)),
    );
    parser.on('partsLimit', () => fail(new SubmissionRejectedError(400, 'invalid_input', 'The upload has too many parts.')));
    parser.on('error', () => fail(new SubmissionRejectedError(400, 'invalid_input', 'The upload was cut off or malformed. Please try again.')));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve({ files, fields });
    });
    req.on('close', () => {
      if (!req.complete) fail(new SubmissionRejectedError(400, 'invalid_input', 'The upload was interrupted.'));
    });
    req.pipe(parser);
  });
}

function tooLarge(filename: string | undefined, limits: SubmissionLimits): SubmissionRejectedError {
  const message = filename
    ? `This file is larger than ${megabytes(limits.maxBytes)}. Please send a smaller copy (a PDF of just the certificate, or a photo of it).`
    : `The upload is larger than ${limits.maxFiles} files of ${megabytes(limits.maxBytes)}.`;
  return new SubmissionRejectedError(413, portalErrorCodes.fileTooLarge, message, filename);
}

/** The name as the sender's device had it, without folders or control characters. */
export function cleanFilename(raw: string | undefined, position: number): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // Control characters, and the bidirectional controls that make "cod.exe\u202Efdp" look like
  // "codpdf.exe" (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069).
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 200);
  return clean || `file-${position}`;
}
