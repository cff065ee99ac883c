/** Where record documents live. Small on purpose: memory, SQLite and PostgreSQL implement it (SPEC S53). */
export interface RecordStore {
  load(ownerKey: string): Promise<Uint8Array | undefined>;
  /**
   * Saves `bytes` only if the stored revision is still `expectedRevision` (undefined: there is no
   * record yet), atomically, and then counts one revision. False, saving nothing, when someone
   * (another instance on the same database) saved meanwhile: the caller reloads and agrees again,
   * so a read-modify-write never overwrites an agreement it had not seen (SPEC S61).
   */
  save(ownerKey: string, bytes: Uint8Array, expectedRevision: number | undefined): Promise<boolean>;
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

  save(ownerKey: string, bytes: Uint8Array, expectedRevision: number | undefined): Promise<boolean> {
    const revision = this.files.get(ownerKey)?.revision;
    if (revision !== expectedRevision) return Promise.resolve(false);
    this.files.set(ownerKey, { bytes: bytes.slice(), revision: (revision ?? 0) + 1 });
    return Promise.resolve(true);
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
