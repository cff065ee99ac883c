/**
 * K18: "as it stood at" and diffs on a record whose history is one line of our agreements,
 * answered from the states the agreements agreed (each materialised once, when first asked for)
 * instead of making Automerge build the record at a version or diff two versions: on five years
 * of history those cost in proportion to everything agreed between them, at every request. A
 * subject's state at a version is the state of its newest agreement at or before it, because an
 * agreement replaces its one subject whole. Any other history (undefined here) is left to
 * Automerge.
 */
import * as Automerge from '@automerge/automerge';
import { indexOf, type AgreementIndex } from './agreement-index';
import { byCodePoint, contentPatches, named as namedValue } from './creation-patches';
import type { RecordShape, RecordValue, RecordVersion } from './record-doc';

/**
 * One object as plain data at a version, straight from the backend: a view of the whole record
 * would materialise every subject of five years to read one of them.
 */
export function materializeAt(doc: Automerge.Doc<RecordShape>, obj: string, hash: string): unknown {
  const handle = Automerge.getBackend(doc);
  const frozen = handle.enableFreeze(false);
  try {
    return handle.materialize(obj, [hash]);
  } finally {
    handle.enableFreeze(frozen);
  }
}

/** One subject as Automerge has it at a version (undefined if not yet agreed). */
export function subjectFromBackend(doc: Automerge.Doc<RecordShape>, subject: string, hash: string): RecordValue | undefined {
  const handle = Automerge.getBackend(doc);
  const subjects = handle.getWithType('_root', 'subjects', [hash]);
  if (!subjects || subjects[0] !== 'map') return undefined;
  const value = handle.getWithType(subjects[1], subject, [hash]);
  if (!value) return undefined;
  const [type, content] = value;
  if (type === 'map' || type === 'list' || type === 'text') return materializeAt(doc, content as string, hash) as RecordValue;
  // Scalars as JSON has them, as the proxy's JSON round trip gave them before.
  return JSON.parse(JSON.stringify(content)) as RecordValue;
}

/** What this agreement agreed, kept after the first read (never handed out: callers get copies). */
function agreedBy(doc: Automerge.Doc<RecordShape>, index: AgreementIndex, version: RecordVersion): RecordValue | undefined {
  if (index.agreed.has(version.hash)) return index.agreed.get(version.hash);
  const value = subjectFromBackend(doc, version.subject, version.hash);
  index.agreed.set(version.hash, value);
  return value;
}

/**
 * The states agreed by the newest agreements `newest` names (the record at version `hash`), by
 * subject. When many are not yet kept (the first read after the record was loaded), one
 * materialisation of the whole record at that version gives them all, instead of one call each.
 */
function agreedAt(doc: Automerge.Doc<RecordShape>, index: AgreementIndex, newest: Map<string, number>, hash: string): void {
  let missing = 0;
  for (const position of newest.values()) if (!index.agreed.has(index.list[position]!.hash)) missing++;
  if (missing < MATERIALISE_WHOLE_FROM) return;
  const whole = materializeAt(doc, '_root', hash) as RecordShape;
  for (const [subject, position] of newest) {
    const version = index.list[position]!;
    if (!index.agreed.has(version.hash)) index.agreed.set(version.hash, whole.subjects[subject]);
  }
}
/** Below this many states to read, reading each subject alone is cheaper than the whole record. */
const MATERIALISE_WHOLE_FROM = 8;

/** Each subject's newest agreement at or before `position`, by its place in the list. */
function newestUpTo(index: AgreementIndex, position: number): Map<string, number> {
  const newest = new Map<string, number>();
  for (let i = 0; i <= position; i++) newest.set(index.list[i]!.subject, i);
  return newest;
}

