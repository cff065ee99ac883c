/**
 * The record layer: what an owner (a school or a collaborative) has *agreed*, kept as an
 * Automerge document. Live drafts are Yjs; an agreement copies the agreed state here as one
 * Automerge change carrying who, when and why. Automerge keeps every version, so the record can
 * show "as it stood at the autumn review", diff two terms, and export a file any Automerge
 * implementation opens. Its write rate is a few changes a term, so its per-change cost is moot.
 */
import * as Automerge from '@automerge/automerge';
import { extendIndex, indexOf, type ChangeMessage } from './agreement-index';
import { linearDiffJson, linearStateAt, linearSubjectAt, materializeAt, subjectFromBackend } from './agreed-values';

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
  return indexOf(doc).position.has(hash);
}

/** The record as it stood right after the agreement with this hash. */
export function stateAt(doc: Automerge.Doc<RecordShape>, hash: string): RecordShape {
  return linearStateAt(doc, hash) ?? automergeStateAt(doc, hash);
}

/** The same, built by Automerge at that version whatever the history (K18's reference). */
export function automergeStateAt(doc: Automerge.Doc<RecordShape>, hash: string): RecordShape {
  return materializeAt(doc, '_root', hash) as RecordShape;
}

/** One subject as it stood right after the agreement with this hash (undefined if not yet agreed). */
export function subjectAt(doc: Automerge.Doc<RecordShape>, subject: string, hash: string): RecordValue | undefined {
  const linear = linearSubjectAt(doc, subject, hash);
  return linear ? linear.value : subjectFromBackend(doc, subject, hash);
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
  const json = linearDiffJson(doc, fromHash, toHash);
  return json === undefined ? automergeDiff(doc, fromHash, toHash) : (JSON.parse(json) as Automerge.Patch[]);
}

/** The same patches as JSON text, what the diff route sends (K18: written without building them again). */
export function diffJsonBetween(doc: Automerge.Doc<RecordShape>, fromHash: string, toHash: string): string {
  return linearDiffJson(doc, fromHash, toHash) ?? JSON.stringify(automergeDiff(doc, fromHash, toHash));
}

/** Automerge's own diff between two versions, whatever the history (K18's reference). */
export function automergeDiff(doc: Automerge.Doc<RecordShape>, fromHash: string, toHash: string): Automerge.Patch[] {
  return Automerge.diff(doc, [fromHash], [toHash]);
}
