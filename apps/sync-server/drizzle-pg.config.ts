import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migrations (DATABASE_URL set): generated from the SQLite schema's mirror
// (src/db/postgres/schema.ts) with `pnpm db:generate:pg`, applied at start by src/db/postgres/open.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/postgres/schema.ts',
  out: './drizzle-pg',
});
