import type { JSX } from 'solid-js';
import { commentHighlights, EditorCommentsContext, type EditorComments } from '@cydweithio/ui';
import type { DocumentComments } from './createDocumentComments';
// Loaded with the document screen: split into a chunk of its own it was fetched before the
// document was editable anyway, and the split moved shared code into the first page (bench:web).
import { FieldMargin } from './FieldMargin';

/**
 * Gives every formatted field of the document its comment marks and margin (web SPEC C200).
 * The fields find it through EditorCommentsContext, so no screen passes comments down by hand.
 */
export function DocumentCommentsProvider(props: { store: DocumentComments; children: JSX.Element }) {
  const hooks: EditorComments = {
    plugins: (fragment) => [commentHighlights({
      ranges: () => props.store.highlights(),
      onActivate: (id) => props.store.setActive(id),
      onCommentKey: () => props.store.startInField(fragment),
      onRebuilt: () => props.store.bumpTick(),
    })],
    attach: (fragment, view, label) => props.store.attach(fragment, view, label),
    margin: (fragment, label) => <FieldMargin store={props.store} fragment={fragment} label={label} />,
    attachText: (text, field) => props.store.attachText(text, field),
    commentOnText: (text) => props.store.startInText(text),
  };
  return <EditorCommentsContext.Provider value={hooks}>{props.children}</EditorCommentsContext.Provider>;
}
