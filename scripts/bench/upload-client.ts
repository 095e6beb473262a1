import http from 'node:http';
import { randomBytes } from 'node:crypto';

// A subcontractor's browser posting the portal's upload form, from a loopback address of its
// own (127.0.0.2 … 127.0.0.251), so the portal's per-address limit sees separate senders.

export interface Answer {
  status: number;
  body: string;
}

export function postFile(url: string, fromAddress: string, filename: string, bytes: Buffer): Promise<Answer> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const body = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'POST',
      localAddress: fromAddress,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: 0, body: 'response cut off' }));
    });
    req.on('error', (err) => resolve({ status: 0, body: err.message }));
    req.end(body);
  });
}

export const senderAddress = (n: number) => `127.0.0.${2 + (n % 250)}`;
