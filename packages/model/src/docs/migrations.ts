import type * as Y from 'yjs';
import type { DocumentKind } from '../domain/document';
import { metaMap, readMeta, SCHEMA_VERSION } from './meta';
import { initialiseLayout, type InitialiseOptions } from './layouts';

/** Migrates a document of one kind from version n (its index) to n + 1, inside a transaction. */
export type Migration = (doc: Y.Doc) => void;
export type MigrationRegistry = Readonly<Record<DocumentKind, readonly Migration[]>>;

/**
 * Version 0 is a document written before versions were recorded: it has a kind but no
 * schemaVersion. Its layout is the same as version 1, so the step only records the version.
 */
const recordVersionOne: Migration = (doc) => metaMap(doc).set('schemaVersion', 1);

export const migrations: MigrationRegistry = {
  'self-evaluation': [recordVersionOne],
  'peer-review': [recordVersionOne],
  workspace: [recordVersionOne],
  'development-plan': [recordVersionOne],
  'progress-review': [recordVersionOne],
  'review-extract': [recordVersionOne],
};

export type MigrateResult =
  | { status: 'current' | 'migrated'; from: number; to: number }
  | { status: 'too-new'; from: number; to: number }
  | { status: 'uninitialised' };

/**
 * D3: brings a document up to the current version by running each registered step in order.
 * A document newer than this code knows is left untouched ('too-new'): an old client must not
 * rewrite a newer layout. Each step is applied and the version recorded in one transaction.
 */
export function migrate(
  doc: Y.Doc,
  registry: MigrationRegistry = migrations,
  targets: Readonly<Record<DocumentKind, number>> = SCHEMA_VERSION,
): MigrateResult {
  const meta = readMeta(doc);
  if (meta === null) return { status: 'uninitialised' };
  const to = targets[meta.kind];
  const from = meta.schemaVersion;
  if (from > to) return { status: 'too-new', from, to };
  for (let v = from; v < to; v++) {
    const step = registry[meta.kind][v];
    if (step === undefined) throw new Error(`migrate: no migration for ${meta.kind} v${v} -> v${v + 1}`);
    doc.transact(() => {
      step(doc);
      metaMap(doc).set('schemaVersion', v + 1);
    }, 'migrate');
  }
  return { status: from === to ? 'current' : 'migrated', from, to };
}

export interface InitialiseInit extends InitialiseOptions {
  title: string;
}

/**
 * D1: writes meta and the starting layout of a new document. Run once, by whoever creates the
 * document (server or seeding); a second call on an initialised doc changes nothing, and a call
 * with another kind throws rather than mixing two layouts.
 */
export function initialise(doc: Y.Doc, kind: DocumentKind, init: InitialiseInit): void {
  const existing = readMeta(doc);
  if (existing !== null) {
    if (existing.kind !== kind) throw new Error(`initialise: document is a ${existing.kind}, not a ${kind}`);
    return;
  }
  // Check before writing: a Yjs transaction cannot roll back, so a throw half-way through
  // would leave a document with meta but no layout.
  if (kind === 'peer-review' && init.hostSchoolId === undefined) throw new Error('initialise: a peer review needs its hostSchoolId');
  if (kind === 'review-extract' && init.extract === undefined) throw new Error('initialise: a review extract needs the review it comes from');
  if (kind === 'development-plan' && init.plan === undefined) throw new Error('initialise: a development plan needs its school and year');
  if (kind === 'progress-review' && init.review === undefined) throw new Error('initialise: a progress review needs its school, plan and term');
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('kind', kind);
    meta.set('schemaVersion', SCHEMA_VERSION[kind]);
    meta.set('title', init.title);
    initialiseLayout(doc, kind, init);
  }, 'initialise');
}
