/**
 * Agreements per owner, serialised: two agreements for the same owner never race, because each
 * waits for the previous one's save. Owners are keyed "school:<number>" or "collaborative:<id>".
 */
import type * as Automerge from '@automerge/automerge';
import {
  agree,
  createRecord,
  diffBetween,
  loadRecord,
  saveRecord,
  stateAt,
  subjectAt,
  subjectHistory,
  versions,
  type AgreementMeta,
  type RecordShape,
  type RecordValue,
  type RecordVersion,
} from './record-doc';
import type { RecordStore } from './record-store';

/** How many owners' loaded records to keep (K16): a facilitator's caseload many times over. */
const CACHED_RECORDS = 256;

export class RecordService {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Loaded records by owner, with the store revision they were loaded at (Automerge docs are immutable). */
  private readonly cache = new Map<string, { revision: number; doc: Automerge.Doc<RecordShape> }>();

  constructor(private readonly store: RecordStore) {}

  agree(ownerKey: string, subject: string, state: RecordValue, meta: AgreementMeta): Promise<RecordVersion> {
    return this.serialise(ownerKey, async () => {
      const next = agree(await this.open(ownerKey), subject, state, meta);
      await this.store.save(ownerKey, saveRecord(next));
      const revision = await this.store.revision(ownerKey);
      if (revision !== undefined) this.remember(ownerKey, revision, next);
      const all = versions(next);
      const newest = all[all.length - 1];
      if (!newest) throw new Error('record: the agreement was not recorded');
      return newest;
    });
  }

  /** O4: the store's revision of each owner (absent when it has no record), in one read. */
  async revisions(ownerKeys: readonly string[]): Promise<Map<string, number>> {
    if (this.store.revisions) return this.store.revisions(ownerKeys);
    const out = new Map<string, number>();
    for (const key of ownerKeys) {
      const revision = await this.store.revision(key);
      if (revision !== undefined) out.set(key, revision);
    }
    return out;
  }

  async versions(ownerKey: string): Promise<RecordVersion[]> {
    return versions(await this.open(ownerKey));
  }

  async current(ownerKey: string): Promise<RecordShape> {
    const doc = await this.open(ownerKey);
    return { ownerKey: doc.ownerKey, subjects: structuredClone(doc.subjects) as RecordShape['subjects'] };
  }

  async stateAt(ownerKey: string, hash: string): Promise<RecordShape> {
    return stateAt(await this.open(ownerKey), hash);
  }

  async subjectAt(ownerKey: string, subject: string, hash: string): Promise<RecordValue | undefined> {
    return subjectAt(await this.open(ownerKey), subject, hash);
  }

  async subjectHistory(ownerKey: string, match: (subject: string) => boolean): Promise<{ version: RecordVersion; state: RecordValue }[]> {
    return subjectHistory(await this.open(ownerKey), match);
  }

  async diff(ownerKey: string, fromHash: string, toHash: string): Promise<Automerge.Patch[]> {
    return diffBetween(await this.open(ownerKey), fromHash, toHash);
  }

  /** The portable Automerge file: any Automerge implementation can load it. */
  async export(ownerKey: string): Promise<Uint8Array> {
    return saveRecord(await this.open(ownerKey));
  }

  /**
   * K16: the owner's record, loaded once and reused while the store's revision is unchanged: a
   * read costs one small query instead of loading years of history again.
   */
  private async open(ownerKey: string): Promise<Automerge.Doc<RecordShape>> {
    const revision = await this.store.revision(ownerKey);
    if (revision === undefined) return createRecord(ownerKey);
    const cached = this.cache.get(ownerKey);
    if (cached && cached.revision === revision) {
      this.cache.delete(ownerKey);
      this.cache.set(ownerKey, cached);
      return cached.doc;
    }
    const bytes = await this.store.load(ownerKey);
    if (!bytes) return createRecord(ownerKey);
    const doc = loadRecord(bytes);
    this.remember(ownerKey, revision, doc);
    return doc;
  }

  private remember(ownerKey: string, revision: number, doc: Automerge.Doc<RecordShape>): void {
    this.cache.delete(ownerKey);
    this.cache.set(ownerKey, { revision, doc });
    if (this.cache.size > CACHED_RECORDS) this.cache.delete(this.cache.keys().next().value as string);
  }

  private serialise<T>(ownerKey: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(ownerKey) ?? Promise.resolve();
    const next = previous.then(work, work);
    // Keep the chain alive without letting one failure poison the next agreement.
    const settled = next.catch(() => undefined);
    this.queues.set(ownerKey, settled);
    void settled.then(() => {
      if (this.queues.get(ownerKey) === settled) this.queues.delete(ownerKey);
    });
    return next;
  }
}
