import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'sync-server', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], passWithNoTests: true, isolate: false },
});
