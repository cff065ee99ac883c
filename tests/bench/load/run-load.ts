/**
 * The mixed load: per document a few writers typing at human pace, the rest reading, everyone
 * moving their presence every few seconds. Measures edit-to-peer and durable-ack latency,
 * delivered updates per second and the server's own CPU and memory during the window.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChildServer } from '../../reliability/support/child-server.js';
import type { ServerStats } from '../servers/child-ipc.js';
import type { Dialect } from './dialect.js';
import { RunMetrics } from './metrics.js';
import { docName, openClients, sleep, type ClientSpec } from './open-clients.js';
import { serviceCpu, serviceCpuPercent } from './service-cpu.js';

/** The machine's services the servers lean on, measured beside them. */
const SERVICES = ['postgres', 'redis-server'];

export interface LoadOptions {
  clients: number;
  docs: number;
  seconds: number;
  writersPerDoc: number;
  charsPerSecond: number;
  presenceEverySeconds: number;
  waitForSync: boolean;
  /**
   * Many writers on one document: writers do not apply each other's keystrokes in the generator,
   * and one writer in `timingWriterEvery` times edit→peer (see ClientRole).
   */
  timingWriterEvery?: number;
  /** One writer watched by many: readers join with a presence but do not move it (default: they do). */
  readersMovePresence?: boolean;
  /**
   * One reader in this many times edit→peer; the others only receive. Timing means decoding each
   * update in this one process, which for 1,500 readers of a document would measure the
   * generator's own queue rather than the server.
   */
  timingReaderEvery?: number;
}

export interface LoadResult {
  clients: number;
  docs: number;
  editP50: number;
  editP90: number;
  editP99: number;
  edits: number;
  ackP50: number;
  ackP99: number;
  acks: number;
  updatesPerSecond: number;
  serverCpuPercent: number;
  /** Of the server's CPU: its system (kernel) part, and its main thread's part, in % of one core. */
  serverSystemCpuPercent: number;
  serverMainThreadCpuPercent: number;
  /** Server CPU per update delivered to a peer, in microseconds. */
  cpuPerDeliveredUpdateUs: number;
  serverRssMb: number;
  serverLoopDelayMaxMs: number;
  /** 99th percentile of the server's event-loop delay over the measured window. */
  serverLoopDelayP99Ms: number;
  /** The server's longest GC pause in the window, and the share of the window spent in GC (a peer without the ticker reports 0). */
  serverGcMaxMs: number;
  serverGcPercent: number;
  /**
   * The load generator's own event-loop delay (p99 / max) and CPU over the window: every
   * latency here is read by its sockets, so a busy generator lengthens them all.
   */
  generatorLoopDelayP99Ms: number;
  generatorLoopDelayMaxMs: number;
  generatorCpuPercent: number;
  errors: number;
  closes: string;
  /** Ours only: mean duration of one group commit (SQLite transaction incl. fsync), from /metrics. */
  meanCommitMs?: number;
  /** Ours only: p99 of one commit, and p99 from a batch's first update to its acks leaving the server (bucket bounds). */
  commitP99Ms?: number;
  serverAckP99Ms?: number;
  /** Ours only: store transactions, over the whole run. */
  batches?: number;
  /** PostgreSQL's processes and redis-server over the window, in % of one core (Linux; 0 where not running). */
  serviceCpuPercent: Record<string, number>;
  /** With several servers (scale-out): each process's CPU, in % of one core. */
  perProcessCpuPercent?: number[];
}

// The driver's tick. Keystrokes due within one tick leave together, and their deliveries then
// queue behind each other in this one process: a 20 ms tick made bursts whose processing set
// every server's p99 alike (about 10 ms, the raw relay's included). At 2 ms the driver's own
// queueing stays below what the servers add.
const TICK_MS = 2;
const WARMUP_MS = 2_000;

