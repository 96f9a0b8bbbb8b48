import { type CapturedMail, devOutbox } from '../mailer.ts';

/** Where the dev transport's outbox ends now: pass it to `waitForMail` to see only later mails. */
export const outboxMark = (): number => devOutbox.length;

/**
 * The first mail to `to` captured by the dev transport after `since` (an `outboxMark()`), waiting for
 * it a while: some mails are sent after the answer leaves, so the caller cannot wait on them.
 */
export async function waitForMail(
  to: string,
  since: number,
  { timeoutMs = 5000, subject }: { timeoutMs?: number; subject?: RegExp } = {},
): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = devOutbox.slice(since).find((m) => m.to.toLowerCase() === to.toLowerCase() && (!subject || subject.test(m.subject)));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first link a captured mail carries. */
export function linkIn(mail: CapturedMail): URL {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in the mail "${mail.subject}"`);
  return new URL(match[0]);
}
