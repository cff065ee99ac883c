/**
 * The contract between the bench/soak driver and a server child process: the child prints one
 * `READY <port>` line, then answers `stats` requests over IPC with its own memory and CPU, so
 * every figure belongs to that server alone and not to the load generator.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface ServerStats {
  rss: number;
  heapUsed: number;
  external: number;
  /** Memory of ArrayBuffers and Buffers (part of `external`): where byte arrays live, off the JS heap. */
  arrayBuffers: number;
  /** process.cpuUsage() in microseconds since the child started. */
  cpuUser: number;
  cpuSystem: number;
  /** Of that, the main thread's (the event loop), in microseconds; the rest is other threads (a store worker, GC helpers). -1 where unknown. */
  mainThreadCpu: number;
  /** Documents held in memory, when the server can tell. */
  residentDocs: number | null;
  /** Longest event-loop delay seen since the last stats request, in ms. */
  loopDelayMaxMs: number;
  /** 99th percentile of the event-loop delay since the last request that asked for a reset, in ms. */
  loopDelayP99Ms: number;
  /** The longest garbage-collection pause since the last stats request, and all of them, in ms. */
  gcMaxMs: number;
  gcTotalMs: number;
}

export interface StatsRequest { type: 'stats'; gc: boolean; id: number; resetLoopDelay?: boolean }
export interface StatsReply { type: 'stats'; id: number; stats: ServerStats }
/** Asks a server that stores (ours) to commit everything it has applied; answered once it has. */
export interface FlushRequest { type: 'flush'; id: number }
export interface FlushReply { type: 'flushed'; id: number; error?: string }

/** CPU time of the calling thread in microseconds, from Linux's /proc (-1 elsewhere). */
function threadCpuMicros(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return -1;
  }
}

/**
 * Wires IPC stats answers and announces readiness. Call once the server listens. `flush`, for a
 * server that stores, resolves once everything it applied so far is committed.
 */
export function announceReady(port: number, residentDocs: () => number | null, flush?: () => Promise<void>): void {
  let loopDelayMaxMs = 0;
  let last = performance.now();
  // A 20 ms ticker: any gap beyond its period is time the event loop was blocked.
  const ticker = setInterval(() => {
    const now = performance.now();
    loopDelayMaxMs = Math.max(loopDelayMaxMs, now - last - 20);
    last = now;
  }, 20);
  ticker.unref();
  // Node's own sampler (1 ms resolution): how long callbacks waited for the loop, as a distribution.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  // Every GC pause of the server's heap: tells a stall that is the collector from one that is not.
  let gcMaxMs = 0;
  let gcTotalMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
      gcTotalMs += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (raw: unknown) => {
    const request = raw as StatsRequest | FlushRequest;
    if (request.type === 'flush') {
      const reply = (error?: string): void => void process.send?.({ type: 'flushed', id: request.id, ...(error ? { error } : {}) } satisfies FlushReply);
      if (!flush) reply('this server does not store');
      else flush().then(() => reply(), (error: unknown) => reply(String(error)));
      return;
    }
    if (request.type !== 'stats') return;
    const collect = (globalThis as { gc?: () => void }).gc;
    if (request.gc && collect) {
      collect();
      collect();
    }
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    const stats: ServerStats = {
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
      cpuUser: cpu.user,
      cpuSystem: cpu.system,
      mainThreadCpu: threadCpuMicros(),
      residentDocs: residentDocs(),
      loopDelayMaxMs: Math.max(0, loopDelayMaxMs),
      loopDelayP99Ms: loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : 0,
      gcMaxMs,
      gcTotalMs,
    };
    gcMaxMs = 0;
    if (request.resetLoopDelay) loopDelay.reset();
    loopDelayMaxMs = 0;
    process.send?.({ type: 'stats', id: request.id, stats } satisfies StatsReply);
  });
  // If the driver dies, do not linger as an orphan holding a port and a data directory.
  process.on('disconnect', () => process.exit(0));
  console.log(`READY ${port}`);
}

export function portFromEnv(): number {
  return Number(process.env['PORT'] ?? '0');
}
