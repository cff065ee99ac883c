/**
 * The agreements of each loaded record document, read once: every request asks for them (the
 * timeline, K7's check of each hash it is given, "as it stood" and diffs), and reading and
 * parsing every change's metadata cost several milliseconds a time on five years of history.
 * Documents are immutable, so an index never goes stale; an agreement's document extends its
 * parent's index by its one change.
 */
import * as Automerge from '@automerge/automerge';
import type { RecordShape, RecordValue, RecordVersion } from './record-doc';

/** Automerge's change message is a string: we store our metadata as JSON in it. */
export interface ChangeMessage {
  subject: string;
  by: string;
  label: string;
}

export interface AgreementIndex {
  /** Every agreement, oldest first (the creation change is not one). */
  list: RecordVersion[];
  /** Each agreement's place in `list`, by hash. */
  position: Map<string, number>;
  /**
   * K18: the history is one line (each change on the one before it) of which every change after
   * the record's creation is an agreement of ours, one subject replaced whole. Then a subject's
   * state at any version is the state agreed by its newest agreement at or before it.
   */
  linear: boolean;
  /**
   * The state each agreement agreed, materialised when first asked for, by hash. Shared by a
   * document and those extending it: the same hash is the same immutable change in all of them.
   */
  agreed: Map<string, RecordValue | undefined>;
  /** K18: the diff's patches naming and filling each agreement's state, as JSON, by hash; shared as `agreed` is. */
  contentJson: Map<string, { named: string; content: string }>;
}

const indexes = new WeakMap<Automerge.Doc<RecordShape>, AgreementIndex>();

export function parseMessage(message: string | null): ChangeMessage | null {
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

export function indexOf(doc: Automerge.Doc<RecordShape>): AgreementIndex {
  const known = indexes.get(doc);
  if (known) return known;
  const list: RecordVersion[] = [];
  let linear = true;
  let previous: string | undefined;
  for (const change of Automerge.getChangesMetaSince(doc, [])) {
    const parsed = parseMessage(change.message);
    // The creation change comes first with no parent; every later one sits on the one before.
    const onPrevious = previous === undefined ? change.deps.length === 0 : change.deps.length === 1 && change.deps[0] === previous;
    if (!onPrevious || (previous !== undefined && !parsed)) linear = false;
    previous = change.hash;
    if (!parsed) continue;
    list.push({ hash: change.hash, at: change.time, ...parsed });
  }
  const index = { list, position: new Map(list.map((v, i) => [v.hash, i])), linear, agreed: new Map<string, RecordValue | undefined>(), contentJson: new Map<string, { named: string; content: string }>() };
  indexes.set(doc, index);
  return index;
}

/** The index of a document one agreement on from `parent`, from the parent's and the new change. */
export function extendIndex(parent: Automerge.Doc<RecordShape>, next: Automerge.Doc<RecordShape>): void {
  const known = indexes.get(parent);
  if (!known) return;
  const heads = Automerge.getHeads(parent);
  const changes = Automerge.getChangesMetaSince(next, heads);
  const list = known.list.slice();
  const position = new Map(known.position);
  let linear = known.linear && changes.length === 1;
  for (const change of changes) {
    const parsed = parseMessage(change.message);
    if (!parsed || change.deps.length !== 1 || change.deps[0] !== heads[0] || heads.length !== 1) linear = false;
    if (!parsed) continue;
    position.set(change.hash, list.length);
    list.push({ hash: change.hash, at: change.time, ...parsed });
  }
  indexes.set(next, { list, position, linear, agreed: known.agreed, contentJson: known.contentJson });
}
