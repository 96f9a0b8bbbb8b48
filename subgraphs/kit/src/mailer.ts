import nodemailer from 'nodemailer';
import { log } from './log.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface CapturedMail extends Mail {
  at: Date;
}

/** Mails the dev transport captured, newest last. Tests and the embedded console read them here. */
export const devOutbox: CapturedMail[] = [];

const transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : nodemailer.createTransport({ jsonTransport: true });

const from = process.env.MAIL_FROM ?? 'Clinigraph <no-reply@clinigraph.local>';

export async function sendMail(mail: Mail): Promise<void> {
  await transport.sendMail({ from, ...mail });
  if (!process.env.SMTP_URL) {
    devOutbox.push({ ...mail, at: new Date() });
    log.info({ to: mail.to, subject: mail.subject }, 'mail captured by the dev transport');
  }
}
