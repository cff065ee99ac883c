import { describe, expect, it } from 'vitest';
import { runSeed } from './run-seed.js';
import { createReferenceRoom } from './reference-room.js';
import { coreRoomFactory } from './room-adapter.js';

/** Short budget for the default run; `pnpm fuzz` runs thousands (RELIABILITY.md, R1). */
const SEEDS = 400;

describe('convergence under partitions, reordering, duplication and reconnection', () => {
  it('R1: every replica, the server and a reload from the store converge (400 seeds, real room)', async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const result = await runSeed(seed, coreRoomFactory);
      if (!result.ok) failures.push(`seed ${seed} (replay: pnpm fuzz -- --seed ${seed}): ${result.problem}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('R1: the harness itself passes against a reference room (calibration, 10 seeds)', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const result = await runSeed(seed, createReferenceRoom);
      expect(result.problem ?? '', `seed ${seed}`).toBe('');
    }
  }, 120_000);
});
