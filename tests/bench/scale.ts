/**
 * `pnpm bench:scale [-- --clients 1000 --seconds 10 --only mixed,writers,readers,storm]`: the
 * scale-out comparison (SPEC S50-S60, issue 17), side by side in one run: ours on PostgreSQL with
 * one instance and with two (Redis Streams between them, clients split across them, documents
 * shared), against Hocuspocus 3.4.4 alone and with its Redis extension on two. Every instance is
 * its own process; the figures are the load generator's (edit→peer, durable ack) and each
 * process's own CPU. Regimes: the mixed load, 200 writers on one document, one writer watched
 * by 1,500 readers, and a join storm (150 clients open a 4 MB document at once). With 200
 * writers, one writer in ten times the others' keystrokes and none applies them (the generator
 * would otherwise be the bottleneck); the 1,500 readers join with a presence and keep it still,
 * as people watching a document do, and one in ten times the writer's keystrokes. `--setups ours1,ours2,hp1,hp2` picks which setups run.
 * Prints a Markdown table for BENCHMARKS.md, with the load average (the machine is shared).
 */
import { loadavg } from 'node:os';
import { createScratchDatabase } from '@cydweithio/sync-server/db/postgres/scratch-database';
import { numberFlag, readFlags } from '../fuzz/args.js';
import { startChildServer, type ChildServer } from '../reliability/support/child-server.js';
import { dropPrefix, LOCAL_REDIS, runPrefix } from '../scale/support/redis.js';
import { BenchClient } from './load/bench-client.js';
import { commitFigures, type CommitFigures } from './load/commit-time.js';
import { dialectFor, type ServerKind } from './load/dialect.js';
import { RunMetrics, Samples } from './load/metrics.js';
import { runLoad, type LoadResult } from './load/run-load.js';
import { OURS_QUERY } from './servers/ours-query.js';

interface Setup { key: string; label: string; kind: ServerKind; script: string; instances: number; usesDatabase: boolean; usesRedis: boolean }

const SETUPS: Setup[] = [
  { key: 'ours1', label: 'ours, 1 instance (PostgreSQL)', kind: 'ours', script: 'tests/bench/servers/ours.ts', instances: 1, usesDatabase: true, usesRedis: false },
  { key: 'ours2', label: 'ours, 2 instances (PostgreSQL + Redis Streams)', kind: 'ours', script: 'tests/bench/servers/ours.ts', instances: 2, usesDatabase: true, usesRedis: true },
  { key: 'hp1', label: 'Hocuspocus 3.4.4, 1 instance (memory)', kind: 'hocuspocus', script: 'tests/bench/servers/hocuspocus.ts', instances: 1, usesDatabase: false, usesRedis: false },
  { key: 'hp2', label: 'Hocuspocus 3.4.4 + Redis extension, 2 instances', kind: 'hocuspocus', script: 'tests/bench/servers/hocuspocus-redis.ts', instances: 2, usesDatabase: false, usesRedis: true },
];

const flags = readFlags(process.argv.slice(2));
const clients = numberFlag(flags, 'clients', 1000);
const seconds = numberFlag(flags, 'seconds', 10);
const only = flags.get('only')?.split(',') ?? ['mixed', 'writers', 'readers', 'storm'];
const picked = flags.get('setups')?.split(',');
const setups = picked ? SETUPS.filter((s) => picked.includes(s.key)) : SETUPS;
/** 1,501 sockets on one document: above the default cap of 500 (S17), as an operator would raise it. */
const READERS_ENV = { MAX_CONNECTIONS_PER_DOCUMENT: '2000' };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function withInstances<T>(setup: Setup, run: (servers: ChildServer[]) => Promise<T>, extraEnv: Record<string, string> = {}): Promise<T> {
  const database = setup.usesDatabase ? await createScratchDatabase() : undefined;
  const prefix = runPrefix();
  const env: Record<string, string> = { LOG_LEVEL: 'error', REDIS_PREFIX: prefix, ...extraEnv };
  if (database) env['DATABASE_URL'] = database.url;
  if (setup.usesRedis) env['REDIS_URL'] = LOCAL_REDIS;
  const servers: ChildServer[] = [];
  try {
    for (let i = 0; i < setup.instances; i += 1) servers.push(await startChildServer({ script: setup.script, env }));
    return await run(servers);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop().catch(() => undefined);
    if (setup.usesRedis) await dropPrefix(LOCAL_REDIS, prefix).catch(() => undefined);
  }
}

