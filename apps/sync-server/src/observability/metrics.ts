/**
 * Prometheus metrics, in a Registry of their own (not prom-client's global one) so that several
 * servers in one process, as in the tests, never clash.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface SyncMetrics {
  registry: Registry;
  connections: Gauge;
  residentDocuments: Gauge;
  coldDocuments: Gauge;
  /** Counted in a plain number and reported at scrape time: it moves on every update. */
  updates: { inc(): void };
  updatesTotal: Counter;
  commitSeconds: Histogram;
  /** From the first update of a batch to its durable acknowledgements being sent. */
  ackDelaySeconds: Histogram;
  rejectedFrames: Counter<'reason'>;
  /** Batches renumbered because another instance had committed the same seqs first (SPEC S51). */
  seqConflicts: Counter;
  /** Other instances' updates committed here with this instance's own (SPEC S65). */
  carriedUpdates: Counter;
}

export interface MetricSources {
  connections: () => number;
  residentDocuments: () => number;
  coldDocuments: () => number;
}

export function createSyncMetrics(sources: MetricSources, { defaultMetrics = false } = {}): SyncMetrics {
  const registry = new Registry();
  let applied = 0;
  let reported = 0;
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    connections: new Gauge({
      name: 'cyd_sync_connections',
      help: 'Open document sockets.',
      registers: [registry],
      collect() {
        this.set(sources.connections());
      },
    }),
    residentDocuments: new Gauge({
      name: 'cyd_sync_resident_documents',
      help: 'Documents loaded in memory.',
      registers: [registry],
      collect() {
        this.set(sources.residentDocuments());
      },
    }),
    coldDocuments: new Gauge({
      name: 'cyd_sync_cold_documents',
      help: 'Resident documents held as bytes because nobody is writing to them.',
      registers: [registry],
      collect() {
        this.set(sources.coldDocuments());
      },
    }),
    updates: {
      inc: () => {
        applied += 1;
      },
    },
    updatesTotal: new Counter({
      name: 'cyd_sync_updates_total',
      help: 'Document updates applied from clients.',
      registers: [registry],
      collect() {
        this.inc(applied - reported);
        reported = applied;
      },
    }),
    commitSeconds: new Histogram({
      name: 'cyd_sync_commit_seconds',
      help: 'Time to commit one batch of updates to storage.',
      buckets: [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    ackDelaySeconds: new Histogram({
      name: 'cyd_sync_ack_delay_seconds',
      help: 'From the first update of a committed batch to its durable acknowledgements being sent.',
      buckets: [0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    seqConflicts: new Counter({
      name: 'cyd_sync_seq_conflicts_total',
      help: 'Commit batches renumbered because another instance committed the same seqs first.',
      registers: [registry],
    }),
    carriedUpdates: new Counter({
      name: 'cyd_sync_carried_updates_total',
      help: "Other instances' updates, not yet confirmed by them, committed here with this instance's own.",
      registers: [registry],
    }),
    rejectedFrames: new Counter({
      name: 'cyd_sync_rejected_frames_total',
      help: 'Client frames refused, by reason.',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
