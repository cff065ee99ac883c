/**
 * What the access layer is given by its host (the server, or a test): the database, the sync
 * core's hooks, a clock and a logger. Nothing here reads the environment; configuration arrives
 * as parameters (see createAccessLayer).
 */
import type * as Y from 'yjs';
import type { NudgeListener, NudgeTopic } from '../sync/nudges';
import type { Patch } from '@automerge/automerge';
import type { AgreementMeta, RecordShape, RecordValue, RecordVersion } from '../records/record-doc';

/** Milliseconds since the epoch. Injected so that tests can expire sessions and invitations. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** The pino methods the access layer uses; a pino logger fits, and so does a silent stub. */
export interface AccessLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export const silentLogger: AccessLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Which open sockets to re-check after a membership, role or share change. */
export interface RecheckScope {
  docIds?: string[];
  personIds?: string[];
}

/**
 * The part of the started sync core that the access layer calls. Optional members let the
 * layer run (and be tested through app.request) before or without a live sync core.
 */
export interface SyncControl {
  /** Re-runs the authorizer's recheck for affected sockets; closes those that lost access (4403). */
  recheck(scope: RecheckScope): Promise<unknown> | unknown;
  /**
   * Closes the open sockets of ended sessions (sign-out: `sessionIds`, the stored hashes) or of
   * removed accounts (`personIds`) with the permanent `sessionEnded` code.
   */
  endSessions?(scope: { sessionIds?: string[]; personIds?: string[] }): unknown;
  /** A loaded Y.Doc for exports. */
  getDoc?(docId: string): Promise<Y.Doc> | Y.Doc;
  /** Deletes a document's stored content and closes its sockets with documentErased (4410). */
  erase?(docId: string): Promise<unknown> | unknown;
  /** Tells the document's open sockets that its comments changed (ACCESS.md A107). */
  commentsChanged?(docId: string): void;
  /** S63: tells every open home page watching `topic` to ask again (no content, only the topic). */
  nudge?(topic: NudgeTopic): void;
  /** S63: listens for nudges on this instance; returns the stop. */
  onNudge?(listener: NudgeListener): () => void;
}

/** The record layer's agreement (RECORDS.md), as the access layer calls it: a RecordService fits. */
export interface RecordControl {
  agree(ownerKey: string, subject: string, state: RecordValue, meta: AgreementMeta): Promise<RecordVersion>;
  versions(ownerKey: string): Promise<RecordVersion[]>;
  /** The revision of each owner's record (K16), in one read: moves with every save. */
  revisions(ownerKeys: readonly string[]): Promise<Map<string, number>>;
  /** O34: each owner's LA-picture digest at its record's current revision (absent without a record). */
  digests?(ownerKeys: readonly string[]): Promise<Map<string, string>>;
  current(ownerKey: string): Promise<RecordShape>;
  stateAt(ownerKey: string, hash: string): Promise<RecordShape>;
  diff(ownerKey: string, fromHash: string, toHash: string): Promise<Patch[]>;
  /** The same patches as JSON text (K18), what the diff route sends. */
  diffJson(ownerKey: string, fromHash: string, toHash: string): Promise<string>;
  /** One subject as it stood right after a version (K11). */
  subjectAt(ownerKey: string, subject: string, hash: string): Promise<RecordValue | undefined>;
  /** Every agreed state of the matching subjects, oldest first (K11). */
  subjectHistory(ownerKey: string, match: (subject: string) => boolean): Promise<{ version: RecordVersion; state: RecordValue }[]>;
  /** The saved Automerge file, full history included (K3). */
  export(ownerKey: string): Promise<Uint8Array>;
}
