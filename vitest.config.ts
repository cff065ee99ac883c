import { defineConfig } from 'vitest/config';

// One run over every package. Browser and server-process tests live in tests/ and run one file
// at a time (that project's fileParallelism), so they never compete with each other for CI's
// two cores. Vitest's default on two cores is one worker for the whole run, which puts every
// unit test file in line behind them too: with two, the packages' files run beside them.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: ['packages/model', 'packages/ui', 'apps/sync-server', 'apps/web', 'tests'],
  },
});
