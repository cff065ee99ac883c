/**
 * One resident document: its Y.Doc, its awareness and its sockets. Built from what the store
 * holds; a document whose stored state cannot be applied completely fails to load (SPEC S15).
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { StoredDoc } from '../storage/doc-store';
import type { Connection } from './connection';
import { encodeAwarenessFrame } from './protocol/awareness';
import { encodeSyncUpdate } from './protocol/sync';

/** Transaction origin of the initial load: never broadcast, never stored again. */
export const LOAD_ORIGIN = Symbol('load');

export type RoomUpdateListener = (room: Room, update: Uint8Array, origin: unknown) => void;

export class Room {
  readonly connections = new Set<Connection>();
  /** Which socket announced each awareness client id (SPEC S8). */
  readonly awarenessOwners = new Map<number, Connection>();
  lastSeq: number;
  logBytes: number;
  logCount: number;
  snapshotBytes: number;
  /** Upper bound of the stored state's size: snapshot + log. Made exact when it nears the limit. */
  estimatedBytes: number;
  /** Counts document changes, so a handler can tell whether a client's update changed anything. */
  changes = 0;
  idleTimer: NodeJS.Timeout | undefined;
  /** Durable-ack pacing (see durable-acks.ts). */
  readonly durable: { lastSentAt: number; owed: boolean; timer: NodeJS.Timeout | undefined } = {
    lastSentAt: -Infinity,
    owed: false,
    timer: undefined,
  };
  lastActiveAt = Date.now();

  private constructor(
    readonly docId: string,
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    stored: StoredDoc,
  ) {
    this.lastSeq = stored.lastSeq;
    this.logBytes = stored.logBytes;
    this.logCount = stored.updates.length;
    this.snapshotBytes = stored.snapshotBytes;
    this.estimatedBytes = stored.snapshotBytes + stored.logBytes;
  }

  /** Throws if the stored state is undecodable or incomplete; nothing is kept in that case. */
  static fromStored(docId: string, stored: StoredDoc, onUpdate: RoomUpdateListener): Room {
    const doc = new Y.Doc({ gc: true });
    try {
      Y.transact(
        doc,
        () => {
          if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, LOAD_ORIGIN);
          for (const update of stored.updates) Y.applyUpdate(doc, update, LOAD_ORIGIN);
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
    const awareness = new Awareness(doc);
    awareness.setLocalState(null); // the server itself is not present
    const room = new Room(docId, doc, awareness, stored);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      room.changes += 1;
      onUpdate(room, update, origin);
    });
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      if (changed.length > 0) room.broadcast(encodeAwarenessFrame(awareness, changed));
    });
    return room;
  }

  broadcast(frame: Uint8Array, except?: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame);
    }
  }

  broadcastUpdate(update: Uint8Array, except?: unknown): void {
    if (this.connections.size === 0) return;
    this.broadcast(encodeSyncUpdate(update), except);
  }

  /** The merged state as compaction stores it; also makes the size estimate exact. O(document): call rarely. */
  encodeState(): Uint8Array {
    const state = Y.encodeStateAsUpdate(this.doc);
    this.estimatedBytes = state.byteLength;
    return state;
  }

  destroy(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.durable.timer) clearTimeout(this.durable.timer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
