/**
 * Random concurrent edits over the shapes our documents use: rich text (inserts, deletes,
 * formatting), maps (set, overwrite, delete, nested maps) and arrays (insert, delete, nested
 * maps as cards). Every choice comes from the seeded generator.
 */
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { randomWorkspaceEdit, workspaceContent } from './workspace-edits.js';

const MAP_KEYS = ['title', 'status', 'owner', 'due', 'rating', 'note'];

function editText(gen: prng.PRNG, text: Y.Text): void {
  const length = text.length;
  const choice = prng.int32(gen, 0, 9);
  if (length === 0 || choice < 5) {
    text.insert(prng.int32(gen, 0, length), prng.utf16String(gen, 8));
  } else if (choice < 8) {
    const index = prng.int32(gen, 0, length - 1);
    text.delete(index, prng.int32(gen, 1, Math.min(6, length - index)));
  } else {
    const index = prng.int32(gen, 0, length - 1);
    text.format(index, prng.int32(gen, 1, Math.min(5, length - index)), { bold: prng.bool(gen) ? true : null });
  }
}

function editMap(gen: prng.PRNG, map: Y.Map<unknown>): void {
  const key = prng.oneOf(gen, MAP_KEYS);
  const choice = prng.int32(gen, 0, 9);
  if (choice < 5) map.set(key, prng.word(gen, 0, 10));
  else if (choice < 7) map.set(key, prng.int32(gen, -1000, 1000));
  else if (choice < 8) {
    const nested = new Y.Map<unknown>();
    nested.set('label', prng.word(gen, 1, 6));
    map.set(key, nested);
  } else map.delete(key);
}

function editArray(gen: prng.PRNG, array: Y.Array<unknown>): void {
  const length = array.length;
  const choice = prng.int32(gen, 0, 9);
  if (length === 0 || choice < 5) {
    const card = new Y.Map<unknown>();
    card.set('title', prng.word(gen, 1, 8));
    array.insert(prng.int32(gen, 0, length), [prng.bool(gen) ? card : prng.word(gen, 0, 5)]);
  } else if (choice < 8) {
    const index = prng.int32(gen, 0, length - 1);
    array.delete(index, prng.int32(gen, 1, Math.min(3, length - index)));
  } else {
    // Edit inside a nested card when there is one: concurrent nested edits are the hard case.
    const item = array.get(prng.int32(gen, 0, length - 1));
    if (item instanceof Y.Map) editMap(gen, item as Y.Map<unknown>);
  }
}

/** Per-replica counters for new ids: per doc, so that replaying one seed alone mints the same ids. */
const serials = new WeakMap<Y.Doc, number>();

/**
 * One random edit, sometimes several in a single transaction (one update, many ops): half on
 * generic shared types, half through the model's workspace accessors.
 */
export function randomEdit(gen: prng.PRNG, doc: Y.Doc): void {
  const operations = prng.int32(gen, 0, 9) < 8 ? 1 : prng.int32(gen, 2, 5);
  doc.transact(() => {
    for (let i = 0; i < operations; i++) {
      const target = prng.int32(gen, 0, 5);
      if (target === 0) editText(gen, doc.getText('body'));
      else if (target === 1) editMap(gen, doc.getMap('meta'));
      else if (target === 2) editArray(gen, doc.getArray('items'));
      else {
        const serial = serials.get(doc) ?? 0;
        serials.set(doc, serial + 1);
        randomWorkspaceEdit(gen, doc, serial);
      }
    }
  });
}

/** JSON with object keys sorted: Y.Map iteration order depends on insertion history, not content. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** The content a reader sees, for comparing replicas (the state vector is compared separately). */
export function contentOf(doc: Y.Doc): string {
  return JSON.stringify(canonical({
    body: doc.getText('body').toDelta(),
    meta: doc.getMap('meta').toJSON(),
    items: doc.getArray('items').toJSON(),
    workspace: workspaceContent(doc),
  }));
}
