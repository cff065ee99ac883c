import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { rangeInEditor, refreshHighlights, selectionRange, showRangeInEditor, type HighlightedRange } from '@cydweithio/ui';
import type { CommentRange } from '@cydweithio/model/comments/anchor';
import type { Reader } from '../../../api/schemas';
import { commentsApi, type CommentList, type DocumentComment, type NewComment } from './commentsApi';

export interface CommentThreadData {
  root: DocumentComment;
  replies: DocumentComment[];
}

/** A field's ProseMirror view, as the UI package hands it over (the app does not depend on ProseMirror). */
type EditorView = Parameters<typeof refreshHighlights>[0];

interface AttachedField {
  view: EditorView;
  label: string;
}

/** Where an open thread is shown: in a field's margin at a position, or in the document's panel. */
export type Placement = { fragment: Y.XmlFragment; from: number } | null;

export interface Composing {
  fragment: Y.XmlFragment | null;
  range: CommentRange | null;
}

/**
 * A document's comments (web SPEC C200-C207): the threads from the server, asked again whenever
 * the document's socket says they changed (ACCESS.md A107) or it reconnects; which field each
 * open thread's range is in now; the thread in focus; and the comment being written.
 */
export function createDocumentComments(docId: string, me: string, notices: Accessor<number>) {
  const [list, setList] = createSignal<CommentList>({ comments: [], may: { comment: false, edit: false } });
  const [fields, setFields] = createSignal(new Map<Y.XmlFragment, AttachedField>(), { equals: false });
  const [active, setActive] = createSignal<string | null>(null);
  const [composing, setComposing] = createSignal<Composing | null>(null);
  const [noSelection, setNoSelection] = createSignal<Y.XmlFragment | null>(null);
  // Bumped when any field's marks were worked out again: the text moved under the ranges.
  const [tick, setTick] = createSignal(0);
  let readers: Promise<Reader[]> | undefined;
  let asking = 0;

  const refresh = async () => {
    const ask = ++asking;
    const next = await commentsApi.list(docId);
    // A slower, older answer must not overwrite a newer one.
    if (ask === asking) setList(next);
  };
  // A notice comes once: if asking then fails (a blip), ask again shortly, or the threads stay
  // stale until the next change. A newer notice's own ask supersedes these retries.
  let retry: ReturnType<typeof setTimeout> | undefined;
  const refreshOnNotice = (attempt = 0) => {
    clearTimeout(retry);
    void refresh().catch(() => {
      if (attempt < 3) retry = setTimeout(() => refreshOnNotice(attempt + 1), 1_000 * (attempt + 1));
    });
  };
  onCleanup(() => clearTimeout(retry));
  createEffect(on(notices, () => refreshOnNotice()));

  const threads = createMemo<CommentThreadData[]>(() => {
    const all = list().comments;
    return all.filter((c) => c.parentId === null).map((root) => ({ root, replies: all.filter((c) => c.parentId === root.id) }));
  });
  const open = createMemo(() => threads().filter((t) => t.root.resolvedAt === null));
  const highlights = (): HighlightedRange[] =>
    open().flatMap((t) => (t.root.range ? [{ id: t.root.id, range: t.root.range, active: active() === t.root.id }] : []));

  const placement = createMemo(() => {
    tick();
    const placed = new Map<string, Placement>();
    for (const t of open()) {
      let at: Placement = null;
      if (t.root.range) {
        for (const [fragment, field] of fields()) {
          const found = rangeInEditor(field.view.state, t.root.range);
          if (found) {
            at = { fragment, from: found.from };
            break;
          }
        }
      }
      placed.set(t.root.id, at);
    }
    return placed;
  });

  // New threads, a resolution or a new active thread: every field marks its ranges again.
  createEffect(on([open, active], () => {
    for (const field of fields().values()) refreshHighlights(field.view);
  }, { defer: true }));

  // The last selection in each field, kept when focus moves to the margin's button.
  const lastSelection = new Map<Y.XmlFragment, CommentRange | null>();
  const onSelectionChange = () => {
    const selection = document.getSelection();
    for (const [fragment, field] of fields()) {
      if (selection?.anchorNode && field.view.dom.contains(selection.anchorNode)) lastSelection.set(fragment, selectionRange(field.view));
    }
  };
  document.addEventListener('selectionchange', onSelectionChange);
  onCleanup(() => document.removeEventListener('selectionchange', onSelectionChange));

  const act = async (work: () => Promise<unknown>) => {
    await work();
    await refresh();
  };

  return {
    docId,
    me,
    may: () => list().may,
    threads,
    open,
    resolved: createMemo(() => threads().filter((t) => t.root.resolvedAt !== null)),
    highlights,
    placement,
    fields,
    active,
    setActive,
    composing,
    noSelection,
    bumpTick: () => setTick((n) => n + 1),
    attach(fragment: Y.XmlFragment, view: EditorView | null, label: string) {
      const next = fields();
      if (view) next.set(fragment, { view, label });
      else next.delete(fragment);
      setFields(next);
    },
    /** Starts a comment on the field's selection; with none, says so (C201). */
    startInField(fragment: Y.XmlFragment) {
      const field = fields().get(fragment);
      const range = (field && selectionRange(field.view)) ?? lastSelection.get(fragment) ?? null;
      batch(() => {
        setNoSelection(range ? null : fragment);
        setComposing(range ? { fragment, range } : null);
      });
    },
    startOnDocument: () => setComposing({ fragment: null, range: null }),
    stopComposing: () => setComposing(null),
    /** Moves the caret to the thread's text and shows it there (keyboard route to the text). */
    showInText(id: string) {
      const t = threads().find((x) => x.root.id === id);
      const at = placement().get(id);
      const field = at ? fields().get(at.fragment) : undefined;
      setActive(id);
      if (t?.root.range && field) showRangeInEditor(field.view, t.root.range);
    },
    readers: () => (readers ??= commentsApi.readers(docId).then((list) => list.filter((r) => r.personId && r.personId !== me))),
    add: (comment: NewComment) => act(() => commentsApi.add(docId, comment)),
    resolve: (id: string) => act(() => commentsApi.resolve(docId, id)),
    reopen: (id: string) => act(() => commentsApi.reopen(docId, id)),
    edit: (id: string, body: string, mentions: string[]) => act(() => commentsApi.edit(docId, id, body, mentions)),
    remove: (id: string) => act(() => commentsApi.remove(docId, id)),
    refresh,
  };
}

export type DocumentComments = ReturnType<typeof createDocumentComments>;
