/**
 * O34: a digest of a record for one reader (the LA picture), in a format `version`, computed
 * from the record's current state. The record layer keeps it beside the record without knowing
 * what it says.
 */
export interface RecordDigester {
  version: number;
  of(ownerKey: string, subjects: Readonly<Record<string, unknown>>): string;
}

/** A digest as stored: its format and what it says. */
export interface StoredDigest { version: number; body: string }

/** Where record documents live. Small on purpose: memory, SQLite and PostgreSQL implement it (SPEC S53). */
export interface RecordStore {
  load(ownerKey: string): Promise<Uint8Array | undefined>;
  /**
   * Saves `bytes` only if the stored revision is still `expectedRevision` (undefined: there is no
   * record yet), atomically, and then counts one revision. False, saving nothing, when someone
   * (another instance on the same database) saved meanwhile: the caller reloads and agrees again,
   * so a read-modify-write never overwrites an agreement it had not seen (SPEC S61).
   */
  save(ownerKey: string, bytes: Uint8Array, expectedRevision: number | undefined, digest?: StoredDigest): Promise<boolean>;
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
  /**
   * O34: each owner's record revision with its digest (null when the last save came without
   * one), in one read. `save` writes the digest with the bytes it describes, atomically, so a
   * digest is always of the revision it is read with.
   */
  digests(ownerKeys: readonly string[]): Promise<Map<string, { revision: number; digest: StoredDigest | null }>>;
  /** O35: writes a digest computed later (a record saved before digests, or in an older format), only while the record is still at `revision`. */
  saveDigest(ownerKey: string, revision: number, digest: StoredDigest): Promise<void>;
  /** O35: the owners whose record has no digest, or one of another format. */
  staleDigests(version: number): Promise<string[]>;
}

export class MemoryRecordStore implements RecordStore {
  private readonly files = new Map<string, { bytes: Uint8Array; revision: number; digest: StoredDigest | null }>();

  load(ownerKey: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.files.get(ownerKey)?.bytes);
  }

  save(ownerKey: string, bytes: Uint8Array, expectedRevision: number | undefined, digest?: StoredDigest): Promise<boolean> {
    const revision = this.files.get(ownerKey)?.revision;
    if (revision !== expectedRevision) return Promise.resolve(false);
    this.files.set(ownerKey, { bytes: bytes.slice(), revision: (revision ?? 0) + 1, digest: digest ?? null });
    return Promise.resolve(true);
  }

  digests(ownerKeys: readonly string[]): Promise<Map<string, { revision: number; digest: StoredDigest | null }>> {
    const out = new Map<string, { revision: number; digest: StoredDigest | null }>();
    for (const key of ownerKeys) {
      const file = this.files.get(key);
      if (file) out.set(key, { revision: file.revision, digest: file.digest });
    }
    return Promise.resolve(out);
  }

  saveDigest(ownerKey: string, revision: number, digest: StoredDigest): Promise<void> {
    const file = this.files.get(ownerKey);
    if (file?.revision === revision) file.digest = digest;
    return Promise.resolve();
  }

  staleDigests(version: number): Promise<string[]> {
    return Promise.resolve([...this.files].filter(([, f]) => f.digest?.version !== version).map(([key]) => key).sort());
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
