// The certificate reader: bytes of a PDF, PNG or JPEG in, an ACORD 25 extraction out.
export { readCertificate, type ReadOptions } from './reader';
export { closeReader } from './ocr';
export { readCertificateIsolated } from './isolated';
