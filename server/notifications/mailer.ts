import nodemailer, { type Transporter } from 'nodemailer';

// One SMTP transport per process (SMTP_URL; in embedded mode the local sink).
export interface Mailer {
  send(m: { fromName: string; to: string[]; cc: string[]; subject: string; text: string; html: string }): Promise<void>;
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
      });
    },
    close: () => transport.close(),
  };
}
