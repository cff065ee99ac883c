/**
 * SIGKILL across instances (RELIABILITY.md R20): two instances of our server, child processes
 * on one PostgreSQL database and one Redis, clients of both streaming edits to shared documents;
 * one instance is killed at a random moment. Straight after, PostgreSQL is read directly: every
 * edit any client saw acknowledged, by either instance, must be in it. A client then connecting
 * to the survivor must be served all of it, and the killed instance is started again.
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { createScratchDatabase } from '@cydweithio/sync-server/db/postgres/scratch-database';
import { startChildServer, type ChildServer } from '../reliability/support/child-server.js';
import { OURS_SCRIPT } from '../reliability/support/our-server.js';
import { connectRawClient } from '../reliability/support/raw-client.js';
import { snapshotCovers } from '../reliability/support/snapshots.js';
import { EditingClient } from '../reliability/crash/editing-client.js';
import { OURS_QUERY } from '../bench/servers/ours-query.js';
import { storedDocFromPg } from './support/pg-rows.js';
import { dropPrefix, LOCAL_REDIS, runPrefix } from './support/redis.js';

export interface CrossCrashOptions { kills: number; clients: number; docs: number; seed: number; log?: (line: string) => void }
export interface CrossCrashReport { kills: number; edits: number; acknowledged: number; problems: string[]; seconds: number }

const EDIT_EVERY_MS = 8;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const docUrl = (server: ChildServer, docId: string, name: string) => `ws://127.0.0.1:${server.port}/sync/${docId}${OURS_QUERY.replace('name=bench', `name=${name}`)}`;

async function servedSnapshot(server: ChildServer, docId: string): Promise<Y.Snapshot> {
  const reader = await connectRawClient(docUrl(server, docId, 'reader'), { doc: new Y.Doc({ gc: false }) });
  await reader.synced;
  const served = Y.snapshot(reader.doc);
  reader.close();
  return served;
}

export async function runCrossInstanceKills(options: CrossCrashOptions): Promise<CrossCrashReport> {
  const started = performance.now();
  const gen = prng.create(options.seed);
  const database = await createScratchDatabase();
  const prefix = runPrefix();
  const env = { DATABASE_URL: database.url, REDIS_URL: LOCAL_REDIS, REDIS_PREFIX: prefix, LOG_LEVEL: 'error' };
  const docIds = Array.from({ length: options.docs }, (_, i) => `crash:shared${i}`);
  const acknowledged = new Map<string, Y.Snapshot[]>(docIds.map((id) => [id, []]));
  const problems: string[] = [];
  let edits = 0;
  let acks = 0;
  const instances: ChildServer[] = [];
  try {
    // One at a time: the first applies the migrations, the second finds them applied.
    instances.push(await startChildServer({ script: OURS_SCRIPT, env }));
    instances.push(await startChildServer({ script: OURS_SCRIPT, env }));
    for (let kill = 0; kill < options.kills && problems.length === 0; kill++) {
      const clients = await Promise.all(
        Array.from({ length: options.clients }, (_, i) => {
          const docId = docIds[i % docIds.length] as string;
          const server = instances[i % 2] as ChildServer;
          return EditingClient.connect(docUrl(server, docId, `w${i}`), options.seed * 1000 + kill * 10 + i, `k${kill}w${i}`).then((client) => ({ client, docId }));
        }),
      );
      const killAfter = prng.int32(gen, 50, 700);
      const killAt = performance.now() + killAfter;
      while (performance.now() < killAt) {
        for (const { client } of clients) client.edit();
        await sleep(EDIT_EVERY_MS);
      }
      const victim = kill % 2;
      const killed = instances[victim] as ChildServer;
      killed.child.kill('SIGKILL');
      await killed.exited;
      for (const { client, docId } of clients) {
        edits += client.edits;
        acks += client.acks;
        if (client.acknowledged) acknowledged.get(docId)?.push(client.acknowledged);
        client.close();
      }
      // Read PostgreSQL before anything reconnects and could send the edits again.
      for (const docId of docIds) {
        const stored = await storedDocFromPg(database.url, docId);
        const snapshot = Y.snapshot(stored);
        const lost = (acknowledged.get(docId) ?? []).filter((state) => !snapshotCovers(snapshot, state)).length;
        if (lost > 0) problems.push(`kill ${kill}: ${lost} acknowledged state(s) of ${docId} missing from PostgreSQL after SIGKILL at ${killAfter} ms`);
        stored.destroy();
      }
      // The killed instance's clients reconnect to the survivor, which must serve all of it.
      const survivor = instances[1 - victim] as ChildServer;
      for (const docId of docIds) {
        const served = await servedSnapshot(survivor, docId);
        if ((acknowledged.get(docId) ?? []).some((state) => !snapshotCovers(served, state))) problems.push(`kill ${kill}: the surviving instance does not serve an acknowledged edit of ${docId}`);
      }
      instances[victim] = await startChildServer({ script: OURS_SCRIPT, env });
      options.log?.(`kill ${kill + 1}/${options.kills}: instance ${victim} killed after ${killAfter} ms, ${clients.reduce((n, c) => n + c.client.edits, 0)} edits, ${clients.reduce((n, c) => n + c.client.acks, 0)} acknowledged`);
    }
  } finally {
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL').catch(() => undefined)));
    await dropPrefix(LOCAL_REDIS, prefix).catch(() => undefined);
    await database.drop().catch(() => undefined);
  }
  return { kills: options.kills, edits, acknowledged: acks, problems, seconds: (performance.now() - started) / 1000 };
}
