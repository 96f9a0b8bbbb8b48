import { afterEach, describe, expect, it, vi } from 'vitest';
import { devOutbox, MailNotConfigured, sendMail } from './mailer.ts';

/** In production mail goes out through SMTP_URL or not at all: never silently into the in-memory outbox. */
describe('mail in production', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses to send without SMTP_URL, and captures nothing', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('SMTP_URL', undefined);
    const before = devOutbox.length;
    await expect(sendMail({ to: 'maria@example.com', subject: 'Reminder', text: 'See you tomorrow' })).rejects.toBeInstanceOf(MailNotConfigured);
    expect(devOutbox.length).toBe(before);
  });

  it('still captures mail outside production (development and tests)', async () => {
    vi.stubEnv('SMTP_URL', undefined);
    const before = devOutbox.length;
    await sendMail({ to: 'maria@example.com', subject: 'Reminder', text: 'See you tomorrow' });
    expect(devOutbox.length).toBe(before + 1);
  });
});
