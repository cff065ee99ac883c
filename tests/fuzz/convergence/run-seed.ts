/**
 * One convergence run: a seed decides every edit, delivery, partition, duplicate, reorder,
 * disconnect, server restart and the document going cold. At the end the network heals, everything is delivered, and
 * every replica, the server's resident document and a reload from the store must agree.
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { deleteSetContains } from '@cydweithio/model/wire/durable';
import { FuzzClient } from './fuzz-client.js';
import { Link } from './link.js';
import { contentOf, randomEdit } from './random-edits.js';
import type { FuzzServer, FuzzServerConnection, FuzzServerFactory } from './fuzz-server.js';

export interface SeedOptions {
  clients: number;
  steps: number;
  /** Allow delivery out of order within one connection (TCP never does; Yjs must cope anyway). */
  reorder: boolean;
}

export const defaultSeedOptions: SeedOptions = { clients: 3, steps: 120, reorder: true };

interface Wire {
  client: FuzzClient;
  up: Link;
  down: Link;
  connection: FuzzServerConnection | null;
  /** The replica's state right after its last own edit: what its "saved" indicator waits for. */
  lastEdit: Y.Snapshot | null;
}

export interface SeedResult { seed: number; ok: boolean; problem?: string; edits: number }

const HEAL_ROUNDS = 500;

async function connect(server: FuzzServer, wire: Wire): Promise<void> {
  wire.up.drop();
  wire.down.drop();
  const generation = {};
  const current = { generation };
  wire.connection = await server.open(
    (frame) => wire.down.push(frame),
    (code) => {
      if (process.env['FUZZ_TRACE']) console.log(`server closed ${wire.client.name}: ${code}`);
      // A server-side close: the client sees its socket die and will reconnect later.
      if (current.generation === generation) disconnectLocal(wire);
    },
  );
  wire.client.connect((frame) => wire.up.push(frame));
}

function disconnectLocal(wire: Wire): void {
  wire.client.disconnect();
  wire.up.drop();
  wire.down.drop();
  wire.connection = null;
}

async function disconnect(wire: Wire): Promise<void> {
  const connection = wire.connection;
  disconnectLocal(wire);
  await connection?.close();
}

function makeWire(name: string, clientID: number): Wire {
  const client = new FuzzClient(name, clientID);
  const wire: Wire = {
    client,
    connection: null,
    lastEdit: null,
    up: new Link(async (frame) => {
      await wire.connection?.receive(frame);
    }),
    down: new Link(async (frame) => {
      if (wire.connection) client.receive(frame);
    }),
  };
  return wire;
}

async function step(gen: prng.PRNG, server: FuzzServer, wires: Wire[], options: SeedOptions): Promise<boolean> {
  const wire = prng.oneOf(gen, wires);
  const link = prng.bool(gen) ? wire.up : wire.down;
  const roll = prng.int32(gen, 0, 99);
  if (roll < 35) {
    const before = wire.client.localUpdates;
    randomEdit(gen, wire.client.doc);
    // Only an edit that produced an update is the client's to have saved; after a no-op edit
    // the replica may hold others' edits its newest ack predates (the server acks contributors).
    if (wire.client.localUpdates > before) wire.lastEdit = Y.snapshot(wire.client.doc);
    return true;
  }
  if (roll < 65) await link.flushInOrder(prng.int32(gen, 1, 4));
  else if (roll < 70 && options.reorder) await link.deliverOutOfOrder(gen);
  else if (roll < 74) await link.deliverDuplicate(gen);
  else if (roll < 79) link.held = !link.held;
  else if (roll < 84) {
    if (wire.connection) await disconnect(wire);
    else await connect(server, wire);
  } else if (roll < 89) wire.client.awareness.setLocalStateField('cursor', prng.int32(gen, 0, 100));
  else if (roll < 91) await server.restart();
  else if (roll < 94) await server.goCold?.();
  else await link.flushInOrder(50);
  return false;
}

