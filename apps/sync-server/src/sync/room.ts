/**
 * One resident document: its content, its presence, its connections and its log (SPEC S15,
 * S22, S27). Built from what the store holds; a document whose stored state cannot be applied
 * completely fails to load. The room knows its connections only through their peers.
 *
 * The content is live (a Y.Doc) while people write to it and cold (the committed state as
 * bytes, S22) once nobody has for a while: Yjs holds a document in memory at 15-20 times its
 * encoded size, and most open documents are being read, not typed in. A cold room still answers
 * a step 1, sends its state vector to a joining socket and acknowledges an initial sync; only
 * `thaw()` makes it live again, and nothing else does.
 */
import * as Y from 'yjs';
import type { StoredDoc } from '../storage/doc-store';
import { writeAwarenessEntries, type EncodedPresence } from './protocol/awareness';
import { isEmptyStateVector, step2Payload, writeSyncStep2, writeSyncUpdate } from './protocol/sync';
import { DeletedRanges } from './deleted-ranges';
import { RoomLog } from './room-log';
import { RoomPresence } from './room-presence';

/** From this size the full-state answer is kept between joiners (S64). */
const FULL_STATE_KEPT_FROM_BYTES = 16 * 1024;

/** The key of the frame for sockets that sent none of a turn's updates (S72). */
const NOT_A_SENDER = Symbol('not a sender');

/** Transaction origin of the initial load: never broadcast, never stored again. */
export const LOAD_ORIGIN = Symbol('load');

export type RoomUpdateListener = (room: Room, update: Uint8Array, origin: unknown) => void;

/** The committed state of a cold room, with what the protocol needs from it without a Y.Doc. */
interface ColdContent {
  kind: 'cold';
  state: Uint8Array;
  stateVector: Uint8Array;
  /** `Y.encodeSnapshot` of the state: the durable ack of an initial sync, the adds-nothing check. */
  snapshot: Uint8Array;
}

type Content = { kind: 'live'; doc: Y.Doc; deletions: DeletedRanges } | ColdContent;

/** What a room needs of a connection in it: a way to send it a frame (the peer behind it does the rest). */
export interface RoomMember {
  send(frame: Uint8Array): void;
}

/** An update integrated this turn, not yet sent (S72), and the socket it came from. */
interface PendingUpdate {
  update: Uint8Array;
  except: unknown;
}

export class Room {
  readonly connections = new Set<RoomMember>();
  /** The state of every connection joined to this room: one object, shared. */
  readonly joined = { kind: 'joined', room: this } as const;
  readonly presence = new RoomPresence();
  readonly log: RoomLog;
  /** Counts document changes, so a handler can tell whether a client's update changed anything. */
  changes = 0;
  idleTimer: NodeJS.Timeout | undefined;
  lastActiveAt = Date.now();
  /** When the content was last written: the clock of going cold. */
  lastWriteAt = Date.now();
  /** Handed out live (getDoc): it must not go cold before then under a caller that writes to it. */
  liveUntil = 0;
  private content: Content;
  /** Updates integrated this turn, in order, waiting for the end of the turn (S72). */
  private pendingUpdates: PendingUpdate[] = [];
  /**
   * S64: the step 2 that answers a client holding nothing, built once per change of the content
   * and shared by every such joiner (150 people opening a 4 MB document need one encoding, not 150).
   */
  private fullStateAnswer: { changes: number; frame: Uint8Array } | undefined;

  private constructor(
    readonly docId: string,
    doc: Y.Doc,
    stored: StoredDoc,
    private readonly onUpdate: RoomUpdateListener,
  ) {
    this.log = new RoomLog(stored);
    this.content = this.liveContent(doc);
  }

  /** Throws if the stored state is undecodable or incomplete; nothing is kept in that case. */
  static fromStored(docId: string, stored: StoredDoc, onUpdate: RoomUpdateListener): Room {
    return new Room(docId, docFromUpdates([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]), stored, onUpdate);
  }

  /** The live document, or undefined while the room is cold. */
  get live(): Y.Doc | undefined {
    return this.content.kind === 'live' ? this.content.doc : undefined;
  }

  get isCold(): boolean {
    return this.content.kind === 'cold';
  }

  /** The live document, made live again first if the room is cold. Writes to it are broadcast and stored. */
  thaw(): Y.Doc {
    if (this.content.kind === 'live') return this.content.doc;
    const content = this.liveContent(docFromUpdates([this.content.state]));
    this.content = content;
    this.lastWriteAt = Date.now();
    return content.doc;
  }

  /** The state vector, without making a cold room live. */
  stateVector(): Uint8Array {
    return this.content.kind === 'cold' ? this.content.stateVector : Y.encodeStateVector(this.content.doc);
  }

  /** What a client with `stateVector` lacks (SPEC S5), without making a cold room live. */
  diff(stateVector: Uint8Array): Uint8Array {
    return this.content.kind === 'cold' ? Y.diffUpdate(this.content.state, stateVector) : Y.encodeStateAsUpdate(this.content.doc, stateVector);
  }

