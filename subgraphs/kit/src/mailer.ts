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

/** The gateway's own address, when it runs in this process (`npm start`, the test stacks). */
let gatewayUrl: string | null = null;

/** The in-process gateway tells the mailer where it listens, so links in mails reach it when no public URL is set. */
export function announceGatewayUrl(url: string): void {
  // A gateway listening on every interface (0.0.0.0, ::) is reached on this machine as localhost.
  gatewayUrl = url.replace(/\/\/(0\.0\.0\.0|::|\[::\])(?=:\d)/, '//localhost');
}

/**
 * Where people open the web app, for links in mails: CLINIGRAPH_PUBLIC_URL, else the in-process
 * gateway's address, else the gateway's default address (a subgraph running on its own).
 */
export const publicUrl = (): string => (process.env.CLINIGRAPH_PUBLIC_URL || gatewayUrl || 'http://localhost:4000').replace(/\/+$/, '');

/** An absolute link into the web app, e.g. `publicLink('/reset-password', { token })`; a public URL's own path is kept. */
export function publicLink(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path.replace(/^\/+/, ''), `${publicUrl()}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/** Production never captures mail in memory: without SMTP_URL, sending fails (and the embedded start refuses to start). */
export class MailNotConfigured extends Error {
  constructor() {
    super('SMTP_URL is not set: production sends real mail only, never to the in-memory outbox');
  }
}

export async function sendMail(mail: Mail): Promise<void> {
  if (!process.env.SMTP_URL && process.env.NODE_ENV === 'production') throw new MailNotConfigured();
  await transport.sendMail({ from, ...mail });
  if (!process.env.SMTP_URL) {
    devOutbox.push({ ...mail, at: new Date() });
    // Neither recipient nor subject: a reminder's subject names the visit and its time.
    log.info({ captured: devOutbox.length }, 'mail captured by the dev transport');
  }
}
