/**
 * Agreements per owner, serialised: two agreements for the same owner in this process never
 * race, because each waits for the previous one's save; across instances on one database the
 * save is a compare-and-swap on the record's revision, and an agreement that lost it is made
 * again on the record as the other instance saved it (SPEC S61). Owners are keyed
 * "school:<number>" or "collaborative:<id>".
 */
import type * as Automerge from '@automerge/automerge';
import {
  agree,
  createRecord,
  diffBetween,
  diffJsonBetween,
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
import type { RecordDigester, RecordStore } from './record-store';

/** How many owners' loaded records to keep (K16): a facilitator's caseload many times over. */
const CACHED_RECORDS = 256;
/** Saves lost to other instances before an agreement gives up (each retry reloads the record). */
const MAX_SAVE_ATTEMPTS = 20;

/** Every attempt to save an agreement found the record saved meanwhile by someone else. */
export class RecordContendedError extends Error {
  constructor(ownerKey: string) {
    super(`record ${ownerKey}: saved by others ${MAX_SAVE_ATTEMPTS} times while this agreement was being made`);
  }
}

export class RecordService {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Loaded records by owner, with the store revision they were loaded at (Automerge docs are immutable). */
  private readonly cache = new Map<string, { revision: number; doc: Automerge.Doc<RecordShape> }>();

  /**
   * O34: each owner's digest (owners without a record are absent), at the record's current
   * revision; present only with a digester.
   */
  readonly digests?: (ownerKeys: readonly string[]) => Promise<Map<string, string>>;

  /** O34: `digester` makes the digest saved with every agreement (the LA picture's, in the server). */
  constructor(private readonly store: RecordStore, private readonly digester?: RecordDigester) {
    if (digester) this.digests = (ownerKeys) => this.currentDigests(digester, ownerKeys);
  }

  agree(ownerKey: string, subject: string, state: RecordValue, meta: AgreementMeta): Promise<RecordVersion> {
    return this.serialise(ownerKey, async () => {
      for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
        const { doc, revision } = await this.openAt(ownerKey);
        const next = agree(doc, subject, state, meta);
        const digest = this.digester ? { version: this.digester.version, body: this.digester.of(ownerKey, next.subjects) } : undefined;
        // Lost to another instance's save: made again on the record as it now stands.
        if (!(await this.store.save(ownerKey, saveRecord(next), revision, digest))) continue;
        this.remember(ownerKey, (revision ?? 0) + 1, next);
        const all = versions(next);
        const newest = all[all.length - 1];
        if (!newest) throw new Error('record: the agreement was not recorded');
        return newest;
      }
      throw new RecordContendedError(ownerKey);
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

  /**
   * The stored digest when it is of the record's revision and the digester's format, otherwise
   * computed from the record now and stored (O35): a reader never gets one older than the record.
   */
  private async currentDigests(digester: RecordDigester, ownerKeys: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [ownerKey, { digest }] of await this.store.digests(ownerKeys)) {
      if (digest?.version === digester.version) {
        out.set(ownerKey, digest.body);
        continue;
      }
      out.set(ownerKey, await this.refreshDigest(digester, ownerKey));
    }
    return out;
  }

  /** O35: writes the digest of every record without a current one (a deployment's first start after digests, or a new format). */
  async backfillDigests(stopped: () => boolean = () => false): Promise<number> {
    if (!this.digester) return 0;
    let written = 0;
    for (const ownerKey of await this.store.staleDigests(this.digester.version)) {
      if (stopped()) break;
      await this.refreshDigest(this.digester, ownerKey);
      written++;
    }
    return written;
  }

  private async refreshDigest(digester: RecordDigester, ownerKey: string): Promise<string> {
    const { doc, revision } = await this.openAt(ownerKey);
    const body = digester.of(ownerKey, doc.subjects);
    if (revision !== undefined) await this.store.saveDigest(ownerKey, revision, { version: digester.version, body });
    return body;
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

  /** The diff as the JSON text of its patches (K18), for the route that sends it. */
  async diffJson(ownerKey: string, fromHash: string, toHash: string): Promise<string> {
    return diffJsonBetween(await this.open(ownerKey), fromHash, toHash);
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
    return (await this.openAt(ownerKey)).doc;
  }

  /**
   * The record with the revision it was read at. The bytes are loaded after the revision: if a
   * save lands in between they are newer than it, and a save expecting that revision fails and
   * is made again, never the other way round.
   */
  private async openAt(ownerKey: string): Promise<{ doc: Automerge.Doc<RecordShape>; revision: number | undefined }> {
    const revision = await this.store.revision(ownerKey);
    if (revision === undefined) return { doc: createRecord(ownerKey), revision };
    const cached = this.cache.get(ownerKey);
    if (cached && cached.revision === revision) {
      this.cache.delete(ownerKey);
      this.cache.set(ownerKey, cached);
      return { doc: cached.doc, revision };
    }
    const bytes = await this.store.load(ownerKey);
    if (!bytes) return { doc: createRecord(ownerKey), revision };
    const doc = loadRecord(bytes);
    this.remember(ownerKey, revision, doc);
    return { doc, revision };
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
