import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

// One SMTP transport per process (SMTP_URL; in embedded mode the local sink).
export interface Mailer {
  /** `dedupeKey` gives the message a stable Message-ID: a repeat after a crash mid-send is the same message to mail clients. */
  send(m: { fromName: string; to: string[]; cc: string[]; subject: string; text: string; html: string; dedupeKey?: string }): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, mailFrom: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(`${smtpUrl}${smtpUrl.includes('?') ? '&' : '?'}pool=true&maxConnections=5&connectionTimeout=10000&socketTimeout=20000`);
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return {
    async send(m) {
      await transport.sendMail({
        from: { name: m.fromName, address },
        to: m.to,
        cc: m.cc.length ? m.cc : undefined,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.dedupeKey ? { messageId: messageId(m.dedupeKey, address) } : {}),
      });
    },
    close: () => transport.close(),
  };
}

/** A Message-ID derived from the email's dedupe key (unique per email, ever), at the sender's domain. */
export function messageId(dedupeKey: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] || 'localhost';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${domain}>`;
}
