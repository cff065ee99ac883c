/**
 * `pnpm bench:core [-- --docs 100 --rounds 100 --store sqlite|memory]`: the sync core's own CPU
 * per update, without a network. The bench's load shape (per document 3 writers typing and 7
 * readers, everyone moving their presence now and then) is driven through test socket pairs
 * (SPEC S27), so no socket write, no kernel and no load generator share the figure: what is left
 * is decoding, checking, applying, fanning out, committing (the store worker's thread included
 * with `--store sqlite`) and acknowledging. Stable enough on a shared machine to judge a change
 * by; add `--profile DIR` (node flag `--cpu-prof`) for where it goes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { WorkerDocStore } from '@cydweithio/sync-server/storage/worker-doc-store';
import type { DocStore } from '@cydweithio/sync-server/storage/doc-store';
import { readFlags, numberFlag } from '../fuzz/args.js';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../reliability/support/frames.js';
import { createMemoryCore } from '../sync/helpers/core.js';
import { TestSocketPair } from '../sync/helpers/socket-pair.js';

const flags = readFlags(process.argv.slice(2));
const docs = numberFlag(flags, 'docs', 100);
const rounds = numberFlag(flags, 'rounds', 100);
const CHARS_PER_SECOND = 5;
const WRITERS = 3;
const READERS = 7;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';
// Writers never apply what they receive: as in the load bench, their client work is not measured.
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Client { pair: TestSocketPair; doc: Y.Doc; awareness: awarenessProtocol.Awareness; writer: boolean; typed: number }

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyd-core-cost-'));
const store: DocStore = flags.get('store') === 'memory' ? new MemoryDocStore() : await WorkerDocStore.open(dataDir);
// Counts the store's transactions: the commit queue's batching decides most of the storage cost.
let batches = 0;
const append = store.appendUpdates.bind(store);
store.appendUpdates = (batch) => {
  batches += 1;
  return append(batch);
};
const core = createMemoryCore(store as MemoryDocStore, { maxResidentDocs: docs + 10, commitIntervalMs: numberFlag(flags, 'commit-interval', 2) });
let delivered = 0;
const clients: Client[] = [];
for (let d = 0; d < docs; d++) {
  for (let c = 0; c < WRITERS + READERS; c++) {
    const writer = c < WRITERS;
    const pair = new TestSocketPair(() => (delivered += 1), false);
    pair.attach(core.accept(pair.server, `bench:core${String(d).padStart(5, '0')}`, { personId: `p${d}-${c}`, name: 'Bench', role: 'test' }, 'editor', { durableAcks: writer }));
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: `u${doc.clientID}`, cursor: 0 });
    const client: Client = { pair, doc, awareness, writer, typed: 0 };
    clients.push(client);
  }
}
await turn();
for (const client of clients) {
  client.pair.send(syncStep1Frame(client.doc));
  client.pair.send(awarenessFrame(client.awareness, [client.doc.clientID]));
  client.pair.flush();
}
await core.flush();

const writers = clients.filter((client) => client.writer);
// Presence: 1,000 clients every 3 s against 1,500 keystrokes a second is one move per 15 clients a round.
const movesPerRound = Math.round(clients.length / 15);

/**
 * The clients' frames for `count` rounds, made before the clock starts: typing into a Y.Doc and
 * encoding presence is the clients' work, not the server's. Each writer types into its own copy
 * (concurrent edits, as three people typing at once).
 */
function prepare(count: number, from: number): { writerFrames: Uint8Array[][]; presence: { client: Client; frame: Uint8Array }[][] } {
  const writerFrames = writers.map((writer) => {
    const frames: Uint8Array[] = [];
    const capture = (update: Uint8Array): void => void frames.push(updateFrame(update));
    writer.doc.on('update', capture);
    const text = writer.doc.getText('body');
    for (let i = 0; i < count; i++) {
      writer.typed += 1;
      if (text.length > 0 && writer.typed % 10 === 0) text.delete(writer.typed % text.length, 1);
      else text.insert((writer.typed * 7919) % (text.length + 1), LETTERS[writer.typed % LETTERS.length] ?? 'a');
    }
    writer.doc.off('update', capture);
    return frames;
  });
  const presence = Array.from({ length: count }, (_, round) =>
    Array.from({ length: movesPerRound }, (_, m) => {
      const client = clients[((from + round) * movesPerRound + m * 7) % clients.length] as Client;
      client.awareness.setLocalStateField('cursor', round * 31 + m);
      return { client, frame: awarenessFrame(client.awareness, [client.doc.clientID]) };
    }),
  );
  return { writerFrames, presence };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const TICK_MS = 2;

/**
 * Sends the prepared frames at the load bench's pace (each writer 5 keystrokes a second), so the
 * commit queue batches as it does under that load: one round is one keystroke of every writer.
 */
async function run(count: number, from: number): Promise<{ updates: number; cpu: NodeJS.CpuUsage; seconds: number }> {
  const { writerFrames, presence } = prepare(count, from);
  const roundMs = 1000 / CHARS_PER_SECOND;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let updates = 0;
  let lastDelivery = started;
  for (let round = 0; round < count; round++) {
    const roundStart = started + round * roundMs;
    const sends = [
      ...writers.map((writer, w) => ({ pair: writer.pair, frame: writerFrames[w]?.[round] as Uint8Array, update: true })),
      ...(presence[round] ?? []).map(({ client, frame }) => ({ pair: client.pair, frame, update: false })),
    ];
    // Spread over the round in a fixed interleaving, as keystrokes with random phases would be.
    sends.forEach((send, i) => Object.assign(send, { at: roundStart + ((i * 7919) % sends.length) * (roundMs / sends.length) }));
    const due = (sends as (typeof sends[number] & { at: number })[]).sort((a, b) => a.at - b.at);
    let next = 0;
    while (next < due.length) {
      const now = performance.now();
      while (next < due.length && (due[next]?.at ?? 0) <= now) {
        const send = due[next++]!;
        send.pair.send(send.frame);
        send.pair.flush();
        if (send.update) updates += 1;
      }
      if (now - lastDelivery > 50) {
        for (const client of clients) client.pair.flush();
        lastDelivery = now;
      }
      await sleep(TICK_MS);
    }
  }
  await core.flush();
  for (const client of clients) client.pair.flush();
  return { updates, cpu: process.cpuUsage(cpuBefore), seconds: (performance.now() - started) / 1000 };
}

const warmUp = Math.max(10, Math.round(rounds / 10));
await run(warmUp, 0); // let V8 compile the paths first
delivered = 0;
batches = 0;
const { updates, cpu, seconds } = await run(rounds, warmUp);
const cpuUs = cpu.user + cpu.system;
console.log(
  `core cost (${flags.get('store') === 'memory' ? 'memory store' : 'SQLite in its worker'}): ${updates} updates into ${docs} documents, ${delivered} frames delivered, ${batches} store transactions, ` +
    `${(cpuUs / updates).toFixed(1)} µs CPU per update applied, ${(cpuUs / delivered).toFixed(2)} µs per frame delivered ` +
    `(user ${(cpu.user / 1e6).toFixed(2)} s, system ${(cpu.system / 1e6).toFixed(2)} s, wall ${seconds.toFixed(2)} s)`,
);
await core.shutdown();
await store.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
