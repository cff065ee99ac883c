import * as Y from 'yjs';

/**
 * One person's corrections to a document's items (removals, edits made through `change`), kept
 * so they can take back their own last one (web SPEC C217, model D47). The UndoManager tracks
 * only this history's own origin: what arrives from the socket, and edits made under any other
 * origin (plain fields and formatted fields have their own undo), are never in it, so Undo
 * never takes back a remote person's edit. Scope is the whole document, so items in lists
 * created after the history are covered too.
 */
export interface ItemHistory {
  /** Runs `fn` in one transaction with this history's origin, as its own undo step. */
  change: (fn: () => void) => void;
  /** Takes back this person's last change; false when there is nothing of theirs to undo. */
  undo: () => boolean;
  canUndo: () => boolean;
  destroy: () => void;
  readonly origin: object;
}

export function createItemHistory(doc: Y.Doc): ItemHistory {
  // An object per history: two histories (or two tabs' bindings) never share an origin.
  const origin = { itemHistory: true };
  const manager = new Y.UndoManager(doc, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  return {
    origin,
    change(fn) {
      // Each correction is its own step, however quickly the next follows.
      manager.stopCapturing();
      doc.transact(fn, origin);
    },
    undo: () => manager.undo() !== null,
    canUndo: () => manager.canUndo(),
    destroy: () => manager.destroy(),
  };
}
