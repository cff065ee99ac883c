import { defineConfig } from 'vitest/config';

// One run over every package. Browser and server-process tests live in tests/ and run one file
// at a time (that project's fileParallelism), so they never compete with each other for CI's
// two cores. Vitest's default on two cores is one worker for the whole run, which puts every
// unit test file in line behind them too: with two, the packages' files run beside them.
// Every project sets `isolate: false`: a worker keeps the modules it has loaded from one file to
// the next instead of evaluating the whole graph again for each file, which on two cores took a
// quarter of the run (`import` 174 s of 1,110). The price is a rule for tests: a file leaves no
// global state behind (timers, fake clocks, process listeners, module-level caches it changed).
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: ['packages/model', 'packages/ui', 'apps/sync-server', 'apps/web', 'tests'],
  },
});
