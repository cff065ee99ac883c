/**
 * The record layer: what an owner (a school or a collaborative) has *agreed*, kept as an
 * Automerge document. Live drafts are Yjs; an agreement copies the agreed state here as one
 * Automerge change carrying who, when and why. Automerge keeps every version, so the record can
 * show "as it stood at the autumn review", diff two terms, and export a file any Automerge
 * implementation opens. Its write rate is a few changes a term, so its per-change cost is moot.
 */
import * as Automerge from '@automerge/automerge';

/** JSON that can be stored in the record: plain data only, never Yjs types. */
export type RecordValue = string | number | boolean | null | RecordValue[] | { [key: string]: RecordValue };

export type RecordShape = {
  ownerKey: string;
  /** subject (e.g. "shared-priorities", "termly:2026-autumn:<priorityId>") -> agreed state. */
  subjects: { [subject: string]: RecordValue };
};

export interface AgreementMeta {
  /** Person id of whoever recorded the agreement. */
  by: string;
  /** Short label people look for later, e.g. "Autumn review 2026". */
  label: string;
  /** Unix seconds; taken from the caller's clock so tests and imports are reproducible. */
  at: number;
}

export interface RecordVersion {
  hash: string;
  subject: string;
  by: string;
  label: string;
  at: number;
}

/** Automerge's change message is a string: we store our metadata as JSON in it. */
interface ChangeMessage extends Omit<AgreementMeta, 'at'> {
  subject: string;
}

export function createRecord(ownerKey: string): Automerge.Doc<RecordShape> {
  return Automerge.from<RecordShape>({ ownerKey, subjects: {} });
}

export function loadRecord(bytes: Uint8Array): Automerge.Doc<RecordShape> {
  return Automerge.load<RecordShape>(bytes);
}

export function saveRecord(doc: Automerge.Doc<RecordShape>): Uint8Array {
  return Automerge.save(doc);
}

/** Records one agreement: the subject's whole agreed state replaces the previous one. */
export function agree(
  doc: Automerge.Doc<RecordShape>,
  subject: string,
  state: RecordValue,
  meta: AgreementMeta,
): Automerge.Doc<RecordShape> {
  const message: ChangeMessage = { subject, by: meta.by, label: meta.label };
  // structuredClone: Automerge must not alias the caller's objects.
  const value = structuredClone(state);
  const next = Automerge.change(doc, { message: JSON.stringify(message), time: meta.at }, (draft) => {
    draft.subjects[subject] = value;
  });
  extendIndex(doc, next);
  return next;
}

/**
 * Every agreement, oldest first. The creation change is not an agreement and is left out. Read
 * from the changes' metadata alone: getHistory would build the whole document at every version
 * (seconds on a record of five years, on every agreement and every read).
 */
export function versions(doc: Automerge.Doc<RecordShape>): RecordVersion[] {
  return indexOf(doc).list.slice();
}

/** Whether this hash is one of the record's agreements (K7), without listing them again. */
export function hasVersion(doc: Automerge.Doc<RecordShape>, hash: string): boolean {
  return indexOf(doc).hashes.has(hash);
}

/**
 * The versions of each loaded document, read once: every request asks for them (the timeline,
 * and K7's check of each hash it is given), and reading and parsing every change's metadata cost
 * several milliseconds a time on five years of history. Documents are immutable, so the list
 * never goes stale; an agreement's document extends its parent's list by its one change.
 */
const indexes = new WeakMap<Automerge.Doc<RecordShape>, { list: RecordVersion[]; hashes: Set<string> }>();

function indexOf(doc: Automerge.Doc<RecordShape>): { list: RecordVersion[]; hashes: Set<string> } {
  const known = indexes.get(doc);
  if (known) return known;
  const list: RecordVersion[] = [];
  for (const change of Automerge.getChangesMetaSince(doc, [])) {
    const parsed = parseMessage(change.message);
    if (!parsed) continue;
    list.push({ hash: change.hash, at: change.time, ...parsed });
  }
  const index = { list, hashes: new Set(list.map((v) => v.hash)) };
  indexes.set(doc, index);
  return index;
}

/** The index of a document one agreement on from `parent`, from the parent's and the new change. */
function extendIndex(parent: Automerge.Doc<RecordShape>, next: Automerge.Doc<RecordShape>): void {
  const known = indexes.get(parent);
  if (!known) return;
  const added = Automerge.getChangesMetaSince(next, Automerge.getHeads(parent)).flatMap((change) => {
    const parsed = parseMessage(change.message);
    return parsed ? [{ hash: change.hash, at: change.time, ...parsed }] : [];
  });
  const list = [...known.list, ...added];
  indexes.set(next, { list, hashes: new Set([...known.hashes, ...added.map((v) => v.hash)]) });
}

/** The record as it stood right after the agreement with this hash. */
export function stateAt(doc: Automerge.Doc<RecordShape>, hash: string): RecordShape {
  return materializeAt(doc, '_root', hash) as RecordShape;
}

/**
 * One object as plain data at a version, straight from the backend: a view of the whole record
 * would materialise every subject of five years to read one of them.
 */
function materializeAt(doc: Automerge.Doc<RecordShape>, obj: string, hash: string): unknown {
  const handle = Automerge.getBackend(doc);
  const frozen = handle.enableFreeze(false);
  try {
    return handle.materialize(obj, [hash]);
  } finally {
    handle.enableFreeze(frozen);
  }
}

/** One subject as it stood right after the agreement with this hash (undefined if not yet agreed). */
export function subjectAt(doc: Automerge.Doc<RecordShape>, subject: string, hash: string): RecordValue | undefined {
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

/** Every agreed state of the subjects matching `match`, oldest first, with its version (K11). */
export function subjectHistory(doc: Automerge.Doc<RecordShape>, match: (subject: string) => boolean): { version: RecordVersion; state: RecordValue }[] {
  return versions(doc).filter((v) => match(v.subject)).flatMap((version) => {
    const state = subjectAt(doc, version.subject, version.hash);
    return state === undefined ? [] : [{ version, state }];
  });
}

/** What changed between two agreements, as Automerge patches (path + action). */
export function diffBetween(doc: Automerge.Doc<RecordShape>, fromHash: string, toHash: string): Automerge.Patch[] {
  return Automerge.diff(doc, [fromHash], [toHash]);
}

function parseMessage(message: string | null): ChangeMessage | null {
  if (!message) return null;
  try {
    const value: unknown = JSON.parse(message);
    if (value && typeof value === 'object' && 'subject' in value && 'by' in value && 'label' in value) {
      const { subject, by, label } = value as Record<string, unknown>;
      if (typeof subject === 'string' && typeof by === 'string' && typeof label === 'string') return { subject, by, label };
    }
  } catch {
    // A message that is not ours (e.g. written by another Automerge tool) is not an agreement.
  }
  return null;
}
