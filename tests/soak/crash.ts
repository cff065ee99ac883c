/**
 * `pnpm --filter @cydweithio/tests exec tsx soak/crash.ts [--cycles 100 --clients 6 --docs 3 --seed 1]`
 * (also `pnpm soak -- --crash`): the long SIGKILL durability run. Exits non-zero on any loss.
 */
import { numberFlag, readFlags } from '../fuzz/args.js';
import { runCrashCycles } from '../reliability/crash/crash-cycles.js';

/** `pnpm soak -- --cross [--kills 50]`: the cross-instance SIGKILL run (RELIABILITY.md R20). */
export async function crossInstanceSoak(flags: Map<string, string>): Promise<number> {
  const { runCrossInstanceKills } = await import('../scale/cross-crash.js');
  const report = await runCrossInstanceKills({
    kills: numberFlag(flags, 'kills', 50),
    clients: numberFlag(flags, 'clients', 6),
    docs: numberFlag(flags, 'docs', 3),
    seed: numberFlag(flags, 'seed', 1),
    log: (line) => console.log(`  ${line}`),
  });
  for (const problem of report.problems) console.error(`LOST: ${problem}`);
  console.log(`cross-instance crash: ${report.kills} SIGKILLs of one instance of two, ${report.edits} edits, ${report.acknowledged} acknowledged, ${report.problems.length} problems, ${report.seconds.toFixed(1)} s`);
  return report.problems.length === 0 ? 0 : 1;
}

export async function crashSoak(flags: Map<string, string>): Promise<number> {
  const report = await runCrashCycles({
    cycles: numberFlag(flags, 'cycles', 100),
    clients: numberFlag(flags, 'clients', 6),
    docs: numberFlag(flags, 'docs', 3),
    seed: numberFlag(flags, 'seed', 1),
    log: (line) => console.log(`  ${line}`),
  });
  for (const problem of report.problems) console.error(`LOST: ${problem}`);
  console.log(`crash: ${report.cycles} SIGKILL cycles, ${report.edits} edits, ${report.acknowledged} acknowledged, ${report.problems.length} problems, ${report.seconds.toFixed(1)} s`);
  return report.problems.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await crashSoak(readFlags(process.argv.slice(2))));
}
