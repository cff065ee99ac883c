/**
 * The servers of the comparison, each run in its own child process: ours, the raw relay (the
 * floor), and the peers, at their pinned lines and (with `--peers current` or `both`) at their
 * current releases.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerKind } from '../load/dialect.js';

export interface ServerEntry {
  kind: ServerKind;
  label: string;
  script: string;
  /** Fresh environment per start (ours gets its own data directory). */
  env: () => Record<string, string>;
  /** The relay never answers a sync step 1, so clients cannot wait for one. */
  answersSync: boolean;
  /** For peers: which line of their releases this is. */
  release?: 'pinned' | 'current';
}

export const SERVERS: readonly ServerEntry[] = [
  { kind: 'ours', label: 'ours (SQLite, ack after commit)', script: 'tests/bench/servers/ours.ts', env: () => ({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cyd-bench-')) }), answersSync: true },
  { kind: 'relay', label: 'raw WebSocket relay (floor)', script: 'tests/bench/servers/relay.ts', env: () => ({}), answersSync: false },
  { kind: 'reference', label: '@y/websocket-server 0.1.1', script: 'tests/bench/servers/reference.ts', env: () => ({}), answersSync: true, release: 'pinned' },
  { kind: 'hocuspocus', label: '@hocuspocus/server 3.4.4', script: 'tests/bench/servers/hocuspocus.ts', env: () => ({}), answersSync: true, release: 'pinned' },
  { kind: 'reference-current', label: '@y/websocket-server 0.1.5 (yjs 14)', script: 'tests/bench/servers/reference-current.ts', env: () => ({}), answersSync: true, release: 'current' },
  { kind: 'hocuspocus-current', label: '@hocuspocus/server 4.7.0', script: 'tests/bench/servers/hocuspocus-current.ts', env: () => ({}), answersSync: true, release: 'current' },
];
