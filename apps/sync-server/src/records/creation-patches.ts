/**
 * K18: the patches Automerge's diff gives for a value that did not exist at the earlier version
 * (a subject agreed again is a new object, so the diff always writes it out whole): each object
 * breadth first, a map's keys in code point order (Automerge orders keys by their UTF-8 bytes),
 * a list as one insert of its items, a string (an Automerge text) as one splice. Objects are
 * written as empty ("{}", "[]", "") where their parent names them and filled in later.
 */
import type * as Automerge from '@automerge/automerge';
import type { RecordValue } from './record-doc';

type Prop = string | number;

/** JavaScript's `<` compares UTF-16 units; around surrogates that differs from code point order. */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const surrogateX = x >= 0xd800 && x <= 0xdfff;
    const surrogateY = y >= 0xd800 && y <= 0xdfff;
    // A surrogate stands for a code point above U+FFFF: after every unit that is not one.
    if (surrogateX !== surrogateY) return surrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

const isObject = (v: RecordValue): v is RecordValue[] | { [key: string]: RecordValue } | string =>
  typeof v === 'string' || (typeof v === 'object' && v !== null);

/** The value as a patch names it before its contents arrive. */
export function named(v: RecordValue): Automerge.PutPatch['value'] {
  if (typeof v === 'string') return '';
  if (Array.isArray(v)) return [];
  if (v !== null && typeof v === 'object') return {};
  return v;
}

/** Appends the patches that fill `value` (already named at `path`) to `out`. */
export function contentPatches(path: Prop[], value: RecordValue, out: Automerge.Patch[]): void {
  const queue: [Prop[], RecordValue][] = [[path, value]];
  for (let q = 0; q < queue.length; q++) {
    const [at, v] = queue[q]!;
    if (typeof v === 'string') {
      if (v.length > 0) out.push({ action: 'splice', path: [...at, 0], value: v });
    } else if (Array.isArray(v)) {
      if (v.length > 0) out.push({ action: 'insert', path: [...at, 0], values: v.map(named) });
      v.forEach((item, i) => {
        if (isObject(item)) queue.push([[...at, i], item]);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v).sort(byCodePoint)) {
        const item = v[key]!;
        out.push({ action: 'put', path: [...at, key], value: named(item) });
        if (isObject(item)) queue.push([[...at, key], item]);
      }
    }
  }
}
