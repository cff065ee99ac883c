/**
 * Messages between WorkerDocStore (main thread) and sqlite-store-worker (the SQLite thread).
 * Bytes travel packed (packed-bytes.ts) and transferred, never as loose Uint8Arrays.
 */
import type { StoredDoc } from './doc-store';
import { packBytes, unpackBytes, type PackedBytes } from './packed-bytes';

export interface StoreWorkerData {
  /** URL of the module the bootstrap imports in the worker (sqlite-store-worker). */
  entry: string;
  dataDir: string;
}

export type StoreRequest =
  | { op: 'load'; docId: string }
  | { op: 'appendUpdates'; entries: { docId: string; seq: number; author?: string | undefined }[]; updates: PackedBytes }
  | { op: 'compact'; docId: string; mergedState: PackedBytes; upToSeq: number }
  | { op: 'erase'; docId: string }
  | { op: 'listDocIds' }
  | { op: 'close' };

export type StoreOp = StoreRequest['op'];

export interface ReplyValues {
  load: PackedStoredDoc;
  appendUpdates: undefined;
  compact: boolean;
  erase: undefined;
  listDocIds: string[];
  close: undefined;
}

export type RequestMessage = StoreRequest & { id: number };

export type WorkerMessage =
  | { kind: 'opened' }
  | { kind: 'openFailed'; message: string }
  | { kind: 'reply'; id: number; ok: true; value: ReplyValues[StoreOp] }
  | { kind: 'reply'; id: number; ok: false; message: string };

/** A StoredDoc with its bytes packed: the snapshot (when there is one) first, then the log. */
export type PackedStoredDoc = Omit<StoredDoc, 'snapshot' | 'updates'> & { hasSnapshot: boolean; bytes: PackedBytes };

export function packStoredDoc({ snapshot, updates, ...sizes }: StoredDoc): PackedStoredDoc {
  return { ...sizes, hasSnapshot: snapshot !== undefined, bytes: packBytes(snapshot ? [snapshot, ...updates] : updates) };
}

export function unpackStoredDoc({ hasSnapshot, bytes, ...sizes }: PackedStoredDoc): StoredDoc {
  const parts = unpackBytes(bytes);
  const stored: StoredDoc = { ...sizes, updates: hasSnapshot ? parts.slice(1) : parts };
  if (hasSnapshot) stored.snapshot = parts[0];
  return stored;
}
