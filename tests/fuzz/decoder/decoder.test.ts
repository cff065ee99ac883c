import { describe, expect, it } from 'vitest';
import { runDecoderFuzz } from './run-decoder-fuzz.js';

describe('malformed frames against the real server', () => {
  it('R3: 2,000 mutated real frames: process alive, refused frames leave no row, control clients undisturbed', async () => {
    const report = await runDecoderFuzz({ frames: 2_000, seed: 11, lanes: 2, log: false });
    console.log(
      `R3: ${report.frames} frames, ${report.refused} refused, closes ${JSON.stringify(report.closes)}, ` +
        `probe p99 ${report.probeP99Ms.toFixed(2)} ms / max ${report.probeMaxMs.toFixed(1)} ms, control delay max ${report.controlMaxDelayMs.toFixed(1)} ms, ${report.seconds.toFixed(1)} s`,
    );
    expect(report.problems).toEqual([]);
    expect(report.refused).toBeGreaterThan(0);
  }, 300_000);
});