/** The stats of several server processes as one: memory and CPU summed, loop delays the worst. */
function combined(all: ServerStats[]): ServerStats {
  const sum = (pick: (s: ServerStats) => number) => all.reduce((total, s) => total + pick(s), 0);
  const max = (pick: (s: ServerStats) => number) => Math.max(...all.map(pick));
  return {
    rss: sum((s) => s.rss), heapUsed: sum((s) => s.heapUsed), external: sum((s) => s.external), arrayBuffers: sum((s) => s.arrayBuffers),
    cpuUser: sum((s) => s.cpuUser), cpuSystem: sum((s) => s.cpuSystem), mainThreadCpu: all.some((s) => s.mainThreadCpu < 0) ? -1 : sum((s) => s.mainThreadCpu),
    residentDocs: sum((s) => s.residentDocs ?? 0), loopDelayMaxMs: max((s) => s.loopDelayMaxMs), loopDelayP99Ms: max((s) => s.loopDelayP99Ms),
    gcMaxMs: max((s) => s.gcMaxMs ?? 0), gcTotalMs: sum((s) => s.gcTotalMs ?? 0),
  };
}

/**
 * `server` may be several instances serving the same documents: the clients of each document
 * are then spread over them in turn (its writers too), so most edits cross between instances.
 */
