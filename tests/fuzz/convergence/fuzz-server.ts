/**
 * What the convergence harness needs from a server: open a connection that answers through a
 * callback, take frames, wait for storage, and load the stored state as a restarted server
 * would. The adapter for the core's real Room implements this; see room-adapter.ts.
 */
import type * as Y from 'yjs';

export interface FuzzServerConnection {
  receive(frame: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface FuzzServer {
  /** Opens a connection; the server answers through `send`, and may close it through `onClose`. */
  open(send: (frame: Uint8Array) => void, onClose: (code: number) => void): Promise<FuzzServerConnection>;
  /** Resolves once every accepted update is committed to the store. */
  settle(): Promise<void>;
  /** The live in-memory document, when one is resident. */
  residentDoc(): Y.Doc | null;
  /** Drops all in-memory state (a process restart); the store survives. */
  restart(): Promise<void>;
  /** Lets the document go cold (its content held as bytes, SPEC S22), where the server has that. */
  goCold?(): Promise<void>;
  /** A fresh document loaded from the store only. */
  loadStored(): Promise<Y.Doc>;
  /** Whether the server sends `durable` acknowledgements the harness should check. */
  readonly acknowledges: boolean;
  dispose(): Promise<void>;
}

export type FuzzServerFactory = () => Promise<FuzzServer>;