  /** The step 2 frame answering a client's step 1: what it lacks (S5), shared when it lacks everything (S64). */
  step2For(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return writeSyncStep2(this.diff(stateVector));
    const kept = this.fullStateAnswer;
    if (kept && kept.changes === this.changes) return kept.frame;
    const frame = writeSyncStep2(this.content.kind === 'cold' ? this.content.state : Y.encodeStateAsUpdate(this.content.doc));
    // A small document is cheaper to encode again than to hold twice.
    if (frame.byteLength < FULL_STATE_KEPT_FROM_BYTES) return frame;
    this.fullStateAnswer = { changes: this.changes, frame };
    // A cold room's bytes are the answer's payload from now on, so the state is held once.
    if (this.content.kind === 'cold') this.content = { ...this.content, state: step2Payload(frame) };
    return frame;
  }

  /**
   * Inserts and deletions of the whole document, without making a cold room live, and without
   * walking the document: its deletions are kept as they happen (deleted-ranges.ts).
   */
  snapshot(): Y.Snapshot {
    return this.content.kind === 'cold' ? Y.decodeSnapshot(this.content.snapshot) : this.content.deletions.snapshot();
  }

  /**
   * Goes cold: keeps the state as bytes and drops the Y.Doc. Only call when everything applied
   * is committed (the bytes are then exactly what the store holds) and nobody holds the doc.
   */
  freeze(): void {
    if (this.content.kind === 'cold') return;
    const { doc, deletions } = this.content;
    const kept = this.fullStateAnswer;
    // The kept answer already holds the state: going cold shares its bytes instead of a second copy (S64).
    const state = kept && kept.changes === this.changes ? this.measured(step2Payload(kept.frame)) : this.encodeState();
    this.content = { kind: 'cold', state, stateVector: Y.encodeStateVector(doc), snapshot: Y.encodeSnapshot(deletions.snapshot()) };
    deletions.stop();
    doc.destroy();
  }

  /** Sends a frame to every socket but `except`, after whatever updates are waiting (S72). */
  broadcast(frame: Uint8Array, except?: unknown): void {
    // A presence that points into a new item must not arrive before the item.
    this.flushUpdates();
    this.sendToAllBut(frame, except);
  }

  /** Removes presence states not renewed in time and tells everyone (the documents' sweep calls this). */
  sweepPresence(now = Date.now()): void {
    const removed = this.presence.sweep(now);
    if (removed.length > 0) this.broadcast(writeAwarenessEntries(removed));
  }

  /** Removes the presence states of a closed connection's ids and tells everyone; returns what was removed. */
  removePresence(ids: readonly number[]): EncodedPresence[] {
    const removed = this.presence.remove(ids);
    if (removed.length > 0) this.broadcast(writeAwarenessEntries(removed));
    return removed;
  }

  /** Keeps an integrated update for the end of the turn (TurnBroadcasts calls flushUpdates then). */
  queueUpdate(update: Uint8Array, except?: unknown): void {
    if (this.connections.size > 0) this.pendingUpdates.push({ update, except });
  }

  /**
   * Sends the turn's updates (S72): one alone as it came; several as one merged update, to each
   * socket once. The sender of some of them gets the others' merged, never its own (S6).
   */
  flushUpdates(): void {
    const pending = this.pendingUpdates;
    if (pending.length === 0) return;
    this.pendingUpdates = [];
    const senders = new Set(pending.map((p) => p.except));
    // One frame for everyone who sent none of them, one per sender without its own; each built once.
    const frames = new Map<unknown, Uint8Array | null>();
    for (const connection of this.connections) {
      const key = senders.has(connection) ? connection : NOT_A_SENDER;
      let frame = frames.get(key);
      if (frame === undefined) {
        frame = mergedFrame(pending.filter((p) => p.except !== key).map((p) => p.update));
        frames.set(key, frame);
      }
      if (frame) connection.send(frame);
    }
  }

  private sendToAllBut(frame: Uint8Array, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame);
    }
  }

  /** The merged state as compaction stores it; also makes the size estimate exact. O(document): call rarely. */
  encodeState(): Uint8Array {
    return this.measured(this.content.kind === 'cold' ? this.content.state : Y.encodeStateAsUpdate(this.content.doc));
  }

  private measured(state: Uint8Array): Uint8Array {
    this.log.measured(state.byteLength);
    return state;
  }

  destroy(): void {
    this.pendingUpdates = [];
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.content.kind === 'live') {
      this.content.deletions.stop();
      this.content.doc.destroy();
    }
  }

  private liveContent(doc: Y.Doc): Content & { kind: 'live' } {
    return { kind: 'live', doc: this.watch(doc), deletions: new DeletedRanges(doc) };
  }

  /** Every change to the content, except loading it, is counted and handed to the listener. */
  private watch(doc: Y.Doc): Y.Doc {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      this.changes += 1;
      this.fullStateAnswer = undefined;
      this.lastWriteAt = Date.now();
      this.onUpdate(this, update, origin);
    });
    return doc;
  }
}

/** One sync update frame of `updates` merged, or null when there are none. */
function mergedFrame(updates: Uint8Array[]): Uint8Array | null {
  if (updates.length === 0) return null;
  return writeSyncUpdate(updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates));
}

/** A document from stored updates; throws when they cannot all be applied (S15). */
function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.transact(
      doc,
      () => {
        for (const update of updates) Y.applyUpdate(doc, update, LOAD_ORIGIN);
      },
      LOAD_ORIGIN,
    );
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      throw new Error('stored state is incomplete (updates depend on missing state)');
    }
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}
