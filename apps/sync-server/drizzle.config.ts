import { defineConfig } from 'drizzle-kit';

// Migrations are generated from every schema file (documents + the directory) and applied at
// start by src/db/open.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/*.ts',
  out: './drizzle',
});
