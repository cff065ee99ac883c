/**
 * SIGKILL durability: our server in a child process, clients streaming edits, a kill at a random
 * moment, then the SQLite file is read directly (before anything reconnects and could resend):
 * every edit acknowledged as durable must be in it. The restarted server must then load and
 * serve it all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { startOurServer, storedUpdates } from '../support/our-server.js';
import { connectRawClient } from '../support/raw-client.js';
import { snapshotCovers } from '../support/snapshots.js';
import { EditingClient } from './editing-client.js';

export interface CrashOptions { cycles: number; clients: number; docs: number; seed: number; log?: (line: string) => void }
export interface CrashReport { cycles: number; edits: number; acknowledged: number; problems: string[]; seconds: number }

const EDIT_EVERY_MS = 8;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function mergedStoredDoc(dataDir: string, docId: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  for (const update of storedUpdates(dataDir, docId)) Y.applyUpdate(doc, update);
  return doc;
}

export async function runCrashCycles(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const gen = prng.create(options.seed);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyd-crash-'));
  const docIds = Array.from({ length: options.docs }, (_, i) => `crash:document${i}`);
  /** Every acknowledged state, per document, across all cycles: none may ever be lost. */
  const acknowledged = new Map<string, Y.Snapshot[]>(docIds.map((id) => [id, []]));
  const problems: string[] = [];
  let edits = 0;
  let acks = 0;
  try {
    for (let cycle = 0; cycle < options.cycles && problems.length === 0; cycle++) {
      const server = await startOurServer({ dataDir });
      // The restarted server must serve what it stored before the kill.
      for (const docId of docIds) {
        const reader = await connectRawClient(server.docUrl(docId, 'reader'), { doc: new Y.Doc({ gc: false }) });
        await reader.synced;
        const served = Y.snapshot(reader.doc);
        reader.close();
        for (const state of acknowledged.get(docId) ?? []) {
          if (!snapshotCovers(served, state)) problems.push(`cycle ${cycle}: restarted server does not serve an acknowledged edit of ${docId}`);
        }
      }
      const clients = await Promise.all(
        Array.from({ length: options.clients }, (_, i) => {
          const docId = docIds[i % docIds.length] as string;
          return EditingClient.connect(server.docUrl(docId, `w${i}`), options.seed * 1000 + cycle * 10 + i, `c${cycle}w${i}`).then((client) => ({ client, docId }));
        }),
      );
      const killAfter = prng.int32(gen, 50, 700);
      const killAt = performance.now() + killAfter;
      while (performance.now() < killAt) {
        for (const { client } of clients) client.edit();
        await sleep(EDIT_EVERY_MS);
      }
      server.child.kill('SIGKILL');
      await server.exited;
      for (const { client, docId } of clients) {
        edits += client.edits;
        acks += client.acks;
        if (client.acknowledged) acknowledged.get(docId)?.push(client.acknowledged);
        client.close();
      }
      for (const docId of docIds) {
        const stored = mergedStoredDoc(dataDir, docId);
        const storedSnapshot = Y.snapshot(stored);
        const lost = (acknowledged.get(docId) ?? []).filter((state) => !snapshotCovers(storedSnapshot, state)).length;
        if (lost > 0) problems.push(`cycle ${cycle}: ${lost} acknowledged state(s) of ${docId} missing from the SQLite file after SIGKILL at ${killAfter} ms`);
        stored.destroy();
      }
      options.log?.(`cycle ${cycle + 1}/${options.cycles}: killed after ${killAfter} ms, ${clients.reduce((n, c) => n + c.client.edits, 0)} edits, ${clients.reduce((n, c) => n + c.client.acks, 0)} acknowledged`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { cycles: options.cycles, edits, acknowledged: acks, problems, seconds: (performance.now() - started) / 1000 };
}
