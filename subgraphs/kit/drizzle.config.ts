import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: '../../migrations/kit',
  schemaFilter: ['events', 'audit', 'jobs', 'auth'],
});
