import { describe, expect, it } from 'vitest';
import { runCrashCycles } from './crash/crash-cycles.js';

describe('durability under SIGKILL', () => {
  it('R2: every edit acknowledged as durable survives SIGKILL (4 cycles, 4 clients on 2 documents)', async () => {
    const report = await runCrashCycles({ cycles: 4, clients: 4, docs: 2, seed: 7 });
    console.log(`R2: ${report.cycles} cycles, ${report.edits} edits, ${report.acknowledged} acknowledged, ${report.seconds.toFixed(1)} s`);
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(0);
  }, 300_000);
});
