/** Opens many bench clients a batch at a time, so connection storms do not distort the figures. */
import { BenchClient, type ClientRole } from './bench-client.js';
import type { Dialect } from './dialect.js';
import type { RunMetrics } from './metrics.js';

/** `base`: the server this client connects to, when the run has several (scale-out). */
export interface ClientSpec { docName: string; writer: boolean; base?: string; role?: ClientRole }

const BATCH = 50;

export async function openClients(
  base: string,
  dialect: Dialect,
  specs: readonly ClientSpec[],
  metrics: RunMetrics,
  waitForSync: boolean,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let i = 0; i < specs.length; i += BATCH) {
    const batch = specs.slice(i, i + BATCH).map((spec) => new BenchClient(spec.base ?? base, spec.docName, dialect, spec.writer, metrics, spec.role));
    clients.push(...batch);
    await Promise.all(batch.map((client) => client.open(waitForSync)));
  }
  return clients;
}

export function docName(prefix: string, index: number): string {
  // Matches the model's DOC_ID_PATTERN (kind prefix, colon, 6+ safe characters).
  return `bench:${prefix}${String(index).padStart(6, '0')}`;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
