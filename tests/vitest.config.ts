import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'tests',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real servers, child processes and browsers: one file at a time keeps CI's two cores calm.
    fileParallelism: false,
    // Files share their worker's modules rather than loading the server, Playwright and Yjs again
    // for each of them (see the root config); one worker then takes every file, one after another.
    isolate: false,
    // A group of its own, after the packages' (one worker here, two there): Vitest runs groups in turn.
    sequence: { groupOrder: 1 },
    passWithNoTests: true,
  },
});
