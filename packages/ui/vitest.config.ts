import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Solid's reactive core: the browser build (the node build is the non-reactive SSR one).
  resolve: { conditions: ['browser', 'development'] },
  test: { name: 'ui', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], passWithNoTests: true },
});
