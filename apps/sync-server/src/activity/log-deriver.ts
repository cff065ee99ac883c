/**
 * Derives search text and section changes from the stored update log (A121-A123), off the
 * commit path: it reads the rows committed since its cursor (doc_updates.id), replays them in
 * order onto a copy of each document, and after each run of one author's updates records which
 * sections' text changed. The sync core is not involved; the only thing the commit does for
 * this is store each update's author beside it.
 *
 * Copies of recently changed documents are kept (a small LRU), so a document being typed in
 * is not rebuilt from the store at every poll. A copy is rebuilt from the snapshot and the log
 * before the first new row.
 *
 * Compaction may fold rows into the snapshot before a pass has read them (it runs just after a
 * commit once the log holds 64 updates). Each pass therefore also looks at the snapshots written
 * since the last one: a snapshot past the stored text is derived again, so search never lags,
 * and its changed sections are given to whoever wrote that document last (the copy's last
 * author, else the latest change within the window): the folded rows' own authors are gone.
 */
import * as Y from 'yjs';
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { readMeta, toPlainJson } from '@cydweithio/model/docs/index';
import { changedSections, documentText, foldForSearch, type DocumentText } from '@cydweithio/model/docs/documentText';
import { activityCursor } from '../db/schema/activity';
import { docSnapshots, docUpdates } from '../db/schema/documents';
import type { Sql } from '../db/sql';
import type { AccessLogger } from '../access/context';
import type { ActivityStore } from './activity-store';

const CURSOR = 'update-log';

interface LogRow {
  id: number;
  docId: string;
  seq: number;
  author: string | null;
  createdAt: Date;
  update: Uint8Array;
}

interface Copy {
  doc: Y.Doc;
  seq: number;
  text: DocumentText | null;
  /** Whose update was replayed last: who a compacted run is given to (see compacted()). */
  lastAuthor: string | null;
}

export interface LogDeriverOptions {
  /** Rows read per pass. */
  batchSize?: number;
  /** Document copies kept between passes. */
  maxCopies?: number;
  /** Which of these ids are live registered documents: the log of anything else is skipped. */
  liveIds: (docIds: readonly string[]) => Promise<Set<string>>;
}

/** The text of a document's state, or null before it is initialised (no meta yet). */
export function extractText(doc: Y.Doc): DocumentText | null {
  return readMeta(doc) === null ? null : documentText(toPlainJson(doc));
}

/** The text searched, folded; the title is matched apart, from the registry, where renaming changes it. */
export function foldedText(text: DocumentText): string {
  return foldForSearch([...text.sections.map((s) => s.text), ...text.actions.map((a) => `${a.description} ${a.ownerName}`)].join('\n'));
}

export class LogDeriver {
  private readonly copies = new Map<string, Copy>();
  private running: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Snapshots written up to this time (ms) have been looked at; 0 at start, so a restart looks at all once. */
  private snapshotsSeen = 0;
  private readonly batchSize: number;
  private readonly maxCopies: number;

  constructor(private readonly sql: Sql, private readonly store: ActivityStore, private readonly logger: AccessLogger, private readonly options: LogDeriverOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.maxCopies = options.maxCopies ?? 64;
  }

  /** Polls the log every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    const tick = (): void => {
      void this.catchUp().catch((error: unknown) => this.logger.error({ err: error }, 'deriving activity from the update log failed'))
        .finally(() => { if (this.timer) this.timer = setTimeout(tick, intervalMs).unref(); });
    };
    this.timer = setTimeout(tick, intervalMs).unref();
  }

  /** Stops polling and waits for a pass under way, so nothing reads a database being closed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => 0);
    for (const copy of this.copies.values()) copy.doc.destroy();
    this.copies.clear();
  }

  /** Reads everything committed so far; resolves to the number of rows read. One pass at a time. */
  async catchUp(): Promise<number> {
    if (this.running) await this.running.catch(() => 0);
    let total = 0;
    for (;;) {
      if (this.stopped) return total;
      this.running = this.pass();
      const read = await this.running.finally(() => { this.running = undefined; });
      total += read;
      if (read < this.batchSize) return total;
    }
  }

  private async pass(): Promise<number> {
    const cursor = (await this.sql.one((db) => db.select().from(activityCursor).where(eq(activityCursor.name, CURSOR))))?.lastId ?? 0;
    const rows: LogRow[] = (await this.sql.all((db) => db.select({
      id: docUpdates.id, docId: docUpdates.docId, seq: docUpdates.seq, author: docUpdates.author, createdAt: docUpdates.createdAt, update: docUpdates.update,
    }).from(docUpdates).where(gt(docUpdates.id, cursor)).orderBy(asc(docUpdates.id)).limit(this.batchSize)))
      .map((r) => ({ ...r, update: new Uint8Array(r.update) }));
    if (rows.length === 0) {
      await this.compacted();
      return 0;
    }
    const byDoc = new Map<string, LogRow[]>();
    for (const row of rows) byDoc.set(row.docId, [...(byDoc.get(row.docId) ?? []), row]);
    const live = await this.options.liveIds([...byDoc.keys()]);
    for (const [docId, docRows] of byDoc) {
      // Not (or no longer) a registered document: nothing to search or report.
      if (!live.has(docId)) { this.drop(docId); continue; }
      await this.derive(docId, docRows);
    }
    const lastId = rows[rows.length - 1]?.id ?? cursor;
    await this.compacted();
    await this.sql.run((db) => db.insert(activityCursor).values({ name: CURSOR, lastId }).onConflictDoUpdate({ target: activityCursor.name, set: { lastId } }));
    return rows.length;
  }

