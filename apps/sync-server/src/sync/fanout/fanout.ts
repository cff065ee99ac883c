/**
 * Fan-out between instances (SPEC S55-S62): what the sync core tells other instances serving
 * the same documents, and what it needs from them. Without REDIS_URL there is none and nothing
 * changes; with it, `RedisFanout` (redis-fanout.ts) carries it over Redis Streams.
 *
 * Remote updates enter a room through the same update listener as local ones, with
 * `REMOTE_ORIGIN`, and go out to its sockets through the same broadcast: another instance is one
 * more peer of the room. They are not stored here: the instance that took the edit commits it
 * and says so (`confirmed`). Until then a durable ack here must not cover them (S57).
 */
import type * as Y from 'yjs';
import type { StoredDoc } from '../../storage/doc-store';
import type { Room } from '../room';
import type { RecheckScope } from '../recheck';
import type { SessionScope } from '../session-ends';
import type { EncodedPresence } from '../protocol/awareness';
import type { NudgeTopic } from '../nudges';

/** Transaction origin of an update another instance took: broadcast, never stored again here. */
export const REMOTE_ORIGIN = Symbol('remote');

/** Who committed an update, for the confirmation sent after the commit. */
export interface Confirmation {
  instance: string;
  n: number;
}

export type ControlMessage =
  | { kind: 'recheck'; scope: RecheckScope }
  | { kind: 'end-sessions'; scope: SessionScope }
  | { kind: 'erase'; docId: string }
  /** The document's comments changed (A107): each instance tells its own sockets that asked. */
  | { kind: 'comments-changed'; docId: string }
  /** Something people watch on their home page changed (S63): each instance tells its listeners. */
  | { kind: 'nudge'; topic: NudgeTopic };

/** A decoded Yjs update, as the update check has it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export interface Fanout {
  readonly instanceId: string;
  /** Before a document's stored state is loaded: what the stream holds of it (catch-up, S56). */
  subscribe(docId: string): Promise<unknown>;
  /** The room is built from the store: applies the catch-up and starts following the stream. */
  attach(room: Room, catchUp: unknown): void;
  /** The room was unloaded: stop following its stream. */
  detach(docId: string): void;
  /** A local update was applied (a client's, or the server's own): published for the others. */
  publishUpdate(room: Room, update: Uint8Array): Confirmation;
  /** Updates were committed: the others may count them as durable. */
  confirm(room: Room, confirmations: readonly Confirmation[]): void;
  /** Presence changes of one person's local socket, with who it is (the others check ownership, S62). */
  publishPresence(room: Room, entries: readonly EncodedPresence[], personId: string): void;
  /** Revocations, session ends and erasures, for every instance's sockets (S59). */
  publishControl(message: ControlMessage): void;
  /**
   * Resolves once every remote update the room holds now is committed somewhere; undefined when
   * there is none. A durable ack sent after it covers only what is on disk (S57).
   */
  remoteDurable(room: Room): Promise<void> | undefined;
  /**
   * S65: the room's remote updates not yet known to be committed, to be written in the same
   * transaction as the room's own next batch (whose updates may depend on them); each comes with
   * the confirmation to publish once it is committed. Each is handed out once.
   */
  carryPending(room: Room): { update: Uint8Array; confirmation: Confirmation }[];
  /**
   * S70: true when a local update (decoded) refers to a struct of, or deletes from, a remote
   * update the room holds unconfirmed: only then must the next batch carry them (S65).
   */
  dependsOnPending(room: Room, decoded: DecodedUpdate): boolean;
  /** True while the room holds remote updates not yet known to be committed. */
  hasPendingRemote(room: Room): boolean;
  /** How many remote updates, over all rooms, are not yet known to be committed. */
  pendingCount(): number;
  close(): Promise<void>;
}

/** What a fan-out needs from the core it serves. */
export interface FanoutHost {
  /** The document as stored (catch-up after Redis was lost, and the takeover check). */
  load(docId: string): Promise<StoredDoc>;
  /**
   * Applies another instance's presence entries of one person, after the same ownership check as
   * a local socket's (S62), and tells the local sockets.
   */
  applyPresence(room: Room, entries: readonly EncodedPresence[], personId: string): void;
  /** Acts on a control message from another instance. */
  control(message: ControlMessage): void;
  /** Commits an update whose instance died before committing it (S58); `confirmation` names it. */
  takeOver(room: Room, update: Uint8Array, confirmation: Confirmation): void;
}

/** Makes the fan-out for a core, given what it needs of that core. */
export type FanoutFactory = (host: FanoutHost) => Fanout;
