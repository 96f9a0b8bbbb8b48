import { randomBytes } from 'node:crypto';
import type { Db } from '@clinigraph/kit';
import { arrayContains } from 'drizzle-orm';
import { hashPassword } from './auth/password.ts';
import { account } from './db/schema.ts';

export const FIRST_ADMIN_EMAIL = 'admin@clinigraph.local';

export type FirstAdmin = { created: false } | { created: true; email: string; password: string; generated: boolean };

/**
 * A production clinic's first sign-in instead of the demo seed: when no admin account exists, creates one
 * with the given password or a random one (returned so the caller can print it once; it is stored only as a
 * hash). With an admin already there, it changes nothing.
 */
export async function ensureFirstAdmin(db: Db, { email = FIRST_ADMIN_EMAIL, password }: { email?: string; password?: string } = {}): Promise<FirstAdmin> {
  const [existing] = await db
    .select({ id: account.id })
    .from(account)
    .where(arrayContains(account.roles, ['admin']))
    .limit(1);
  if (existing) return { created: false };
  const chosen = password ?? randomBytes(18).toString('base64url');
  await db.insert(account).values({ email, passwordHash: await hashPassword(chosen), roles: ['admin', 'network_admin'], displayName: 'Administrator' });
  return { created: true, email, password: chosen, generated: password === undefined };
}