export async function runLoad(servers: ChildServer | readonly ChildServer[], dialect: Dialect, options: LoadOptions): Promise<LoadResult> {
  const list = Array.isArray(servers) ? servers : [servers as ChildServer];
  let latest: ServerStats[] = [];
  const server = {
    stats: async (gc = false, reset = false) => {
      const each = await Promise.all(list.map((s) => s.stats(gc, reset)));
      latest = each;
      return combined(each);
    },
  };
  const perProcess = async () => Promise.all(list.map((s) => s.stats()));
  const metrics = new RunMetrics();
  const specs: ClientSpec[] = Array.from({ length: options.clients }, (_, i) => {
    const writer = Math.floor(i / options.docs) < options.writersPerDoc;
    const every = options.timingWriterEvery;
    const role = writer
      ? (every === undefined ? {} : { applies: false, times: Math.floor(i / options.docs) % every === 0 })
      : { publishesPresence: options.readersMovePresence ?? true, times: Math.floor(i / options.docs) % (options.timingReaderEvery ?? 1) === 0 };
    return { docName: docName('load', i % options.docs), writer, base: `ws://127.0.0.1:${(list[Math.floor(i / options.docs) % list.length] as ChildServer).port}`, role };
  });
  const clients = await openClients(`ws://127.0.0.1:${(list[0] as ChildServer).port}`, dialect, specs, metrics, options.waitForSync);
  let processesBefore = await perProcess();
  const writers = clients.filter((_, i) => specs[i]?.writer === true);
  const typeEvery = 1000 / options.charsPerSecond;
  const start = performance.now();
  // Random phases so that keystrokes and presence do not arrive in lockstep.
  const nextType = writers.map(() => start + Math.random() * typeEvery);
  const nextPresence = clients.map(() => start + Math.random() * options.presenceEverySeconds * 1000);
  const warmupEnds = start + WARMUP_MS;
  const ends = warmupEnds + options.seconds * 1000;
  let before = await server.stats();
  let windowStart = performance.now();
  const generatorDelay = monitorEventLoopDelay({ resolution: 10 });
  let generatorCpuBefore = process.cpuUsage();
  let servicesBefore = serviceCpu(SERVICES);
  let rssPeak = 0;
  let statsMissed = 0;
  let loopDelayMax = 0;
  let gcMax = 0;
  while (performance.now() < ends) {
    const now = performance.now();
    if (!metrics.measuring && now >= warmupEnds) {
      metrics.reset();
      metrics.measuring = true;
      before = await server.stats(false, true);
      processesBefore = latest;
      windowStart = performance.now();
      generatorDelay.enable();
      generatorCpuBefore = process.cpuUsage();
      servicesBefore = serviceCpu(SERVICES);
    }
    writers.forEach((writer, i) => {
      if (now < (nextType[i] ?? 0)) return;
      writer.type();
      nextType[i] = (nextType[i] ?? now) + typeEvery;
    });
    clients.forEach((client, i) => {
      if (now < (nextPresence[i] ?? 0)) return;
      client.movePresence();
      nextPresence[i] = now + options.presenceEverySeconds * 1000;
    });
    if (metrics.measuring && Math.floor(now / 1000) !== Math.floor((now - TICK_MS) / 1000)) {
      // Not awaited: a busy server must not slow the keystrokes down.
      server.stats().then(
        (s) => {
          rssPeak = Math.max(rssPeak, s.rss);
          loopDelayMax = Math.max(loopDelayMax, s.loopDelayMaxMs);
          gcMax = Math.max(gcMax, s.gcMaxMs);
        },
        () => (statsMissed += 1),
      );
    }
    await sleep(TICK_MS);
  }
  // Let the last keystrokes and acks arrive before the window closes.
  await sleep(500);
  metrics.measuring = false;
  generatorDelay.disable();
  const generatorCpu = process.cpuUsage(generatorCpuBefore);
  const servicesAfter = serviceCpu(SERVICES);
  const processesAfter = await perProcess();
  const after = combined(processesAfter);
  const wallSeconds = (performance.now() - windowStart) / 1000;
  for (const client of clients) client.close();
  await sleep(500);
  const cpuSeconds = (after.cpuUser + after.cpuSystem - before.cpuUser - before.cpuSystem) / 1e6;
  return {
    clients: options.clients,
    docs: options.docs,
    editP50: metrics.editToPeer.percentile(50),
    editP90: metrics.editToPeer.percentile(90),
    editP99: metrics.editToPeer.percentile(99),
    edits: metrics.editToPeer.count,
    ackP50: metrics.durableAck.percentile(50),
    ackP99: metrics.durableAck.percentile(99),
    acks: metrics.durableAck.count,
    updatesPerSecond: metrics.updatesDelivered / wallSeconds,
    serverCpuPercent: (100 * cpuSeconds) / wallSeconds,
    serverSystemCpuPercent: (100 * (after.cpuSystem - before.cpuSystem)) / 1e6 / wallSeconds,
    serverMainThreadCpuPercent: after.mainThreadCpu < 0 ? Number.NaN : (100 * (after.mainThreadCpu - before.mainThreadCpu)) / 1e6 / wallSeconds,
    cpuPerDeliveredUpdateUs: metrics.updatesDelivered > 0 ? (cpuSeconds * 1e6) / metrics.updatesDelivered : Number.NaN,
    serverRssMb: Math.max(rssPeak, after.rss) / 1e6,
    serverLoopDelayMaxMs: Math.max(loopDelayMax, after.loopDelayMaxMs),
    serverLoopDelayP99Ms: after.loopDelayP99Ms,
    serverGcMaxMs: Math.max(gcMax, after.gcMaxMs),
    serverGcPercent: (100 * (after.gcTotalMs - before.gcTotalMs)) / 1000 / wallSeconds,
    generatorLoopDelayP99Ms: generatorDelay.percentile(99) / 1e6,
    generatorLoopDelayMaxMs: generatorDelay.max / 1e6,
    generatorCpuPercent: (100 * (generatorCpu.user + generatorCpu.system)) / 1e6 / wallSeconds,
    serviceCpuPercent: serviceCpuPercent(servicesBefore, servicesAfter, wallSeconds),
    errors: metrics.errors + statsMissed,
    closes: [...metrics.closes].map(([code, n]) => `${code}x${n}`).join(' '),
    ...(list.length > 1 ? {
      perProcessCpuPercent: processesAfter.map((a, i) => {
        const b = processesBefore[i] as ServerStats;
        return (100 * (a.cpuUser + a.cpuSystem - b.cpuUser - b.cpuSystem)) / 1e6 / wallSeconds;
      }),
    } : {}),
  };
}
