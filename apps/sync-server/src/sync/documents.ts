/**
 * Document lifecycle (SPEC S15-S16, S22): one load per document however many sockets join at
 * once, cold content for documents nobody writes to, idle unload (flush, then compaction
 * considered), a cap on resident documents that evicts idle ones first, and graceful shutdown.
 * A document that fails to load is never kept, served or stored.
 */
import type { SyncLogger } from './logger';
import type { DocStore } from '../storage/doc-store';
import type { CommitQueue } from './commit-queue';
import type { Connection } from './connection';
import { Room, type RoomUpdateListener } from './room';
import type { Fanout } from './fanout/fanout';

export interface DocumentsOptions {
  store: DocStore;
  commits: CommitQueue;
  logger: SyncLogger;
  onUpdate: RoomUpdateListener;
  idleMs: number;
  /**
   * The longest a resident document nobody writes to stays live before it keeps its content as
   * bytes (S22); small documents go cold sooner (`quietBeforeCold`).
   */
  coldAfterMs: number;
  maxResidentDocs: number;
  compactionMinUpdates: number;
  /** Other instances serving the same documents (REDIS_URL, SPEC S56). */
  fanout?: Fanout | undefined;
}

/** The shortest quiet spell after which a document goes cold, and how it grows with its size (S22). */
export const MIN_QUIET_BEFORE_COLD_MS = 1_000;
const QUIET_MS_PER_KB = 100;

export class ResidentCapError extends Error {
  constructor() {
    super('too many resident documents, all in use');
  }
}

export class Documents {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly compacting = new Set<Room>();
  private readonly coldSweep: NodeJS.Timeout;

  constructor(private readonly options: DocumentsOptions) {
    // One sweep for all rooms rather than a timer per room reset on every keystroke; it also
    // drops presence not renewed in time (S8).
    this.coldSweep = setInterval(() => this.sweep(), Math.max(50, Math.min(options.coldAfterMs, MIN_QUIET_BEFORE_COLD_MS) / 4));
    this.coldSweep.unref();
  }

  private sweep(now = Date.now()): void {
    for (const room of this.rooms.values()) room.sweepPresence(now);
    this.freezeQuietRooms(now);
  }

  /**
   * How long a room must go unwritten before it goes cold (S22): going cold and live again costs
   * about 0.2 ms per KB of state, so a small document goes cold a second after a burst of
   * typing, and a larger one waits in proportion (100 ms per KB), up to `coldAfterMs`.
   */
  quietBeforeCold(room: Room): number {
    return Math.min(this.options.coldAfterMs, Math.max(MIN_QUIET_BEFORE_COLD_MS, (room.log.estimatedBytes / 1024) * QUIET_MS_PER_KB));
  }

  /** Makes cold every live room with nothing uncommitted that has been quiet long enough (`quietBeforeCold`). */
  freezeQuietRooms(now = Date.now()): number {
    let frozen = 0;
    for (const room of this.rooms.values()) {
      if (room.isCold || now < room.liveUntil || now - room.lastWriteAt < this.quietBeforeCold(room)) continue;
      if (this.compacting.has(room) || this.options.commits.hasUncommitted(room) || this.options.fanout?.hasPendingRemote(room)) continue;
      room.freeze();
      frozen += 1;
    }
    return frozen;
  }

  residentCount(): number {
    return this.rooms.size;
  }

  coldCount(): number {
    let cold = 0;
    for (const room of this.rooms.values()) if (room.isCold) cold += 1;
    return cold;
  }

  /** Resolves when the loads in progress have settled (their joins have run by then). */
  async loadsSettled(): Promise<void> {
    await Promise.all([...this.loading.values()].map((load) => load.catch(() => undefined)));
  }

  /** False once the room has been unloaded (or evicted): a late joiner must acquire again. */
  isResident(room: Room): boolean {
    return this.rooms.get(room.docId) === room;
  }

  /** The resident room, loading it once however many callers ask at the same time. */
  acquire(docId: string): Promise<Room> {
    const room = this.rooms.get(docId);
    if (room) return Promise.resolve(room);
    const inProgress = this.loading.get(docId);
    if (inProgress) return inProgress;
    const load = this.load(docId).finally(() => this.loading.delete(docId));
    this.loading.set(docId, load);
    return load;
  }

  attach(room: Room, connection: Connection): void {
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.idleTimer = undefined;
    room.connections.add(connection);
    room.lastActiveAt = Date.now();
  }

  detach(room: Room, connection: Connection): void {
    room.connections.delete(connection);
    room.lastActiveAt = Date.now();
    this.scheduleIdle(room);
  }

