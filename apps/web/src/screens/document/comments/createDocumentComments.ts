import { batch, createComputed, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type * as Y from 'yjs';
import { rangeInEditor, refreshHighlights, selectionRange, showRangeInEditor, type HighlightedRange } from '@cydweithio/ui';
import { rangeInText, resolveInText, type CommentRange } from '@cydweithio/model/comments/anchor';
import { commentedFieldClass, plainFieldLabel, plainSelection, type PlainField } from './plainFields';
import type { Reader } from '../../../api/schemas';
import { commentsApi, type CommentList, type DocumentComment, type NewComment } from './commentsApi';

export interface CommentThreadData {
  /** The root comment's id: what keeps a thread the same thread across refreshes. */
  id: string;
  root: DocumentComment;
  replies: DocumentComment[];
}

/** A field's ProseMirror view, as the UI package hands it over (the app does not depend on ProseMirror). */
type EditorView = Parameters<typeof refreshHighlights>[0];

interface AttachedField {
  view: EditorView;
  label: string;
}

/**
 * Where an open thread is shown: in a formatted field's margin at a position; in the document's
 * panel but pointing into a plain field (`text`, C285); or in the panel with no text on screen.
 */
export type Placement = { fragment: Y.XmlFragment; from: number } | { text: Y.Text; from: number } | null;

export interface Composing {
  /** The formatted field whose margin holds the composer; null for the document's panel. */
  fragment: Y.XmlFragment | null;
  range: CommentRange | null;
  /** The plain field the range is in, when it is in one (C285). */
  text?: Y.Text;
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
  const [noSelection, setNoSelection] = createSignal<Y.XmlFragment | Y.Text | null>(null);
  const [plainFields, setPlainFields] = createSignal(new Map<Y.Text, PlainField>(), { equals: false });
  // The plain field last in focus: the panel's "comment on the selected text" is for it.
  const [lastPlain, setLastPlain] = createSignal<Y.Text | null>(null);
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

  // Reconciled by id into a store, so a refresh updates each thread and comment in place: the
  // thread and comment components stay mounted, and a reply or an edit someone is writing is
  // never thrown away because someone else's comment arrived (C293).
  const [kept, setKept] = createStore<{ threads: CommentThreadData[] }>({ threads: [] });
  createComputed(() => {
    const all = list().comments;
    const next = all.filter((c) => c.parentId === null).map((root) => ({ id: root.id, root, replies: all.filter((c) => c.parentId === root.id) }));
    setKept('threads', reconcile(next, { key: 'id' }));
  });
  const threads = (): CommentThreadData[] => kept.threads;
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
      if (!at && t.root.range) at = inPlainField(t.root.range);
      placed.set(t.root.id, at);
    }
    return placed;
  });
  // A range in a plain field: its start names the Y.Text, which is one of the attached fields.
  const inPlainField = (range: CommentRange): Placement => {
    for (const text of plainFields().keys()) {
      const found = text.doc ? resolveInText(text.doc, text, range) : null;
      if (found) return { text, from: found.from };
    }
    return null;
  };
  // A plain field cannot mark words inside it: it is outlined while it holds an open thread.
  createEffect(() => {
    const placed = placement();
    for (const [text, element] of plainFields()) {
      const holds = [...placed.values()].some((at) => at !== null && 'text' in at && at.text === text);
      element.classList.toggle(commentedFieldClass, holds);
    }
  });
  const textObservers = new Map<Y.Text, () => void>();
  onCleanup(() => {
    for (const [text, observer] of textObservers) text.unobserve(observer);
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
    /** A plain field comes and goes (C285); its text moving moves the ranges in it. */
    attachText(text: Y.Text, element: PlainField | null) {
      const next = plainFields();
      const previous = textObservers.get(text);
      if (previous) text.unobserve(previous);
      textObservers.delete(text);
      if (element) {
        next.set(text, element);
        const observer = () => setTick((n) => n + 1);
        text.observe(observer);
        textObservers.set(text, observer);
        element.addEventListener('focus', () => setLastPlain(text));
      } else {
        next.delete(text);
        if (lastPlain() === text) setLastPlain(null);
      }
      setPlainFields(next);
    },
    lastPlain,
    isPlain: (type: Y.XmlFragment | Y.Text) => plainFields().has(type as Y.Text),
    plainLabel: (text: Y.Text) => {
      const element = plainFields().get(text);
      return element ? plainFieldLabel(element) : '';
    },
    /** Starts a comment on a plain field's selection, in the panel; with none, says so (C285). */
    startInText(text: Y.Text) {
      const element = plainFields().get(text);
      const chosen = element ? plainSelection(element, text) : null;
      batch(() => {
        setNoSelection(chosen ? null : text);
        setComposing(chosen ? { fragment: null, text, range: rangeInText(text, chosen.from, chosen.to, chosen.words) } : null);
      });
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
    startOnDocument: () => {
      setNoSelection(null);
      setComposing({ fragment: null, range: null });
    },
    stopComposing: () => setComposing(null),
    /** Moves the caret to the thread's text and shows it there (keyboard route to the text). */
    showInText(id: string) {
      const t = threads().find((x) => x.root.id === id);
      const at = placement().get(id);
      const field = at && 'fragment' in at ? fields().get(at.fragment) : undefined;
      setActive(id);
      if (t?.root.range && field) showRangeInEditor(field.view, t.root.range);
      if (at && 'text' in at && t?.root.range) {
        const element = plainFields().get(at.text);
        const found = at.text.doc ? resolveInText(at.text.doc, at.text, t.root.range) : null;
        if (element && found) {
          element.focus();
          element.setSelectionRange(found.from, found.to);
        }
      }
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
