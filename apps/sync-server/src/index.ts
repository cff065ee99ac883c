/** What other packages (tests, benchmarks) may use of the server. Apps never import it. */
export { startServer, createServer } from './server';
export { startApp } from './app';
export type { AppOptions } from './app';
export type { CreateServerOptions, RunningServer } from './server';
export type { DocStore } from './storage/doc-store';
export { MemoryDocStore } from './storage/memory-doc-store';
export { SqliteDocStore } from './storage/sqlite-doc-store';
export { WorkerDocStore } from './storage/worker-doc-store';
export { runDocStoreContract } from './storage/contract';
export type { ConnectionAuthorizer, ConnectionIdentity, DocAccess } from './sync/access';
