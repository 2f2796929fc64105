import nodemailer from 'nodemailer';

/**
 * Outgoing mail through the SMTP server the prefecture runs (RENKEI_SMTP_URL). Without one,
 * `send` reports that mail is off and the caller keeps the in-app notification only.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  enabled: boolean;
  send(m: MailMessage): Promise<void>;
}

export function createMailer(opts: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!opts.smtpUrl) return { enabled: false, send: async () => {} };
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    enabled: true,
    async send(m) {
      await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