async function heal(server: FuzzServer, wires: Wire[]): Promise<void> {
  for (const wire of wires) {
    wire.up.held = false;
    wire.down.held = false;
    if (!wire.connection) await connect(server, wire);
  }
  for (let round = 0; round < HEAL_ROUNDS; round++) {
    let moved = 0;
    // The server may close a socket during the heal (a frame it refuses): the client reconnects.
    for (const wire of wires) if (!wire.connection) await connect(server, wire);
    for (const wire of wires) moved += (await wire.up.flushInOrder(1000)) + (await wire.down.flushInOrder(1000));
    if (moved === 0) {
      await server.settle();
      // Durable acks are sent after the commit: deliver them too before declaring quiet.
      const late = wires.reduce((sum, w) => sum + w.up.pending + w.down.pending, 0);
      // A server whose loads take real time (PostgreSQL) may close a socket during the settle: not quiet yet.
      if (late === 0 && wires.every((w) => w.connection)) return;
    }
  }
  throw new Error(`network did not go quiet within ${HEAL_ROUNDS} rounds`);
}

function compare(label: string, expected: Y.Doc, actual: Y.Doc): string | null {
  const a = Buffer.from(Y.encodeStateVector(expected)).toString('hex');
  const b = Buffer.from(Y.encodeStateVector(actual)).toString('hex');
  if (a !== b) return `${label}: state vector ${b} != ${a}`;
  if (contentOf(expected) !== contentOf(actual)) return `${label}: content differs\n  ${contentOf(actual)}\n  ${contentOf(expected)}`;
  return null;
}

/** True when `outer` contains every insert and delete of `inner` (the model's isSavedBy, on snapshots). */
function covers(outer: Y.Snapshot, inner: Y.Snapshot): boolean {
  for (const [client, clock] of inner.sv) if ((outer.sv.get(client) ?? 0) < clock) return false;
  return deleteSetContains(outer.ds, inner.ds);
}

/** What the newest ack lacks, for the failure message. */
function describeGap(outer: Y.Snapshot, inner: Y.Snapshot): string {
  const clocks = [...inner.sv].filter(([client, clock]) => (outer.sv.get(client) ?? 0) < clock).map(([client, clock]) => `${client}:${outer.sv.get(client) ?? 0}<${clock}`);
  return clocks.length > 0 ? `clocks ${clocks.join(' ')}` : 'deletes only';
}

export async function runSeed(seed: number, factory: FuzzServerFactory, options: SeedOptions = defaultSeedOptions): Promise<SeedResult> {
  const gen = prng.create(seed);
  const server = await factory();
  const wires = Array.from({ length: options.clients }, (_, i) => makeWire(`c${i}`, seed * 16 + i + 1));
  let edits = 0;
  try {
    for (const wire of wires) await connect(server, wire);
    for (let i = 0; i < options.steps; i++) if (await step(gen, server, wires, options)) edits++;
    await heal(server, wires);
    const reference = wires[0]?.client.doc as Y.Doc;
    const problems: string[] = [];
    for (const wire of wires.slice(1)) problems.push(compare(wire.client.name, reference, wire.client.doc) ?? '');
    const resident = server.residentDoc();
    if (resident) problems.push(compare('server', reference, resident) ?? '');
    const stored = await server.loadStored();
    problems.push(compare('reloaded from store', reference, stored) ?? '');
    stored.destroy();
    if (server.acknowledges) {
      for (const { client, lastEdit } of wires) {
        if (lastEdit && !client.durableSnapshots.some((s) => covers(Y.decodeSnapshot(s), lastEdit))) {
          const last = client.durableSnapshots.at(-1);
          const detail = last ? describeGap(Y.decodeSnapshot(last), lastEdit) : 'no durable ack at all';
          problems.push(`${client.name}: no durable ack covers its last edit (${client.durableSnapshots.length} acks; newest lacks ${detail})`);
        }
      }
    }
    const problem = problems.filter((p) => p !== '').join('\n');
    return problem === '' ? { seed, ok: true, edits } : { seed, ok: false, problem, edits };
  } catch (error) {
    return { seed, ok: false, problem: error instanceof Error ? (error.stack ?? error.message) : String(error), edits };
  } finally {
    for (const wire of wires) wire.client.doc.destroy();
    await server.dispose();
  }
}
