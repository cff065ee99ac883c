// Entry of the storage worker thread. Node 20 cannot start a worker from a .ts file, and
// `execArgv: ['--import', 'tsx']` is not applied to worker entries there, so when the real
// entry is TypeScript (the server runs under tsx, the tests under vitest) this plain module
// registers tsx's loader inside the worker first. A compiled .js entry is imported as is.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
