import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink, type MailSink } from './mail-sink';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink({ port: 0 });
});
afterAll(() => sink.close());

describe('mail sink', () => {
  it('accepts mail from nodemailer and keeps it parsed', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: '"COI Compliance" <coi@app.example.com>',
      to: 'estimating@sub.example.com, office@sub.example.com',
      cc: 'pm@gc.example.com',
      subject: 'Certificate of insurance request',
      text: 'Please upload your certificate.',
      html: '<p>Please <a href="http://localhost:3000/upload/t1">upload</a> your certificate.</p>',
    });
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
    const [mail] = sink.messages();
    expect(mail).toMatchObject({
      to: ['estimating@sub.example.com', 'office@sub.example.com'],
      cc: ['pm@gc.example.com'],
      from: '"COI Compliance" <coi@app.example.com>',
      subject: 'Certificate of insurance request',
      text: 'Please upload your certificate.',
    });
    expect(mail?.html).toContain('href="http://localhost:3000/upload/t1"');
    expect(Number.isNaN(Date.parse(mail?.date ?? ''))).toBe(false);
    sink.clear();
    expect(sink.messages()).toEqual([]);
  });

  it('lives through a client whose connection is reset mid-conversation', async () => {
    for (let i = 0; i < 3; i++) {
      const socket = connect(sink.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('data', resolve));
      socket.write('EHLO probe\r\nMAIL FROM:<a@b.example>\r\n');
      await new Promise((r) => setTimeout(r, 50));
      socket.resetAndDestroy();
    }
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'coi@app.example.com', to: 'office@sub.example.com', subject: 'After the resets', text: 'Still here.' });
    expect(sink.messages().map((m) => m.subject)).toContain('After the resets');
  });
});
