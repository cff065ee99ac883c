/** Where record documents live. Small on purpose, so PostgreSQL can implement it later. */
export interface RecordStore {
  load(ownerKey: string): Promise<Uint8Array | undefined>;
  save(ownerKey: string, bytes: Uint8Array): Promise<void>;
  /**
   * K16: a number that changes with every save of this owner's record (undefined when there is
   * none), so a loaded copy can be reused until someone, in any process, saves again.
   */
  revision(ownerKey: string): Promise<number | undefined>;
  /**
   * The revisions of many owners at once (absent owners have none), for readers across an LA
   * (O4). Optional: without it the service asks owner by owner.
   */
  revisions?(ownerKeys: readonly string[]): Promise<Map<string, number>>;
}

export class MemoryRecordStore implements RecordStore {
  private readonly files = new Map<string, { bytes: Uint8Array; revision: number }>();

  load(ownerKey: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.files.get(ownerKey)?.bytes);
  }

  save(ownerKey: string, bytes: Uint8Array): Promise<void> {
    this.files.set(ownerKey, { bytes: bytes.slice(), revision: (this.files.get(ownerKey)?.revision ?? 0) + 1 });
    return Promise.resolve();
  }

  revision(ownerKey: string): Promise<number | undefined> {
    return Promise.resolve(this.files.get(ownerKey)?.revision);
  }

  revisions(ownerKeys: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const key of ownerKeys) {
      const revision = this.files.get(key)?.revision;
      if (revision !== undefined) out.set(key, revision);
    }
    return Promise.resolve(out);
  }
}