function linearIndex(doc: Automerge.Doc<RecordShape>, ...hashes: string[]): { index: AgreementIndex; positions: number[] } | undefined {
  const index = indexOf(doc);
  if (!index.linear) return undefined;
  const positions = hashes.map((h) => index.position.get(h));
  if (positions.some((p) => p === undefined)) return undefined;
  return { index, positions: positions as number[] };
}

export function linearStateAt(doc: Automerge.Doc<RecordShape>, hash: string): RecordShape | undefined {
  const found = linearIndex(doc, hash);
  if (!found) return undefined;
  const { index, positions: [position] } = found;
  const newest = newestUpTo(index, position!);
  agreedAt(doc, index, newest, hash);
  const subjects: RecordShape['subjects'] = {};
  for (const subject of [...newest.keys()].sort(byCodePoint)) {
    const value = agreedBy(doc, index, index.list[newest.get(subject)!]!);
    if (value !== undefined) subjects[subject] = structuredClone(value);
  }
  return { ownerKey: doc.ownerKey, subjects };
}

/** One subject at a version; null when the history is not one line (then ask Automerge). */
export function linearSubjectAt(doc: Automerge.Doc<RecordShape>, subject: string, hash: string): { value: RecordValue | undefined } | null {
  const found = linearIndex(doc, hash);
  if (!found) return null;
  const { index, positions: [position] } = found;
  for (let i = position!; i >= 0; i--) {
    const version = index.list[i]!;
    if (version.subject !== subject) continue;
    const value = agreedBy(doc, index, version);
    return { value: value === undefined ? undefined : structuredClone(value) };
  }
  return { value: undefined };
}

/**
 * The patches Automerge's diff gives between two versions, as JSON text, in its order: first the
 * subjects whose newest agreement differs (removed, or put as a new object), in key order, then
 * each new object's contents, oldest agreement first. JSON because the route sends it: a diff
 * across years is ten thousand patches, and each agreement's contents are written out once
 * (kept with its state) instead of being built and serialised again at every request.
 */
export function linearDiffJson(doc: Automerge.Doc<RecordShape>, fromHash: string, toHash: string): string | undefined {
  const found = linearIndex(doc, fromHash, toHash);
  if (!found) return undefined;
  const { index, positions: [from, to] } = found;
  const before = newestUpTo(index, from!);
  const after = newestUpTo(index, to!);
  const changed = [...new Set([...before.keys(), ...after.keys()])].sort(byCodePoint).filter((subject) => before.get(subject) !== after.get(subject));
  const created = changed.flatMap((subject) => after.get(subject) ?? []);
  if (created.filter((position) => !index.contentJson.has(index.list[position]!.hash)).length >= MATERIALISE_WHOLE_FROM) agreedAt(doc, index, after, toHash);
  const head: string[] = [];
  for (const subject of changed) {
    const position = after.get(subject);
    if (position === undefined) {
      head.push(JSON.stringify({ action: 'del', path: ['subjects', subject] }));
      continue;
    }
    const json = contentJsonOf(doc, index, index.list[position]!);
    if (!json) return undefined;
    head.push(json.named);
  }
  const body = created.sort((a, b) => a - b).map((position) => index.contentJson.get(index.list[position]!.hash)!.content);
  return `[${[...head, ...body.filter((c) => c !== '')].join(',')}]`;
}

/** The put naming an agreement's state under its subject, and the patches filling it, as JSON (kept). */
function contentJsonOf(doc: Automerge.Doc<RecordShape>, index: AgreementIndex, version: RecordVersion): { named: string; content: string } | undefined {
  const known = index.contentJson.get(version.hash);
  if (known) return known;
  const value = agreedBy(doc, index, version);
  if (value === undefined) return undefined;
  const out: Automerge.Patch[] = [];
  contentPatches(['subjects', version.subject], value, out);
  const json = { named: JSON.stringify({ action: 'put', path: ['subjects', version.subject], value: namedValue(value) }), content: JSON.stringify(out).slice(1, -1) };
  index.contentJson.set(version.hash, json);
  return json;
}
