import { lazy, type JSX } from 'solid-js';
import { commentHighlights, EditorCommentsContext, type EditorComments } from '@cydweithio/ui';
import type { DocumentComments } from './createDocumentComments';

// The threads and the composer load after the document (they are not needed to start typing);
// the marks on commented text come with the editor.
const FieldMargin = lazy(() => import('./FieldMargin').then((m) => ({ default: m.FieldMargin })));

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
  };
  return <EditorCommentsContext.Provider value={hooks}>{props.children}</EditorCommentsContext.Provider>;
}
