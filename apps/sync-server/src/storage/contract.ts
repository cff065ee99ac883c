/**
 * The DocStore contract: every implementation runs this suite (memory and SQLite here,
 * PostgreSQL later). Call it from a test file: `runDocStoreContract('sqlite', makeFixture)`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore, StoredDoc, UpdateToAppend } from './doc-store';

export interface DocStoreFixture {
  store: DocStore;
  /** Closes the store and opens a new one on the same storage (persistent stores only). */
  reopen?: () => Promise<DocStore>;
  cleanup?: () => Promise<void>;
  /** The store stores entries whose seqs another writer took above the log instead of refusing (S67). */
  renumbersTakenSeqs?: boolean;
}

const DOC_A = 'workspace:contractA1';
const DOC_B = 'workspace:contractB2';

function editsOf(count: number, text = 'x'): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i += 1) doc.getText('t').insert(i, text);
  return { doc, updates };
}

/** Entries for `docId` numbered from `firstSeq` (the caller owns seqs, see UpdateToAppend). */
function entries(docId: string, updates: readonly Uint8Array[], firstSeq = 1): UpdateToAppend[] {
  return updates.map((update, index) => ({ docId, seq: firstSeq + index, update }));
}

const hex = (update: Uint8Array): string => Buffer.from(update).toString('hex');

