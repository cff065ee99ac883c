/**
 * CPU used by the machine's own services during a load window (PostgreSQL's processes and
 * redis-server), from Linux's /proc: on the 2-core machine they share the cores with the servers
 * and the load generator, so a latency figure is read beside what they took. A process that
 * exits inside the window takes its time with it; the instances' pooled connections live through it.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks per second for utime and stime (USER_HZ). */
const TICKS_PER_SECOND = 100;

export type ServiceCpu = Map<string, Map<number, number>>;

/** CPU seconds used so far by each live process whose command name is one of `names`, by name and pid. */
export function serviceCpu(names: readonly string[]): ServiceCpu {
  const found: ServiceCpu = new Map(names.map((name) => [name, new Map()]));
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return found;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const byPid = found.get(name);
      if (!byPid) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found;
}

/** Per name, % of one core used between two readings over `wallSeconds` (processes alive at the end). */
export function serviceCpuPercent(before: ServiceCpu, after: ServiceCpu, wallSeconds: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [name, byPid] of after) {
    let seconds = 0;
    for (const [pid, used] of byPid) seconds += used - (before.get(name)?.get(pid) ?? 0);
    result[name] = (100 * seconds) / wallSeconds;
  }
  return result;
}