  /** Starts the idle countdown of a room nobody is connected to (also after getDoc). */
  scheduleIdle(room: Room): void {
    if (room.connections.size > 0 || room.idleTimer || this.rooms.get(room.docId) !== room) return;
    room.idleTimer = setTimeout(() => {
      room.idleTimer = undefined;
      if (room.connections.size === 0) void this.unload(room.docId);
    }, this.options.idleMs);
  }

  /** After a commit: compaction is considered on a later tick, never inside the commit. */
  considerCompaction(room: Room): void {
    if (this.compacting.has(room) || !this.wantsCompaction(room)) return;
    this.compacting.add(room);
    setImmediate(() => {
      // An unloaded room was already compacted by unload(); its store may be closed by now.
      const work = this.isResident(room) ? this.compact(room) : Promise.resolve();
      void work.finally(() => this.compacting.delete(room));
    });
  }

  /** Flushes, considers compaction and drops the room. Sockets must already be gone (or being closed). */
  unload(docId: string, { compact = true } = {}): Promise<void> {
    const room = this.rooms.get(docId);
    if (!room) return this.unloading.get(docId) ?? Promise.resolve();
    this.rooms.delete(docId);
    this.options.fanout?.detach(docId);
    const done = (async () => {
      if (room.idleTimer) clearTimeout(room.idleTimer);
      await this.options.commits.flushAll();
      if (compact) await this.compactBeforeLeaving(room);
      room.destroy();
    })()
      .catch((error: unknown) => this.options.logger.error({ err: error, docId }, 'unload failed'));
    return this.track(docId, done);
  }

  /** Unloads without compaction, then deletes the stored document; loads wait until it is gone. */
  erase(docId: string): Promise<void> {
    const done = this.unload(docId, { compact: false }).then(() => this.options.store.erase(docId));
    return this.track(docId, done);
  }

  /** Loads of `docId` wait for `work` (see load()). */
  private track(docId: string, work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => {
      if (this.unloading.get(docId) === tracked) this.unloading.delete(docId);
    });
    this.unloading.set(docId, tracked);
    return tracked;
  }

  async unloadAll(): Promise<void> {
    clearInterval(this.coldSweep);
    await Promise.all([...this.loading.values()].map((load) => load.catch(() => undefined)));
    await Promise.all([...this.rooms.keys()].map((docId) => this.unload(docId)));
  }

  private wantsCompaction(room: Room): boolean {
    return room.log.wantsCompaction(this.options.compactionMinUpdates);
  }

  /**
   * Unloading is the room's last chance to compact: a merge skipped because another instance held
   * the document at that instant (S52) is tried again a few times, shortly after.
   */
  private async compactBeforeLeaving(room: Room): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (!(await this.compact(room))) return;
      await new Promise((resolve) => setTimeout(resolve, 10 * (attempt + 1)));
    }
  }

  /**
   * Merges the log into the snapshot when the rule says so and nothing is uncommitted (SPEC S14).
   * Resolves true only when the rule wanted a merge and the store skipped it (S52).
   */
  private async compact(room: Room): Promise<boolean> {
    if (!this.wantsCompaction(room) || this.options.commits.hasUncommitted(room)) return false;
    const upToSeq = room.log.lastSeq;
    const merged = room.encodeState();
    try {
      // Only a real merge resets the room's view of the log; a skipped one (another instance
      // held the document) leaves it, so the next commit or the unload tries again.
      if (await this.options.store.compact(room.docId, merged, upToSeq)) {
        room.log.compacted(merged.byteLength);
        return false;
      }
      return true;
    } catch (error) {
      this.options.logger.error({ err: error, docId: room.docId }, 'compaction failed; the log is kept');
      return false;
    }
  }

  private async load(docId: string): Promise<Room> {
    await this.unloading.get(docId);
    await this.makeRoomForOneMore();
    // What the stream holds is read before the store (S56): an update committed in between is
    // then in one of the two, and following the stream from there misses nothing.
    const catchUp = await this.options.fanout?.subscribe(docId);
    const stored = await this.options.store.load(docId);
    const room = Room.fromStored(docId, stored, this.options.onUpdate);
    this.rooms.set(docId, room);
    this.options.fanout?.attach(room, catchUp);
    return room;
  }

  /** Evicts the longest-idle documents when at the cap; refuses when every resident one is in use. */
  private async makeRoomForOneMore(): Promise<void> {
    const over = this.rooms.size + this.loading.size - this.options.maxResidentDocs;
    if (over <= 0) return;
    const idle = [...this.rooms.values()].filter((room) => room.connections.size === 0).sort((a, b) => a.lastActiveAt - b.lastActiveAt);
    if (idle.length < over) throw new ResidentCapError();
    await Promise.all(idle.slice(0, over).map((room) => this.unload(room.docId)));
  }
}