  private async derive(docId: string, rows: readonly LogRow[]): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const copy = await this.copyBefore(docId, first.seq);
    let text = copy.text;
    // Runs of one author's consecutive updates: each run is one look at which sections changed.
    for (let start = 0; start < rows.length;) {
      let end = start;
      while (end + 1 < rows.length && rows[end + 1]?.author === rows[start]?.author) end += 1;
      const run = rows.slice(start, end + 1);
      Y.transact(copy.doc, () => { for (const row of run) Y.applyUpdate(copy.doc, row.update); });
      const next = extractText(copy.doc);
      const author = run[0]?.author ?? null;
      const last = run[run.length - 1];
      // The server's own writes (a new document's layout, seeding) are nobody's change.
      if (next && author !== null && last) {
        const changed = changedSections(text?.sections ?? [], next.sections);
        if (changed.length > 0) await this.store.recordChanges(docId, author, changed, last.createdAt);
      }
      text = next ?? text;
      copy.lastAuthor = author ?? copy.lastAuthor;
      start = end + 1;
    }
    copy.seq = rows[rows.length - 1]?.seq ?? copy.seq;
    copy.text = text;
    if (text) await this.store.saveText(docId, copy.seq, text, foldedText(text));
  }

  /** The document as it stood before `seq`, from the kept copy or rebuilt from the store. */
  private async copyBefore(docId: string, seq: number): Promise<Copy> {
    const kept = this.copies.get(docId);
    if (kept && kept.seq === seq - 1) {
      this.copies.delete(docId);
      this.copies.set(docId, kept);
      return kept;
    }
    this.drop(docId);
    const doc = new Y.Doc();
    const snapshot = await this.sql.one((db) => db.select().from(docSnapshots).where(eq(docSnapshots.docId, docId)));
    if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
    const before = await this.sql.all((db) => db.select({ update: docUpdates.update }).from(docUpdates)
      .where(and(eq(docUpdates.docId, docId), gt(docUpdates.seq, snapshot?.seq ?? 0), lt(docUpdates.seq, seq))).orderBy(asc(docUpdates.seq)));
    Y.transact(doc, () => { for (const row of before) Y.applyUpdate(doc, new Uint8Array(row.update)); });
    // The text last stored is what the reader saw; compared against it, a compacted run still shows its change.
    const stored = (await this.store.texts([docId]))[0];
    const copy: Copy = { doc, seq: seq - 1, text: stored ? { sections: stored.sections, actions: stored.actions } : extractText(doc), lastAuthor: null };
    this.copies.set(docId, copy);
    while (this.copies.size > this.maxCopies) {
      const oldest = this.copies.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    return copy;
  }

  /** Snapshots written since the last look that are past the stored text: derived again (see above). */
  private async compacted(): Promise<void> {
    const since = this.snapshotsSeen;
    const snapshots = await this.sql.all((db) => db.select({ docId: docSnapshots.docId, seq: docSnapshots.seq, updatedAt: docSnapshots.updatedAt })
      .from(docSnapshots).where(gt(docSnapshots.updatedAt, new Date(since))));
    if (snapshots.length === 0) return;
    const live = await this.options.liveIds(snapshots.map((s) => s.docId));
    const stored = new Map((await this.store.texts(snapshots.map((s) => s.docId))).map((t) => [t.docId, t]));
    for (const snapshot of snapshots) {
      this.snapshotsSeen = Math.max(this.snapshotsSeen, snapshot.updatedAt.getTime());
      const before = stored.get(snapshot.docId);
      if (!live.has(snapshot.docId) || (before && before.seq >= snapshot.seq)) continue;
      const lastAuthor = this.copies.get(snapshot.docId)?.lastAuthor ?? (await this.store.latestChangeBy(snapshot.docId, snapshot.updatedAt));
      const state = await this.sql.one((db) => db.select({ state: docSnapshots.state }).from(docSnapshots).where(eq(docSnapshots.docId, snapshot.docId)));
      if (!state) continue;
      this.drop(snapshot.docId);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(state.state));
      const text = extractText(doc);
      this.copies.set(snapshot.docId, { doc, seq: snapshot.seq, text, lastAuthor });
      if (!text) continue;
      if (before && lastAuthor) {
        const changed = changedSections(before.sections, text.sections);
        if (changed.length > 0) await this.store.recordChanges(snapshot.docId, lastAuthor, changed, snapshot.updatedAt);
      }
      await this.store.saveText(snapshot.docId, snapshot.seq, text, foldedText(text));
    }
  }

  private drop(docId: string): void {
    this.copies.get(docId)?.doc.destroy();
    this.copies.delete(docId);
  }
}
