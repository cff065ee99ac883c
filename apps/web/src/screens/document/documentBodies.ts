import { createEffect, createSignal, untrack, type Accessor, type Component } from 'solid-js';
import type { DocumentKind } from '@cydweithio/model/domain/document';
import { withAreas } from '../../i18n/loadedCatalogues';
import { areasFor } from '../../i18n/screenAreas';

/** What a body is given; the plan and the progress review need the document's id. */
export type DocumentBodyProps = { docId: string };

/**
 * Each kind of document's body is a chunk of its own: a document screen shows one kind, so it
 * carries that kind's code and not the other four. OpenDocument asks for the body as soon as the
 * id names the kind, so the chunk loads while access is checked and the document syncs. The
 * plan's and the review's bodies bring the improvement cycle's strings with them.
 */
const loaders: Record<DocumentKind, () => Promise<Component<DocumentBodyProps>>> = {
  'self-evaluation': () => import('./self-evaluation/SelfEvaluationBody').then((m) => m.SelfEvaluationBody),
  'peer-review': () => import('./peer-review/PeerReviewBody').then((m) => m.PeerReviewBody),
  workspace: () => import('./workspace/WorkspaceBody').then((m) => m.WorkspaceBody),
  'development-plan': () => withAreas(areasFor.cycleDocument, () => import('./plan/PlanBody')).then((m) => m.PlanBody),
  'progress-review': () => withAreas(areasFor.cycleDocument, () => import('./review/ReviewBody')).then((m) => m.ReviewBody),
  'review-extract': () => import('./review-extract/ReviewExtractBody').then((m) => m.ReviewExtractBody),
};

const loading = new Map<string, Promise<Component<DocumentBodyProps>>>();

/** Starts loading the body for a kind, once; unknown kinds have none. */
export function loadDocumentBody(kind: string | null | undefined): Promise<Component<DocumentBodyProps>> | undefined {
  if (!kind || !Object.hasOwn(loaders, kind)) return undefined;
  let promise = loading.get(kind);
  if (!promise) {
    promise = loaders[kind as DocumentKind]();
    // A failed fetch (offline before the chunk was cached) may be asked again later.
    promise.catch(() => loading.delete(kind));
    loading.set(kind, promise);
  }
  return promise;
}

/** Whether a kind has a body at all (else the screen says it does not know the kind). */
export function hasDocumentBody(kind: string | null | undefined): boolean {
  return Boolean(kind) && Object.hasOwn(loaders, kind as string);
}

/** The body for the current kind once its chunk has arrived; undefined while it loads. */
export function createDocumentBody(kind: Accessor<string | null | undefined>): Accessor<Component<DocumentBodyProps> | undefined> {
  const [loaded, setLoaded] = createSignal<{ kind: string; component: Component<DocumentBodyProps> }>();
  createEffect(() => {
    const wanted = kind();
    void loadDocumentBody(wanted)?.then((component) => {
      if (wanted && untrack(kind) === wanted) setLoaded({ kind: wanted, component });
    });
  });
  return () => {
    const body = loaded();
    return body && body.kind === kind() ? body.component : undefined;
  };
}
