import type { Db, Environment } from '@clinigraph/kit';
import { DEMO_PASSWORD, ensureFirstAdmin } from '@clinigraph/people';
import { seedDemo } from './seed.ts';

/**
 * Who can sign in to the embedded start, as the lines it prints. Development: the demo clinic and its
 * published password. Production (NODE_ENV=production): no demo data; a first admin, with the password from
 * CLINIGRAPH_ADMIN_PASSWORD or a random one printed this once (it is stored only as a hash).
 */
export async function prepareSignIns(db: Db, env: Environment): Promise<string> {
  if (env.NODE_ENV === 'production') {
    const admin = await ensureFirstAdmin(db, { password: env.CLINIGRAPH_ADMIN_PASSWORD });
    if (!admin.created) return 'Sign in with your admin account (the first admin was created on an earlier start).';
    return admin.generated
      ? `First admin: ${admin.email}  password: ${admin.password}\nThis password is shown only this once: sign in and change it.`
      : `First admin: ${admin.email}  with the password from CLINIGRAPH_ADMIN_PASSWORD.`;
  }
  const seed = await seedDemo(db);
  const width = Math.max(...seed.logins.map((l) => l.email.length));
  return `Demo sign-ins (password for all: ${DEMO_PASSWORD})\n${seed.logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(12)} ${l.name}`).join('\n')}`;
}