interface StormResult { p50: number; p99: number; max: number; cpuPercent: number[] }

/** 150 clients open one 4 MB document at once, spread over the instances: time to their sync step 2. */
async function joinStorm(setup: Setup, servers: ChildServer[]): Promise<StormResult> {
  const dialect = dialectFor(setup.kind, OURS_QUERY);
  const base = (i: number) => `ws://127.0.0.1:${(servers[i % servers.length] as ChildServer).port}`;
  const metrics = new RunMetrics();
  const docName = 'bench:storm000001';
  const seeder = new BenchClient(base(0), docName, dialect, true, metrics);
  await seeder.open(true);
  const chunk = 'x'.repeat(256 * 1024);
  for (let i = 0; i < 16; i += 1) {
    seeder.doc.getText('body').insert(0, chunk);
    await sleep(100);
  }
  await sleep(2_000);
  if (setup.kind === 'ours') await Promise.all(servers.map((server) => server.flush()));
  const before = await Promise.all(servers.map((server) => server.stats()));
  const started = performance.now();
  const samples = new Samples();
  const joined = await Promise.all(Array.from({ length: 150 }, async (_, i) => {
    const client = new BenchClient(base(i), docName, dialect, false, metrics);
    const t0 = performance.now();
    await client.open(true);
    samples.add(performance.now() - t0);
    return client;
  }));
  const wall = (performance.now() - started) / 1000;
  const after = await Promise.all(servers.map((server) => server.stats()));
  for (const client of [seeder, ...joined]) client.close();
  return {
    p50: samples.percentile(50), p99: samples.percentile(99), max: samples.percentile(100),
    cpuPercent: after.map((a, i) => (100 * (a.cpuUser + a.cpuSystem - (before[i]?.cpuUser ?? 0) - (before[i]?.cpuSystem ?? 0))) / 1e6 / wall),
  };
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(n < 10 ? 2 : 0));
const cpu = (r: LoadResult) => (r.perProcessCpuPercent ?? [r.serverCpuPercent]).map((c) => `${c.toFixed(0)}%`).join(' + ');
const services = (r: LoadResult) => `${(r.serviceCpuPercent['postgres'] ?? 0).toFixed(0)}% / ${(r.serviceCpuPercent['redis-server'] ?? 0).toFixed(0)}%`;
const rows: string[] = [];
const commitLines: string[] = [];
const describeCommits = (c: CommitFigures | undefined, i: number): string => c
  ? `instance ${i + 1}: ${c.batches} commits, mean ${fmt(c.meanCommitMs)} ms, commit p99 ≤ ${fmt(c.commitP99Ms)} ms, ${c.commitsOver100Ms} over 100 ms and ${c.commitsOver250Ms} over 250 ms, server-side ack p99 ≤ ${fmt(c.serverAckP99Ms)} ms, ${c.ownUpdates} own updates and ${c.carriedUpdates} carried for the other instance`
  : `instance ${i + 1}: no figures`;
const load0 = loadavg();
const startedAt = new Date().toISOString();