function docFrom(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

export function runDocStoreContract(name: string, makeStore: () => Promise<DocStoreFixture>): void {
  describe(`S13: DocStore contract: ${name}`, () => {
    let fixture: DocStoreFixture | undefined;
    const open = async (): Promise<DocStore> => {
      fixture = await makeStore();
      return fixture.store;
    };
    afterEach(async () => {
      await fixture?.store.close();
      await fixture?.cleanup?.();
      fixture = undefined;
    });

    it('loads an unknown document as empty', async () => {
      const store = await open();
      const stored = await store.load(DOC_A);
      expect(stored).toMatchObject({ updates: [], lastSeq: 0, logBytes: 0, snapshotBytes: 0 });
      expect(stored.snapshot).toBeUndefined();
    });

    it('returns appended updates in order, with the seqs given', async () => {
      const store = await open();
      const { updates } = editsOf(5);
      await store.appendUpdates([...entries(DOC_A, updates.slice(0, 3)), ...entries(DOC_B, updates.slice(0, 1))]);
      await store.appendUpdates(entries(DOC_A, updates.slice(3), 4));
      const stored = await store.load(DOC_A);
      expect(stored.updates.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)));
      expect(stored.lastSeq).toBe(5);
      expect(stored.logBytes).toBe(updates.reduce((sum, u) => sum + u.byteLength, 0));
      expect((await store.load(DOC_B)).updates).toHaveLength(1);
      expect((await store.load(DOC_B)).lastSeq).toBe(1);
    });

    it('applies a batch atomically: one bad entry stores nothing of the batch', async () => {
      const store = await open();
      const { updates } = editsOf(2);
      await expect(
        store.appendUpdates([
          { docId: DOC_A, seq: 1, update: updates[0]! },
          { docId: DOC_B, seq: 1, update: new Uint8Array(0) },
        ]),
      ).rejects.toThrow();
      expect((await store.load(DOC_A)).updates).toEqual([]);
      expect(await store.listDocIds()).toEqual([]);
    });

    it('refuses a batch that repeats a stored seq (or, S67, stores it above the log) or does not increase, storing nothing of a refused one', async () => {
      const store = await open();
      const { updates } = editsOf(4);
      await store.appendUpdates(entries(DOC_A, updates.slice(0, 2)));
      const repeating = store.appendUpdates([{ docId: DOC_B, seq: 1, update: updates[2]! }, ...entries(DOC_A, updates.slice(2, 3), 2)]);
      if (fixture?.renumbersTakenSeqs) {
        expect(await repeating).toEqual([1, 3]);
        expect((await store.load(DOC_A)).lastSeq).toBe(3);
        expect((await store.load(DOC_A)).updates.map(hex)).toEqual(updates.slice(0, 3).map(hex));
        expect((await store.load(DOC_B)).updates).toHaveLength(1);
      } else {
        await expect(repeating).rejects.toThrow();
        expect((await store.load(DOC_A)).lastSeq).toBe(2);
        expect((await store.load(DOC_A)).updates).toHaveLength(2);
      }
      const before = await store.listDocIds();
      await expect(store.appendUpdates([...entries(DOC_B, updates.slice(2, 3), 5), ...entries(DOC_B, updates.slice(3), 5)])).rejects.toThrow();
      expect(await store.listDocIds()).toEqual(before);
      expect(before).toEqual(fixture?.renumbersTakenSeqs ? [DOC_A, DOC_B] : [DOC_A]);
    });

    it('accepts a batch replayed after a lost reply: entries stored with the same bytes are skipped, the rest appended', async () => {
      const store = await open();
      const { updates } = editsOf(4);
      await store.appendUpdates(entries(DOC_A, updates.slice(0, 2)));
      // The commit happened but its answer was lost; the retry carries it again, plus what came since.
      await store.appendUpdates([...entries(DOC_A, updates.slice(0, 3)), ...entries(DOC_B, updates.slice(3), 1)]);
      const stored = await store.load(DOC_A);
      expect(stored.lastSeq).toBe(3);
      expect(stored.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(updates.slice(0, 3).map((u) => Buffer.from(u).toString('hex')));
      expect((await store.load(DOC_B)).updates).toHaveLength(1);
    });

    it('compaction keeps the state equal to the log and continues seqs after the snapshot', async () => {
      const store = await open();
      const { doc, updates } = editsOf(10);
      await store.appendUpdates(entries(DOC_A, updates));
      const fromLog = docFrom(await store.load(DOC_A));
      expect(await store.compact(DOC_A, Y.encodeStateAsUpdate(fromLog), 10)).toBe(true);
      const compacted = await store.load(DOC_A);
      expect(compacted.updates).toEqual([]);
      expect(compacted.snapshotBytes).toBeGreaterThan(0);
      expect(docFrom(compacted).getText('t').toString()).toBe(doc.getText('t').toString());
      expect(Y.encodeStateVector(docFrom(compacted))).toEqual(Y.encodeStateVector(doc));
      const more = editsOf(1, 'y');
      expect((await store.load(DOC_A)).lastSeq).toBe(10);
      await store.appendUpdates(entries(DOC_A, more.updates, 11));
      expect((await store.load(DOC_A)).lastSeq).toBe(11);
    });

    it('a partial compaction keeps the updates after upToSeq', async () => {
      const store = await open();
      const { doc, updates } = editsOf(6);
      await store.appendUpdates(entries(DOC_A, updates));
      const partial = new Y.Doc();
      updates.slice(0, 4).forEach((update) => Y.applyUpdate(partial, update));
      await store.compact(DOC_A, Y.encodeStateAsUpdate(partial), 4);
      const stored = await store.load(DOC_A);
      expect(stored.updates).toHaveLength(2);
      expect(stored.snapshotSeq).toBe(4);
      expect(docFrom(stored).getText('t').toString()).toBe(doc.getText('t').toString());
    });

    it('erase removes the document and nothing else', async () => {
      const store = await open();
      const { updates } = editsOf(2);
      await store.appendUpdates([
        { docId: DOC_A, seq: 1, update: updates[0]! },
        { docId: DOC_B, seq: 1, update: updates[1]! },
      ]);
      await store.compact(DOC_A, updates[0]!, 1);
      await store.erase(DOC_A);
      expect((await store.load(DOC_A)).snapshot).toBeUndefined();
      expect((await store.load(DOC_A)).updates).toEqual([]);
      expect(await store.listDocIds()).toEqual([DOC_B]);
    });

    it('lists documents with a log or a snapshot', async () => {
      const store = await open();
      const { updates } = editsOf(1);
      await store.appendUpdates(entries(DOC_B, updates));
      await store.compact(DOC_A, updates[0]!, 0);
      expect(await store.listDocIds()).toEqual([DOC_A, DOC_B]);
    });

    it('reloads everything after reopening (persistent stores)', async () => {
      const store = await open();
      if (!fixture?.reopen) return;
      const { doc, updates } = editsOf(4);
      await store.appendUpdates(entries(DOC_A, updates.slice(0, 3)));
      await store.compact(DOC_A, Y.encodeStateAsUpdate(docFrom(await store.load(DOC_A))), 3);
      await store.appendUpdates(entries(DOC_A, updates.slice(3), 4));
      const reopened = await fixture.reopen();
      fixture.store = reopened;
      const stored = await reopened.load(DOC_A);
      expect(stored.lastSeq).toBe(4);
      expect(docFrom(stored).getText('t').toString()).toBe(doc.getText('t').toString());
    });
  });
}
