/** Our server in a child process on a temp data directory, with helpers for its SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OURS_QUERY } from '../../bench/servers/ours-query.js';
import { startChildServer, type ChildServer } from './child-server.js';

export const OURS_SCRIPT = 'tests/bench/servers/ours.ts';
const DATABASE_FILE = 'cydweithio.sqlite';

export interface OurServer extends ChildServer {
  dataDir: string;
  docUrl(docId: string, name?: string): string;
  /** Rows in the update log and snapshots for one document, read from the file (the server may be dead). */
  storedRows(docId: string): { updates: number; snapshots: number };
  /** Stops the process and removes its data directory. */
  dispose(): Promise<void>;
}

export async function startOurServer(options: { dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<OurServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'cyd-rel-'));
  const child = await startChildServer({ script: OURS_SCRIPT, env: { DATA_DIR: dataDir, ...options.env }, ...(options.port ? { port: options.port } : {}) });
  // One read-only connection for the server's lifetime: in WAL mode each statement sees the
  // latest commit, and opening the file per call would dominate a fuzz loop.
  let reader: Database.Database | null = null;
  return {
    ...child,
    dataDir,
    docUrl: (docId, name = 'tester') => `ws://127.0.0.1:${child.port}/sync/${docId}${OURS_QUERY.replace('name=bench', `name=${name}`)}`,
    storedRows(docId) {
      reader ??= new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
      const db = reader;
      const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE doc_id = ?`).get(docId) as { n: number }).n;
      return { updates: count('doc_updates'), snapshots: count('doc_snapshots') };
    },
    async dispose() {
      reader?.close();
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Everything the store holds for a document, merged, read straight from the SQLite file. */
export function storedUpdates(dataDir: string, docId: string): Uint8Array[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const snapshot = db.prepare('SELECT state, seq FROM doc_snapshots WHERE doc_id = ?').get(docId) as { state: Buffer; seq: number } | undefined;
    const rows = db.prepare('SELECT "update" AS u FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq').all(docId, snapshot?.seq ?? 0) as { u: Buffer }[];
    return [...(snapshot ? [new Uint8Array(snapshot.state)] : []), ...rows.map((row) => new Uint8Array(row.u))];
  } finally {
    db.close();
  }
}
