import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Solid's reactive core: the browser build (the node build is the non-reactive SSR one, whose
  // effects never run). Solid is inlined so that these conditions apply to it too.
  resolve: { conditions: ['browser', 'development'] },
  ssr: { resolve: { conditions: ['browser', 'development'], externalConditions: ['browser', 'development'] } },
  test: { name: 'ui', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], passWithNoTests: true, isolate: false, server: { deps: { inline: [/solid-js/] } } },
});
