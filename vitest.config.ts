import { defineConfig } from 'vitest/config';

// One run over every package. Browser and server-process tests live in tests/ and run
// in a single fork so that they do not compete for the two cores of CI.
export default defineConfig({
  test: {
    projects: ['packages/model', 'packages/ui', 'apps/sync-server', 'apps/web', 'tests'],
  },
});
