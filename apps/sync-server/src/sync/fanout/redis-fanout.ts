/**
 * Fan-out over Redis Streams (REDIS_URL, SPEC S55-S62). One stream per document, trimmed to about
 * `maxStreamLength` entries (bounded retention), carries its updates, commit confirmations and
 * presence; one control stream carries revocations, session ends and erasures. Each entry names
 * the instance that wrote it, which skips its own.
 *
 * Streams rather than pub/sub: an instance opening a document reads what the stream still holds
 * (catch-up, S56) and then follows it from there, so nothing published between its load and its
 * first read is missed. A reader blocks on every followed stream at once; following one more is
 * a CLIENT UNBLOCK of that reader. After Redis comes back (restart, lost connection), each open
 * room is reconciled from the database, which holds everything acknowledged (S60).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import type { SyncLogger } from '../logger';
import type { Room } from '../room';
import type { EncodedPresence } from '../protocol/awareness';
import { REMOTE_ORIGIN, type Confirmation, type ControlMessage, type DecodedUpdate, type Fanout, type FanoutFactory, type FanoutHost } from './fanout';
import { RemotePending, storedCovers } from './remote-pending';
import { StreamPublisher } from './stream-publisher';

export interface RedisFanoutOptions {
  url: string;
  /** Prepended to every key: instances sharing documents share it; test runs each have their own. */
  prefix?: string;
  logger: SyncLogger;
  /** Entries a document's stream keeps (approximately). Default 2,000. */
  maxStreamLength?: number;
  /** A remote update unconfirmed this long is looked for in the database (S58). Default 2 s. */
  settleAfterMs?: number;
  /** An instance that has not renewed its heartbeat this long is presumed dead. Default 3 s. */
  aliveTtlMs?: number;
}

type Entry = { id: string; fields: Map<string, Buffer> };
interface Followed {
  room: Room;
  cursor: string;
}
interface CatchUp {
  entries: Entry[];
  cursor: string;
  /** Redis did not answer: reconcile from the database once it does. */
  missed: boolean;
}

export class RedisFanout implements Fanout {
  readonly instanceId = randomBytes(6).toString('hex');
  private readonly commands: Redis;
  private readonly reader: Redis;
  private readerId: number | undefined;
  private readonly prefix: string;
  private readonly followed = new Map<string, Followed>();
  private readonly pending = new RemotePending();
  private controlCursor = '$';
  private counter = 0;
  private closed = false;
  private wasDown = false;
  private readonly timers: NodeJS.Timeout[] = [];
  /** Every stream entry this instance makes, sent per turn of the event loop (S71). */
  private readonly publisher: StreamPublisher;
  private readonly maxStreamLength: number;
  private readonly settleAfterMs: number;
  private readonly aliveTtlMs: number;
  private readonly loop: Promise<void>;

  constructor(private readonly host: FanoutHost, private readonly options: RedisFanoutOptions) {
    this.prefix = options.prefix ?? 'cyd:';
    this.maxStreamLength = options.maxStreamLength ?? 2_000;
    this.settleAfterMs = options.settleAfterMs ?? 2_000;
    this.aliveTtlMs = options.aliveTtlMs ?? 3_000;
    // Commands issued before the connection is up (at start, during a reconnect) wait for it, a
    // couple of retries at most; a load never waits longer than SUBSCRIBE_TIMEOUT_MS for Redis.
    const common = { maxRetriesPerRequest: 2, retryStrategy: (times: number) => Math.min(50 * times, 500) };
    // No auto-pipelining: ioredis sends an automatic pipeline only once the one before it has been
    // answered and that answer read on this (busy) event loop, so every publish would wait a turn
    // of the loop behind the last. Entries are batched per turn by the StreamPublisher instead (S71).
    this.commands = new Redis(options.url, common);
    this.publisher = new StreamPublisher(this.commands, options.logger, this.controlKey);
    this.reader = new Redis(options.url, { ...common, enableOfflineQueue: false });
    this.commands.on('error', () => undefined);
    this.reader.on('error', () => undefined);
    this.commands.on('close', () => (this.wasDown = true));
    this.commands.on('ready', () => {
      if (this.wasDown) void this.reconcileAll();
      this.wasDown = false;
      void this.heartbeat();
    });
    this.reader.on('ready', () => {
      this.reader.client('ID').then((id) => (this.readerId = Number(id)), () => undefined);
    });
    this.timers.push(setInterval(() => void this.heartbeat(), Math.max(100, this.aliveTtlMs / 3)));
    this.timers.push(setInterval(() => void this.settleStale(), Math.max(100, this.settleAfterMs / 2)));
    for (const timer of this.timers) timer.unref();
    this.loop = this.readLoop();
  }

