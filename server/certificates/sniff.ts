import { UnreadableDocumentError } from '../errors';

export type DocumentKind = 'pdf' | 'png' | 'jpeg';

/** The document type from its first bytes; names and declared types are not trusted. */
export function sniff(bytes: Uint8Array): DocumentKind {
  if (bytes.length === 0) throw new UnreadableDocumentError('empty_file', 'The file is empty.');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x89 && head.startsWith('\x89PNG\r\n\x1a\n')) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  throw new UnreadableDocumentError(
    'unsupported_type',
    'This file is not a PDF, PNG or JPEG. Send the certificate as a PDF or a picture.',
  );
}

/** Width and height from a PNG or JPEG header, without decoding the pixels. */
export function imageSize(bytes: Uint8Array, kind: 'png' | 'jpeg'): { width: number; height: number } {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') {
    if (view.length < 24) throw corrupt();
    return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  }
  let offset = 2;
  while (offset + 9 < view.length) {
    if (view[offset] !== 0xff) {
      offset++;
      continue;
    }
    const marker = view[offset + 1]!;
    const length = view.readUInt16BE(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: view.readUInt16BE(offset + 5), width: view.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  throw corrupt();
}

function corrupt(): UnreadableDocumentError {
  return new UnreadableDocumentError('corrupt_image', 'This picture is damaged and cannot be opened.');
}
