import { Plugin, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { relativeSelectionKeepingSides } from './caretSides';
import { writeTypedText } from './typedTextWriter';

interface SyncBinding {
  type: Y.XmlFragment;
  doc: Y.Doc;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
  prosemirrorView: unknown;
  beforeTransactionSelection: unknown;
  isDestroyed?: boolean;
  _prosemirrorChanged: (doc: unknown) => void;
}

/**
 * Keeps the local caret where the person left it under remote edits, and each person's typing
 * tied to the characters they typed it between. Must come right after ySyncPlugin.
 *
 * - Its view registers after the binding's, so on each transaction it replaces the selection the
 *   binding has just captured (tied to the character on the right) with one tied to the proper
 *   sides (caretSides.ts), which the binding restores once a remote change is rendered.
 * - It writes plain typing into Yjs where it was typed (typedTextWriter.ts) just before the
 *   binding compares the rest.
 * - It marks the binding destroyed with the view, which y-prosemirror's deferred updates check
 *   before dispatching (otherwise: "Cannot read properties of null (reading 'matchesNode')").
 */
export function localCaretPlugin(): Plugin {
  // The last local document change, waiting for the binding to write it into Yjs.
  let pending: Transaction | null = null;
  return new Plugin({
    state: {
      init: () => null,
      apply(tr) {
        const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        pending = tr.docChanged && !sync?.isChangeOrigin ? tr : null;
        return null;
      },
    },
    view(view) {
      const binding = (ySyncPluginKey.getState(view.state) as { binding: SyncBinding } | undefined)?.binding;
      if (!binding) return {};
      const capture = () => {
        if (binding.prosemirrorView !== view) return;
        binding.beforeTransactionSelection = relativeSelectionKeepingSides(binding, view.state);
      };
      const compare = binding._prosemirrorChanged.bind(binding);
      binding._prosemirrorChanged = (doc) => {
        const typed = pending;
        pending = null;
        binding.doc.transact(() => {
          if (typed) writeTypedText(binding, typed);
          compare(doc);
        }, ySyncPluginKey);
      };
      binding.doc.on('beforeAllTransactions', capture);
      return {
        destroy() {
          binding.doc.off('beforeAllTransactions', capture);
          binding._prosemirrorChanged = compare;
          binding.isDestroyed = true;
        },
      };
    },
  });
}
