import { describe, expect, it, vi } from 'vitest';
import { usePgDatabase } from '@cydweithio/sync-server/db/postgres/test-database';
import { runSeed } from './run-seed.js';
import { twoInstanceFactory } from './two-instances.js';

/** Short budget for the default run; `pnpm fuzz -- --instances 2` runs 1,000 (RELIABILITY.md, R23). */
const SEEDS = 15;
vi.setConfig({ hookTimeout: 60_000 });
const postgres = usePgDatabase();

describe('convergence across two instances', () => {
  it('R23: every replica, both instances and PostgreSQL converge, linked through Redis (15 seeds)', async () => {
    const { url, pool } = await postgres.fresh();
    const factory = twoInstanceFactory({ pools: [pool, postgres.pool(url)], reset: async () => void (await postgres.fresh()) });
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const result = await runSeed(seed, factory);
      if (!result.ok) failures.push(`seed ${seed} (replay: pnpm fuzz -- --instances 2 --seed ${seed}): ${result.problem}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
