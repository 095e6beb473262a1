import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { MailItem } from './types';

// A catch-all SMTP server for development and tests: no auth, no TLS, any sender and
// recipient. Each message is parsed and kept in memory (the most recent `keep`, 1000 unless told).

const MAX_MESSAGES = 1000;

export interface MailSink {
  url: string;
  port: number;
  messages(): MailItem[];
  clear(): void;
  close(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? v.name).filter((x): x is string => Boolean(x)));
}

export async function startMailSink(options: { port?: number; host?: string; keep?: number } = {}): Promise<MailSink> {
  const host = options.host ?? '127.0.0.1';
  const keep = options.keep ?? MAX_MESSAGES;
  const stored: MailItem[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const to = addresses(mail.to);
          stored.push({
            to: to.length ? to : envelopeTo,
            cc: addresses(mail.cc),
            from: mail.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            date: (mail.date ?? new Date()).toISOString(),
            messageId: mail.messageId ?? '',
          });
          if (stored.length > keep) stored.splice(0, stored.length - keep);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 2525, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that resets its connection (or any socket error) is that client's problem: without
  // a listener the 'error' event would end the whole process (npm start).
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${port}`,
    port,
    messages: () => [...stored],
    clear: () => {
      stored.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
