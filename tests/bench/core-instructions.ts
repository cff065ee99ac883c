/**
 * `tsx bench/core-instructions.ts --server ours|reference [--store memory|sqlite] --rounds N`:
 * a fixed, unpaced load through a server's own code with no network, made to be counted in
 * instructions (`valgrind --tool=callgrind`), which a busy shared machine does not change the way
 * it changes CPU time. Per round each of `--docs` documents (3 writers, 7 readers) gets one
 * keystroke from one of its writers, and one client in five moves its presence every third
 * round (the load bench's ratio of presence to keystrokes); everything is delivered, and ours
 * commits once per round (one store transaction for about as many updates as the load bench's
 * batches hold). The reference server (@y/websocket-server 0.1.1, `setupWSConnection`) runs the
 * same rounds on connection objects that only count what they are sent.
 *
 * `--warm-up N` rounds go first (V8 compiles the paths); with `--callgrind` only the rounds after
 * them are counted (`bench/instructions.sh` runs it so and divides by the keystrokes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { setupWSConnection } from '@y/websocket-server/utils';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { WorkerDocStore } from '@cydweithio/sync-server/storage/worker-doc-store';
import type { DocStore } from '@cydweithio/sync-server/storage/doc-store';
import { readFlags, numberFlag } from '../fuzz/args.js';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../reliability/support/frames.js';
import { createMemoryCore } from '../sync/helpers/core.js';
import { TestSocketPair } from '../sync/helpers/socket-pair.js';

const flags = readFlags(process.argv.slice(2));
const server = flags.get('server') ?? 'ours';
const docs = numberFlag(flags, 'docs', 13);
const rounds = numberFlag(flags, 'rounds', 200);
const warmUpRounds = numberFlag(flags, 'warm-up', 100);
/** Under `valgrind --tool=callgrind --instr-atstart=no`: count only the measured rounds (instructions.sh). */
const underCallgrind = flags.has('callgrind');
const collect = (on: boolean): void => {
  if (underCallgrind) execFileSync('callgrind_control', ['-i', on ? 'on' : 'off', String(process.pid)], { stdio: 'ignore' });
};
const WRITERS = 3;
const CLIENTS_PER_DOC = 10;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';

interface Client { send(frame: Uint8Array): void; doc: Y.Doc; awareness: awarenessProtocol.Awareness }
let delivered = 0;

/** A client's keystroke frames for every round, made before the server sees any (client work is not counted apart, but is the same for both servers). */
function typeAll(writer: Client, count: number, seed: number): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const capture = (update: Uint8Array): void => void frames.push(updateFrame(update));
  writer.doc.on('update', capture);
  const text = writer.doc.getText('body');
  for (let i = 1; i <= count; i++) {
    if (text.length > 0 && i % 10 === 0) text.delete((i * seed) % text.length, 1);
    else text.insert((i * 7919 + seed) % (text.length + 1), LETTERS[i % LETTERS.length] ?? 'a');
  }
  writer.doc.off('update', capture);
  return frames;
}

function newClient(send: (frame: Uint8Array) => void, clientID: number): Client {
  const doc = new Y.Doc();
  doc.clientID = clientID; // fixed ids: the same run every time
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: `u${clientID}`, cursor: 0 });
  return { send, doc, awareness };
}

async function ours(): Promise<{ clients: Client[][]; afterRound: () => Promise<void>; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cyd-instructions-'));
  const store: DocStore = flags.get('store') === 'sqlite' ? await WorkerDocStore.open(dataDir) : new MemoryDocStore();
  const core = createMemoryCore(store as MemoryDocStore, { maxResidentDocs: docs + 10 });
  const pairs: TestSocketPair[] = [];
  const clients = Array.from({ length: docs }, (_, d) =>
    Array.from({ length: CLIENTS_PER_DOC }, (_, c) => {
      const pair = new TestSocketPair(() => (delivered += 1), false);
      pair.attach(core.accept(pair.server, `bench:instr${d}`, { personId: `p${d}-${c}`, name: 'Bench', role: 'test' }, 'editor', { durableAcks: c < WRITERS }));
      pairs.push(pair);
      return newClient((frame) => pair.send(frame), 1000 + d * CLIENTS_PER_DOC + c);
    }),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return {
    clients,
    afterRound: async () => {
      for (const pair of pairs) pair.flush();
      await core.flush();
      for (const pair of pairs) pair.flush();
    },
    close: async () => {
      await core.shutdown();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The reference server's per-socket setup on objects shaped like a `ws` socket. */
function reference(): { clients: Client[][]; afterRound: () => Promise<void>; close: () => Promise<void> } {
  const clients = Array.from({ length: docs }, (_, d) =>
    Array.from({ length: CLIENTS_PER_DOC }, (_, c) => {
      const listeners = new Map<string, (data: Uint8Array) => void>();
      const conn = {
        binaryType: 'arraybuffer',
        readyState: 1,
        on: (event: string, listener: (data: Uint8Array) => void) => void listeners.set(event, listener),
        send: (_frame: Uint8Array, _options: unknown, callback?: (error?: Error) => void) => {
          delivered += 1;
          callback?.();
        },
        ping: () => undefined,
        close: () => undefined,
      };
      // Shaped like the `ws` socket setupWSConnection uses: only what it calls.
      setupWSConnection(conn as never, { url: `/bench:instr${d}` } as never);
      return newClient((frame) => listeners.get('message')?.(frame), 1000 + d * CLIENTS_PER_DOC + c);
    }),
  );
  return { clients, afterRound: async () => undefined, close: async () => undefined };
}

const harness = server === 'reference' ? reference() : await ours();
const everyone = harness.clients.flat();
for (const client of everyone) {
  client.send(syncStep1Frame(client.doc));
  client.send(awarenessFrame(client.awareness, [client.doc.clientID]));
}
await harness.afterRound();
const typed = harness.clients.map((docClients, d) => docClients.slice(0, WRITERS).map((writer, w) => typeAll(writer, Math.ceil((warmUpRounds + rounds) / WRITERS), d * 31 + w)));
const next = typed.map((writers) => writers.map(() => 0));
let keystrokes = 0;
// The first rounds let V8 compile the paths; only the rounds after them are counted.
for (let round = 0; round < warmUpRounds + rounds; round++) {
  if (round === warmUpRounds) {
    delivered = 0;
    keystrokes = 0;
    collect(true);
  }
  for (let d = 0; d < docs; d++) {
    const w = (round + d) % WRITERS;
    const at = next[d]![w]!;
    next[d]![w] = at + 1;
    const frame = typed[d]?.[w]?.[at];
    const writer = harness.clients[d]?.[w];
    if (!frame || !writer) continue;
    writer.send(frame);
    keystrokes += 1;
  }
  if (round % 3 === 0) {
    for (let i = round % 5; i < everyone.length; i += 5) {
      const client = everyone[i] as Client;
      client.awareness.setLocalStateField('cursor', round);
      client.send(awarenessFrame(client.awareness, [client.doc.clientID]));
    }
  }
  await harness.afterRound();
}
collect(false);
console.log(`instructions run: ${server}${server === 'ours' ? ` (${flags.get('store') === 'sqlite' ? 'SQLite in its worker' : 'memory store'})` : ''}, ${docs} documents, ${rounds} rounds, ${keystrokes} keystrokes, ${delivered} frames delivered`);
await harness.close();
process.exit(0);
