import * as Y from 'yjs';
import { isDocumentKind, type DocumentKind } from '../domain/document';

/** The layout version of each kind, stored in `meta.schemaVersion` (D1, D3). */
export const SCHEMA_VERSION: Readonly<Record<DocumentKind, number>> = {
  'self-evaluation': 1,
  'peer-review': 1,
  workspace: 1,
  'development-plan': 1,
  'progress-review': 1,
  'review-extract': 1,
};

export interface DocMeta {
  kind: DocumentKind;
  schemaVersion: number;
  title: string;
}

/** The root `meta` map: kind, schemaVersion, title (plus per-kind keys such as hostSchoolId). */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** The document's meta, or null when it was never initialised (or is not one of ours). */
export function readMeta(doc: Y.Doc): DocMeta | null {
  const meta = metaMap(doc);
  const kind = meta.get('kind');
  if (!isDocumentKind(kind)) return null;
  const version = meta.get('schemaVersion');
  const title = meta.get('title');
  return {
    kind,
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof title === 'string' ? title : '',
  };
}

export function setTitle(doc: Y.Doc, title: string): void {
  metaMap(doc).set('title', title);
}

/**
 * A rename in both languages (A110): `title` stays the Welsh-first one that exports and older
 * copies read; the two titles let each open copy show the one in its person's language (C282).
 */
export function setTitles(doc: Y.Doc, titles: { cy: string; en: string }, title: string): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('title', title);
    meta.set('titleCy', titles.cy);
    meta.set('titleEn', titles.en);
  });
}

/** The title in one language when the document was renamed in both; undefined when it never was. */
export function titleIn(meta: Record<string, unknown>, locale: 'cy' | 'en'): string | undefined {
  if (!('titleCy' in meta) && !('titleEn' in meta)) return undefined;
  const own = meta[locale === 'cy' ? 'titleCy' : 'titleEn'];
  return typeof own === 'string' && own ? own : undefined;
}

/** Reads a string from a Y.Map, '' when absent or of another type. */
export function str(map: Y.Map<unknown>, key: string): string {
  const v = map.get(key);
  return typeof v === 'string' ? v : '';
}

/** Reads a nested shared type from a Y.Map, creating nothing. */
export function child<T>(map: Y.Map<unknown>, key: string, type: abstract new (...args: never[]) => T): T {
  const v = map.get(key);
  if (!(v instanceof type)) throw new Error(`document layout: '${key}' is not a ${type.name}`);
  return v;
}

/** A Y.Map prefilled with entries, built before insertion so peers receive it whole (D2). */
export function prelimMap(entries: Record<string, unknown>): Y.Map<unknown> {
  return new Y.Map<unknown>(Object.entries(entries));
}

export function textOf(value: string): Y.Text {
  return new Y.Text(value);
}

/** Deletes the item with this id from an array, in one transaction; a missing id is a no-op (D46). */
export function removeById(arr: Y.Array<Y.Map<unknown>>, id: string, key = 'id'): void {
  const run = () => {
    const index = arr.toArray().findIndex((m) => m.get(key) === id);
    if (index >= 0) arr.delete(index, 1);
  };
  if (arr.doc) arr.doc.transact(run);
  else run();
}

/** Sets the given keys of an item that may be gone (removed by someone else: then nothing), in one transaction (D46). */
export function patchMap(map: Y.Map<unknown> | undefined, patch: Record<string, unknown>): void {
  if (map === undefined) return;
  const run = () => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined && map.get(key) !== value) map.set(key, value);
  };
  if (map.doc) map.doc.transact(run);
  else run();
}
