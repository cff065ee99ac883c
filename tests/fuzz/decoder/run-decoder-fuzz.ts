/**
 * Decoder fuzzing against the real server process: mutated real frames on a few documents at
 * once (lanes) while a control pair edits another. Checks: the process never dies; a refused
 * frame leaves no trace (no new row in the SQLite file, nothing new served); the control pair
 * is undisturbed; and it reports how long any frame held the event loop (probe round trip,
 * control delay, the server's own ticker).
 */
import { startOurServer } from '../../reliability/support/our-server.js';
import { Samples } from '../../bench/load/metrics.js';
import { ControlPair } from './control-pair.js';
import { prepareLane, runLane, type LaneTally } from './fuzz-lane.js';

export interface DecoderFuzzOptions { frames: number; seed: number; log: boolean; lanes?: number }
export interface DecoderFuzzReport {
  frames: number;
  refused: number;
  closes: Record<string, number>;
  /** Per mutation: frames sent / refused. */
  byMutation: Record<string, [number, number]>;
  probeP99Ms: number;
  probeMaxMs: number;
  controlMaxDelayMs: number;
  serverLoopDelayMaxMs: number;
  seconds: number;
  problems: string[];
  /** Refused updates that still changed the stored document (part of them integrated): a core defect, R4. */
  partiallyApplied: string[];
}

const PROGRESS_EVERY_MS = 30_000;

export async function runDecoderFuzz(options: DecoderFuzzOptions): Promise<DecoderFuzzReport> {
  const started = performance.now();
  const server = await startOurServer();
  const tally: LaneTally = { sent: 0, refused: 0, closes: {}, byMutation: {}, probe: new Samples(), probeMax: 0, problems: [], partiallyApplied: [], log: options.log };
  const lanes = options.lanes ?? 2;
  let loopDelayMax = 0;
  let controlDelay = 0;
  const control = await ControlPair.start((name) => server.docUrl('fuzz:control01', name));
  const progress = setInterval(() => {
    void server.stats().then((stats) => {
      loopDelayMax = Math.max(loopDelayMax, stats.loopDelayMaxMs);
      if (options.log) console.log(`  ${tally.sent} frames, ${tally.refused} refused, ${tally.partiallyApplied.length} partly applied (R4), ${tally.problems.length} problems, server loop delay max ${loopDelayMax.toFixed(1)} ms, control delay max ${control.maxDelayMs.toFixed(1)} ms, probe max ${tally.probeMax.toFixed(1)} ms`);
    });
  }, PROGRESS_EVERY_MS);
  try {
    const docIds = Array.from({ length: lanes }, (_, lane) => `fuzz:capture0${lane}`);
    const corpora: Uint8Array[][] = [];
    for (const docId of docIds) corpora.push(await prepareLane(server, docId));
    await Promise.all(
      docIds.map((docId, lane) => {
        const share = Math.floor(options.frames / lanes) + (lane < options.frames % lanes ? 1 : 0);
        return runLane(server, docId, corpora[lane] ?? [], share, options.seed * 100 + lane, tally);
      }),
    );
    if (server.child.exitCode !== null || server.child.signalCode !== null) tally.problems.push(`the server process died\n${server.stderr()}`);
    loopDelayMax = Math.max(loopDelayMax, (await server.stats()).loopDelayMaxMs);
  } finally {
    clearInterval(progress);
    controlDelay = control.maxDelayMs;
    tally.problems.push(...(await control.finish()));
    await server.dispose();
  }
  const report: DecoderFuzzReport = {
    frames: tally.sent,
    refused: tally.refused,
    closes: tally.closes,
    byMutation: tally.byMutation,
    probeP99Ms: tally.probe.percentile(99),
    probeMaxMs: tally.probeMax,
    controlMaxDelayMs: controlDelay,
    serverLoopDelayMaxMs: loopDelayMax,
    seconds: (performance.now() - started) / 1000,
    problems: tally.problems,
    partiallyApplied: tally.partiallyApplied,
  };
  if (options.log) {
    for (const problem of report.problems) console.error(`PROBLEM: ${problem}`);
    console.log(
      `decoder: ${report.frames} frames (seed ${options.seed}, ${lanes} lanes), ${report.refused} refused, closes ${JSON.stringify(report.closes)}, ` +
        `sent/refused by mutation ${JSON.stringify(report.byMutation)}, probe p99 ${report.probeP99Ms.toFixed(2)} ms, max ${report.probeMaxMs.toFixed(1)} ms, ` +
        `control edit delay max ${controlDelay.toFixed(1)} ms, server loop delay max ${loopDelayMax.toFixed(1)} ms, ` +
        `${report.partiallyApplied.length} refused-yet-partly-applied (R4), ${report.problems.length} problems, ${report.seconds.toFixed(1)} s`,
    );
  }
  return report;
}
