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
  versions,
  type AgreementMeta,
  type RecordShape,
  type RecordValue,
  type RecordVersion,
} from './record-doc';
import type { RecordStore } from './record-store';

export class RecordService {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly store: RecordStore) {}

  agree(ownerKey: string, subject: string, state: RecordValue, meta: AgreementMeta): Promise<RecordVersion> {
    return this.serialise(ownerKey, async () => {
      const next = agree(await this.open(ownerKey), subject, state, meta);
      await this.store.save(ownerKey, saveRecord(next));
      const all = versions(next);
      const newest = all[all.length - 1];
      if (!newest) throw new Error('record: the agreement was not recorded');
      return newest;
    });
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

  async diff(ownerKey: string, fromHash: string, toHash: string): Promise<Automerge.Patch[]> {
    return diffBetween(await this.open(ownerKey), fromHash, toHash);
  }

  /** The portable Automerge file: any Automerge implementation can load it. */
  async export(ownerKey: string): Promise<Uint8Array> {
    return saveRecord(await this.open(ownerKey));
  }

  private async open(ownerKey: string): Promise<Automerge.Doc<RecordShape>> {
    const bytes = await this.store.load(ownerKey);
    return bytes ? loadRecord(bytes) : createRecord(ownerKey);
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
