import { connect, validateEnvironment } from '@clinigraph/kit';
import { DEMO_PASSWORD } from '@clinigraph/people';
import { DemoSeedRefused, seedDemo } from './seed.ts';

/** `npm run seed`: the demo clinic on DATABASE_URL (already migrated). Running it again changes nothing. Never in production. */
const env = validateEnvironment('seed');
if (env.NODE_ENV === 'production') {
  console.error(`clinigraph: ${new DemoSeedRefused().message}`);
  process.exit(2);
}
const database = await connect({ url: env.DATABASE_URL!, max: 2 });
try {
  const seed = await seedDemo(database.db);
  console.log(`demo data ready; sign in with any of these (password ${DEMO_PASSWORD}):`);
  for (const login of seed.logins) console.log(`  ${login.email.padEnd(28)} ${login.role}`);
} finally {
  await database.close();
}
