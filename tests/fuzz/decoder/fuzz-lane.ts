/**
 * One fuzzing lane: its own document (seeded with the captured session), socket, mirror and
 * seeded generator. Several lanes run at once on separate documents, so that one lane's waiting
 * for a round trip or a reconnect overlaps another's, and their checks never see each other.
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { CloseCode } from '@cydweithio/model';
import type { OurServer } from '../../reliability/support/our-server.js';
import { snapshotCovers } from '../../reliability/support/snapshots.js';
import type { Samples } from '../../bench/load/metrics.js';
import { captureSession } from './capture.js';
import { expectedAnswers, isDecodableUpdate } from './expected-answers.js';
import { mutate } from './mutate.js';
import { ProbeSocket } from './probe-socket.js';

/** Frames per socket before a fresh one: two messages per frame stay under the rate limit's burst. */
const FRAMES_PER_SOCKET = 150;

export interface LaneTally {
  sent: number;
  refused: number;
  closes: Record<string, number>;
  byMutation: Record<string, [number, number]>;
  probe: Samples;
  probeMax: number;
  problems: string[];
  partiallyApplied: string[];
  log: boolean;
}

/** Captures a session on the lane's document: the captured updates are then integrated there. */
export async function prepareLane(server: OurServer, docId: string): Promise<Uint8Array[]> {
  return captureSession((name) => server.docUrl(docId, name));
}

export async function runLane(server: OurServer, docId: string, corpus: readonly Uint8Array[], frames: number, seed: number, tally: LaneTally): Promise<void> {
  const gen = prng.create(seed);
  const mirror = new Y.Doc();
  const socket = new ProbeSocket(server.docUrl(docId, 'fuzzer'), mirror);
  await socket.open();
  // Fill the mirror with what the document already holds (the captured session).
  await socket.sendAndProbe(Uint8Array.of(3), 1);
  for (let i = 0; i < frames && tally.problems.length === 0; i++) {
    if (!socket.isOpen || socket.framesSent >= 2 * FRAMES_PER_SOCKET) {
      socket.close();
      await socket.open();
    }
    // Rows are counted only once the server has committed everything it applied: an accepted
    // frame's commit landing while a later refused frame is checked would look like a trace.
    await server.flush();
    const rowsBefore = server.storedRows(docId);
    const savedBefore = Y.snapshot(mirror);
    const text = prng.int32(gen, 0, 199) === 0;
    const { frame, mutation } = mutate(gen, corpus);
    const outcome = await socket.sendAndProbe(text ? Buffer.from(frame).toString('latin1') : frame, text ? 1 : expectedAnswers(frame));
    tally.sent++;
    tally.probe.add(outcome.roundTripMs);
    tally.probeMax = Math.max(tally.probeMax, outcome.roundTripMs);
    const perMutation = (tally.byMutation[mutation] ??= [0, 0]);
    perMutation[0]++;
    if (outcome.closed !== null) {
      perMutation[1]++;
      tally.closes[outcome.closed] = (tally.closes[outcome.closed] ?? 0) + 1;
      if (outcome.closed !== CloseCode.malformedFrame && outcome.closed !== CloseCode.tooLarge) continue;
      tally.refused++;
      // Reconnect and ask what the server holds now: a refused frame must have changed nothing.
      await socket.open();
      const after = await socket.sendAndProbe(Uint8Array.of(3), 1);
      await server.flush();
      const rowsAfter = server.storedRows(docId);
      if (after.closed !== null) tally.problems.push(`${docId} frame ${i}: probe after refusal closed with ${after.closed}`);
      const changed = !snapshotCovers(savedBefore, Y.snapshot(mirror));
      const addedRow = rowsAfter.updates + rowsAfter.snapshots > rowsBefore.updates + rowsBefore.snapshots;
      if (!changed && !addedRow) continue;
      const what = `${docId} frame ${i} (${mutation}, ${Buffer.from(frame).toString('hex').slice(0, 60)}…): refused, yet ${changed ? 'the document changed' : ''}${changed && addedRow ? ' and ' : ''}${addedRow ? `a row was stored (${rowsBefore.updates} -> ${rowsAfter.updates})` : ''}`;
      // A fully decodable update whose structs depend on missing state is applied in part by
      // the core before it refuses the rest (R4). Anything else is a decoder problem.
      const partial = isDecodableUpdate(frame);
      (partial ? tally.partiallyApplied : tally.problems).push(what);
      if (tally.log) console.error(`${partial ? 'PARTIAL (R4)' : 'PROBLEM'}: ${what}`);
    }
  }
  socket.close();
}