  /** Resolves once both connections are up (tests and start-up logs). */
  async ready(): Promise<void> {
    const up = (redis: Redis) => (redis.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => redis.once('ready', () => resolve())));
    await Promise.all([up(this.commands), up(this.reader)]);
  }

  private key(docId: string): string {
    return `${this.prefix}doc:${docId}`;
  }

  private get controlKey(): string {
    return `${this.prefix}control`;
  }

  async subscribe(docId: string): Promise<CatchUp> {
    try {
      const raw = await withTimeout(this.commands.xrangeBuffer(this.key(docId), '-', '+') as Promise<[Buffer, Buffer[]][]>, SUBSCRIBE_TIMEOUT_MS);
      const entries = raw.map(([id, fields]) => toEntry(id, fields));
      return { entries, cursor: entries.at(-1)?.id ?? '0-0', missed: false };
    } catch (error) {
      this.options.logger.warn({ err: error, docId }, 'fan-out: catch-up from Redis failed; will reconcile from the database');
      return { entries: [], cursor: '0-0', missed: true };
    }
  }

  attach(room: Room, catchUp: unknown): void {
    const { entries, cursor, missed } = catchUp as CatchUp;
    // Updates another instance confirmed are on disk, and so in what was loaded or about to be.
    const confirmedUpTo = new Map<string, number>();
    for (const entry of entries) {
      if (field(entry, 't') === 'c') confirmedUpTo.set(field(entry, 'i'), Math.max(confirmedUpTo.get(field(entry, 'i')) ?? 0, Number(field(entry, 'n'))));
    }
    this.followed.set(room.docId, { room, cursor });
    for (const entry of entries) {
      if (field(entry, 't') !== 'u' || field(entry, 'by') === this.instanceId) continue;
      const instance = field(entry, 'i');
      const n = Number(field(entry, 'n'));
      const confirmed = n <= (confirmedUpTo.get(instance) ?? 0);
      this.applyUpdate(room, instance, n, entry.fields.get('d'), confirmed, entryTime(entry.id));
    }
    this.commands.pexpire(this.key(room.docId), 24 * 60 * 60 * 1000).catch(() => undefined);
    if (missed) void this.reconcile(room);
    this.wake();
  }

  detach(docId: string): void {
    const followed = this.followed.get(docId);
    if (!followed) return;
    this.followed.delete(docId);
    this.pending.forget(followed.room);
  }

  publishUpdate(room: Room, update: Uint8Array): Confirmation {
    const confirmation = { instance: this.instanceId, n: (this.counter += 1) };
    this.add(room.docId, 'u', this.instanceId, confirmation.n, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    return confirmation;
  }

  confirm(room: Room, confirmations: readonly Confirmation[]): void {
    const upTo = new Map<string, number>();
    for (const { instance, n } of confirmations) upTo.set(instance, Math.max(upTo.get(instance) ?? 0, n));
    for (const [instance, n] of upTo) {
      if (instance !== this.instanceId) this.pending.confirm(room, instance, n);
      this.add(room.docId, 'c', instance, n);
    }
  }

  publishPresence(room: Room, entries: readonly EncodedPresence[], personId: string): void {
    if (entries.length > 0) this.add(room.docId, 'a', this.instanceId, 0, Buffer.from(JSON.stringify(entries)), personId);
  }

  publishControl(message: ControlMessage): void {
    // Through the same queue as updates, so a revocation is never sent ahead of an edit made before it.
    this.publisher.add([this.controlKey, 'MAXLEN', '~', '1000', '*', 't', 'x', 'by', this.instanceId, 'd', JSON.stringify(message)]);
  }

  remoteDurable(room: Room): Promise<void> | undefined {
    return this.pending.gate(room);
  }

  carryPending(room: Room): { update: Uint8Array; confirmation: Confirmation }[] {
    return this.pending.carry(room).map((entry) => ({ update: entry.update, confirmation: { instance: entry.instance, n: entry.n } }));
  }

  dependsOnPending(room: Room, decoded: DecodedUpdate): boolean {
    return this.pending.dependedOnBy(room, decoded);
  }

  hasPendingRemote(room: Room): boolean {
    return this.pending.has(room);
  }

  pendingCount(): number {
    return this.pending.count();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.commands.del(`${this.prefix}alive:${this.instanceId}`).catch(() => undefined);
    this.reader.disconnect();
    await this.loop.catch(() => undefined);
    this.commands.disconnect();
  }

  private add(docId: string, type: string, instance: string, n: number, data?: Buffer, personId?: string): void {
    const fields: (string | Buffer)[] = ['t', type, 'by', this.instanceId, 'i', instance, 'n', String(n)];
    if (data) fields.push('d', data);
    if (personId !== undefined) fields.push('p', personId);
    this.publisher.add([this.key(docId), 'MAXLEN', '~', String(this.maxStreamLength), '*', ...fields]);
  }

  private applyUpdate(room: Room, instance: string, n: number, data: Buffer | undefined, confirmed: boolean, at = Date.now()): void {
    if (!data) return;
    const update = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!confirmed) this.pending.add(room, instance, n, update, at);
    try {
      Y.applyUpdate(room.thaw(), update, REMOTE_ORIGIN);
    } catch (error) {
      this.options.logger.error({ err: error, docId: room.docId }, 'fan-out: remote update could not be applied; reconciling');
      void this.reconcile(room);
    }
  }

  private handle(docId: string, entry: Entry): void {
    if (field(entry, 'by') === this.instanceId) return;
    const followed = this.followed.get(docId);
    if (!followed) return;
    const { room } = followed;
    switch (field(entry, 't')) {
      case 'u':
        this.applyUpdate(room, field(entry, 'i'), Number(field(entry, 'n')), entry.fields.get('d'), false);
        return;
      case 'c':
        this.pending.confirm(room, field(entry, 'i'), Number(field(entry, 'n')));
        return;
      case 'a': {
        const entries = JSON.parse(field(entry, 'd')) as EncodedPresence[];
        // Whose presence it is decides what it may change here (S62); an entry naming nobody changes nothing.
        const personId = field(entry, 'p');
        if (personId) this.host.applyPresence(room, entries, personId);
        return;
      }
    }
  }

  /** Follows the control stream and every open document's stream with one blocking read. */
  private async readLoop(): Promise<void> {
    // The control stream is followed from its end as it is now, fixed once: re-sending `$` with
    // every read would skip what arrived while a read was returning.
    while (!this.closed && this.controlCursor === '$') {
      try {
        const last = (await this.commands.xrevrange(this.controlKey, '+', '-', 'COUNT', 1))[0];
        this.controlCursor = last?.[0] ?? '0-0';
      } catch {
        await sleep(50);
      }
    }
    while (!this.closed) {
      const docIds = [...this.followed.keys()];
      const keys = [this.controlKey, ...docIds.map((docId) => this.key(docId))];
      const cursors = [this.controlCursor, ...docIds.map((docId) => this.followed.get(docId)?.cursor ?? '0-0')];
      try {
        if (this.reader.status !== 'ready') {
          await sleep(50);
          continue;
        }
        const result = (await this.reader.xreadBuffer('COUNT', 1_000, 'BLOCK', 5_000, 'STREAMS', ...keys, ...cursors)) as [Buffer, [Buffer, Buffer[]][]][] | null;
        for (const [keyBuffer, raw] of result ?? []) {
          const key = keyBuffer.toString();
          const entries = raw.map(([id, fields]) => toEntry(id, fields));
          if (key === this.controlKey) {
            for (const entry of entries) this.handleControl(entry);
            this.controlCursor = entries.at(-1)?.id ?? this.controlCursor;
            continue;
          }
          const docId = key.slice(`${this.prefix}doc:`.length);
          const followed = this.followed.get(docId);
          if (!followed) continue;
          followed.cursor = entries.at(-1)?.id ?? followed.cursor;
          for (const entry of entries) this.handle(docId, entry);
        }
      } catch (error) {
        if (this.closed) return;
        if (!String((error as Error).message).includes('UNBLOCKED')) {
          this.options.logger.debug({ err: error }, 'fan-out: read failed; retrying');
          await sleep(100);
        }
      }
    }
  }

  private handleControl(entry: Entry): void {
    if (field(entry, 'by') === this.instanceId) return;
    try {
      this.host.control(JSON.parse(field(entry, 'd')) as ControlMessage);
    } catch (error) {
      this.options.logger.error({ err: error }, 'fan-out: control message failed');
    }
  }

  /** A new stream to follow: the blocked read returns at once and starts again with it. */
  private wake(): void {
    if (this.readerId === undefined || this.reader.status !== 'ready') return;
    this.commands.client('UNBLOCK', this.readerId, 'ERROR').catch(() => undefined);
  }

  private async heartbeat(): Promise<void> {
    if (this.closed) return;
    await this.commands.set(`${this.prefix}alive:${this.instanceId}`, '1', 'PX', this.aliveTtlMs).catch(() => undefined);
  }

  /**
   * Remote updates unconfirmed for a while (S58): found in the database, they are settled (their
   * confirmation was lost); otherwise, when their instance is gone, committed here.
   */
  private async settleStale(): Promise<void> {
    for (const [room, list] of this.pending.stale(this.settleAfterMs)) {
      if (!this.followed.has(room.docId)) continue;
      try {
        const stored = await this.host.load(room.docId);
        const covered = storedCovers(stored, list.map((entry) => entry.update));
        const found = new Set(list.filter((_, i) => covered[i]));
        this.pending.settleWhere(room, (entry) => found.has(entry));
        const instances = [...new Set(list.filter((entry) => !found.has(entry)).map((entry) => entry.instance))];
        for (const instance of instances) {
          if (await this.isAlive(instance)) continue;
          for (const entry of list) {
            if (entry.instance !== instance || found.has(entry) || entry.takenOver) continue;
            entry.takenOver = true;
            this.options.logger.warn({ docId: room.docId, instance, n: entry.n }, 'fan-out: committing an update whose instance is gone');
            this.host.takeOver(room, entry.update, { instance, n: entry.n });
          }
        }
      } catch (error) {
        this.options.logger.debug({ err: error, docId: room.docId }, 'fan-out: settling remote updates failed; will retry');
      }
    }
  }

  private async isAlive(instance: string): Promise<boolean> {
    return (await this.commands.exists(`${this.prefix}alive:${instance}`)) === 1;
  }

  private async reconcileAll(): Promise<void> {
    this.options.logger.info({ documents: this.followed.size }, 'fan-out: Redis is back; reconciling open documents from the database');
    for (const { room } of [...this.followed.values()]) await this.reconcile(room);
    this.wake();
  }

  /** Brings a room up to what the database holds: everything any instance acknowledged (S60). */
  private async reconcile(room: Room): Promise<void> {
    try {
      const stored = await this.host.load(room.docId);
      if (this.followed.get(room.docId)?.room !== room) return;
      const doc = room.thaw();
      Y.transact(doc, () => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, REMOTE_ORIGIN);
        for (const update of stored.updates) Y.applyUpdate(doc, update, REMOTE_ORIGIN);
      }, REMOTE_ORIGIN);
      room.log.advanceTo(stored.lastSeq);
    } catch (error) {
      this.options.logger.warn({ err: error, docId: room.docId }, 'fan-out: reconcile failed');
    }
  }
}

function toEntry(id: Buffer, raw: Buffer[]): Entry {
  const fields = new Map<string, Buffer>();
  for (let i = 0; i + 1 < raw.length; i += 2) fields.set(raw[i]!.toString(), raw[i + 1]!);
  return { id: id.toString(), fields };
}

function field(entry: Entry, name: string): string {
  return entry.fields.get(name)?.toString() ?? '';
}

/** The milliseconds part of a stream id: when Redis took the entry. */
function entryTime(id: string): number {
  return Number(id.split('-')[0]) || Date.now();
}

const SUBSCRIBE_TIMEOUT_MS = 1_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
    work.then((value) => { clearTimeout(timer); resolve(value); }, (error: unknown) => { clearTimeout(timer); reject(error as Error); });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The factory the server takes (server.ts `fanout`): one RedisFanout per sync core. */
export function redisFanout(url: string, prefix: string, logger: SyncLogger, options: Partial<RedisFanoutOptions> = {}): FanoutFactory {
  return (host) => new RedisFanout(host, { url, prefix, logger, ...options });
}
