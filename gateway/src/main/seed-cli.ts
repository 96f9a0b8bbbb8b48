import { connect } from '@clinigraph/kit';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { requireEnv } from './env.ts';
import { seedDemo } from './seed.ts';

/** `npm run seed`: the demo clinic on DATABASE_URL (already migrated). Running it again changes nothing. */
const url = requireEnv('DATABASE_URL', 'point it at a migrated PostgreSQL database (npm run migrate)');
const database = await connect({ url, max: 2 });
try {
  const seed = await seedDemo(database.db);
  console.log(`demo data ready; sign in with any of these (password ${DEMO_PASSWORD}):`);
  for (const login of seed.logins) console.log(`  ${login.email.padEnd(28)} ${login.role}`);
} finally {
  await database.close();
}
