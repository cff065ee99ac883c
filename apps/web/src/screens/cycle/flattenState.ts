/**
 * An agreed state (a plan as approved, a confirmed review, a summary) as readable rows for "as it
 * stood" and the side-by-side comparison: one row per leaf, its path named by the titles people
 * gave things (a priority by its title, not its index), so two reviews line up priority by
 * priority even when the order differs. Ids and links that mean nothing to a reader are left out.
 */
export interface Row {
  /** Stable key for matching two states: ids, not titles (a renamed priority is still the same). */
  key: string;
  /** Path segments in words: field keys, or an item's title. */
  path: string[];
  value: string;
}

const hidden = new Set([
  'kind', 'schemaVersion', 'id', 'priorityId', 'reviewDocId', 'planDocId', 'schoolId', 'personId', 'recordedBy', 'decidedBy',
  'fromDocId', 'fromFindingId', 'carriedFrom', 'ownerPersonId', 'previousPlanId', 'template',
]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The words of a rich-text body (ProseMirror JSON as stored, D7). */
function plainText(nodes: Json): string {
  if (typeof nodes === 'string') return nodes;
  if (Array.isArray(nodes)) return nodes.map(plainText).filter((s) => s !== '').join(' ');
  if (nodes && typeof nodes === 'object') {
    if (typeof nodes['text'] === 'string') return nodes['text'];
    return plainText((nodes['content'] ?? nodes['children'] ?? []) as Json);
  }
  return '';
}

function itemKey(item: { [k: string]: Json }, index: number): string {
  for (const k of ['priorityId', 'id']) if (typeof item[k] === 'string' && item[k] !== '') return String(item[k]);
  return String(index);
}

function itemTitle(item: { [k: string]: Json }, fallback: string): string {
  for (const k of ['title', 'heading', 'description', 'text', 'label']) {
    const v = item[k];
    if (typeof v === 'string' && v.trim() !== '') return v.length > 80 ? `${v.slice(0, 77)}…` : v;
  }
  return fallback;
}

export function flattenState(state: unknown): Row[] {
  const rows: Row[] = [];
  const walk = (value: Json, key: string[], path: string[], field: string): void => {
    if (field === 'body') {
      rows.push({ key: key.join('/'), path, value: plainText(value) });
      return;
    }
    if (Array.isArray(value)) {
      // An empty list has nothing to show; its items, when it had some, show as removed.
      if (value.length === 0) return;
      if (value.every((v) => v === null || typeof v !== 'object')) {
        rows.push({ key: key.join('/'), path, value: value.map(String).join('; ') });
        return;
      }
      value.forEach((item, i) => {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          walk(item, [...key, itemKey(item, i)], [...path, itemTitle(item, String(i + 1))], '');
        } else {
          walk(item, [...key, String(i)], [...path, String(i + 1)], '');
        }
      });
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (hidden.has(k)) continue;
        walk(v, [...key, k], [...path, k], k);
      }
      return;
    }
    rows.push({ key: key.join('/'), path, value: value === null ? '' : String(value) });
  };
  walk(state as Json, [], [], '');
  return rows;
}

export type Change = 'same' | 'changed' | 'added' | 'removed';

export interface ComparedRow {
  key: string;
  path: string[];
  from: string | null;
  to: string | null;
  change: Change;
}

/** Both states' rows side by side, matched by key, in the later state's order (then what was removed). */
export function compareStates(from: unknown, to: unknown): ComparedRow[] {
  const a = new Map(flattenState(from).map((r) => [r.key, r]));
  const b = flattenState(to);
  const out: ComparedRow[] = b.map((r) => {
    const before = a.get(r.key);
    return { key: r.key, path: r.path, from: before?.value ?? null, to: r.value, change: before === undefined ? 'added' : before.value === r.value ? 'same' : 'changed' };
  });
  const seen = new Set(b.map((r) => r.key));
  for (const r of a.values()) if (!seen.has(r.key)) out.push({ key: r.key, path: r.path, from: r.value, to: null, change: 'removed' });
  return out;
}