for (const regime of only.filter((r) => r !== 'storm')) {
  const options = regime === 'mixed'
    ? { clients, docs: Math.max(1, Math.round(clients / 10)), writersPerDoc: 3, charsPerSecond: 5 }
    : regime === 'writers' ? { clients: 200, docs: 1, writersPerDoc: 200, charsPerSecond: 2, timingWriterEvery: 10 }
      : { clients: 1501, docs: 1, writersPerDoc: 1, charsPerSecond: 5, readersMovePresence: false, timingReaderEvery: 10 };
  for (const setup of setups) {
    console.log(`${regime}: ${setup.label}, ${options.clients} clients over ${options.docs} documents, ${seconds} s ...`);
    try {
      const { result, commits } = await withInstances(setup, async (servers) => {
        const loaded = await runLoad(servers, dialectFor(setup.kind, OURS_QUERY), { ...options, seconds, presenceEverySeconds: 3, waitForSync: true });
        // Where a durable ack's time goes, per instance: the commit itself, and the server's own
        // first-update-to-ack (which waits on the batch before it and, on two, on the other instance).
        const figures = setup.kind === 'ours' ? await Promise.all(servers.map((server) => commitFigures(server.port).catch(() => undefined))) : [];
        return { result: loaded, commits: figures };
      }, regime === 'readers' ? READERS_ENV : {});
      if (commits.length > 0) commitLines.push(`${regime}, ${setup.label}: ${commits.map(describeCommits).join('; ')}; event-loop delay p99 ${fmt(result.serverLoopDelayP99Ms)} / max ${fmt(result.serverLoopDelayMaxMs)} ms, longest GC pause ${fmt(result.serverGcMaxMs)} ms; the load generator: event-loop delay p99 ${fmt(result.generatorLoopDelayP99Ms)} / max ${fmt(result.generatorLoopDelayMaxMs)} ms, CPU ${fmt(result.generatorCpuPercent)} %`);
      const line = `| ${regime} | ${setup.label} | ${options.clients} / ${options.docs} | ${fmt(result.editP50)} | ${fmt(result.editP99)} | ${setup.kind === 'ours' ? fmt(result.ackP99) : 'no ack'} | ${cpu(result)} | ${services(result)} | ${result.errors}${result.closes ? ` (${result.closes})` : ''} |`;
      console.log(line);
      rows.push(line);
    } catch (error) {
      rows.push(`| ${regime} | ${setup.label} | ${options.clients} / ${options.docs} | failed: ${(error as Error).message.split('\n')[0]} | | | | | |`);
      console.log(rows.at(-1));
    }
  }
}
if (only.includes('storm')) {
  for (const setup of setups) {
    console.log(`join storm: ${setup.label} ...`);
    try {
      const storm = await withInstances(setup, (servers) => joinStorm(setup, servers));
      const line = `| join storm (4 MB) | ${setup.label} | 150 / 1 | sync p50 ${fmt(storm.p50)} | sync p99 ${fmt(storm.p99)} (max ${fmt(storm.max)}) | — | ${storm.cpuPercent.map((c) => `${c.toFixed(0)}%`).join(' + ')} | — | 0 |`;
      console.log(line);
      rows.push(line);
    } catch (error) {
      rows.push(`| join storm (4 MB) | ${setup.label} | 150 / 1 | failed: ${(error as Error).message.split('\n')[0]} | | | | | |`);
      console.log(rows.at(-1));
    }
  }
}
const load1 = loadavg();
console.log(`\nRun ${startedAt} .. ${new Date().toISOString()}, load average at start ${load0.map((l) => l.toFixed(2)).join(' ')}, at end ${load1.map((l) => l.toFixed(2)).join(' ')}\n`);
console.log('| regime | setup | clients / docs | edit→peer p50 ms | edit→peer p99 ms | durable-ack p99 ms | CPU per process | PostgreSQL / Redis CPU | errors (closes) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
if (commitLines.length > 0) console.log(`\nCommits (from each instance's /metrics, the whole run) and the load generator's own delay (the window):\n${commitLines.map((line) => `- ${line}`).join('\n')}`);
process.exit(0);
