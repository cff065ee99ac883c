/** Where record documents live. Small on purpose, so PostgreSQL can implement it later. */
export interface RecordStore {
  load(ownerKey: string): Promise<Uint8Array | undefined>;
  save(ownerKey: string, bytes: Uint8Array): Promise<void>;
}

export class MemoryRecordStore implements RecordStore {
  private readonly files = new Map<string, Uint8Array>();

  load(ownerKey: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.files.get(ownerKey));
  }

  save(ownerKey: string, bytes: Uint8Array): Promise<void> {
    this.files.set(ownerKey, bytes.slice());
    return Promise.resolve();
  }
}
