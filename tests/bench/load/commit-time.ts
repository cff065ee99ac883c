/** Our server's commit figures from its Prometheus /metrics: mean commit, and p99s from the histograms' buckets. */
export interface CommitFigures {
  meanCommitMs: number;
  /** Upper bound of the bucket holding the 99th percentile. */
  commitP99Ms: number;
  /** From a batch's first update to its acks being sent, server side (p99, bucket bound). */
  serverAckP99Ms: number;
  batches: number;
  /** Commits that took longer than 100 ms and 250 ms: few, but each holds every ack waiting behind it. */
  commitsOver100Ms: number;
  commitsOver250Ms: number;
  /** Updates from this instance's clients, and other instances' updates it committed with them (S65). */
  ownUpdates: number;
  carriedUpdates: number;
}

function bucketsOf(text: string, name: string): { le: number; count: number }[] {
  return [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} ([0-9.e+-]+)$`, 'gm'))].map((m) => ({ le: Number(m[1]), count: Number(m[2]) }));
}

/** How many observations exceeded `seconds` (a bucket bound). */
function countAbove(text: string, name: string, seconds: number): number {
  const buckets = bucketsOf(text, name);
  return (buckets.at(-1)?.count ?? 0) - (buckets.find((bucket) => bucket.le === seconds)?.count ?? 0);
}

function p99FromBuckets(text: string, name: string): number {
  const buckets = bucketsOf(text, name);
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return Number.NaN;
  return 1000 * (buckets.find((bucket) => bucket.count >= 0.99 * total)?.le ?? Number.NaN);
}

export async function commitFigures(port: number): Promise<CommitFigures> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  const text = await response.text();
  const read = (name: string): number => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return {
    meanCommitMs: (1000 * read('cyd_sync_commit_seconds_sum')) / read('cyd_sync_commit_seconds_count'),
    commitP99Ms: p99FromBuckets(text, 'cyd_sync_commit_seconds'),
    serverAckP99Ms: p99FromBuckets(text, 'cyd_sync_ack_delay_seconds'),
    batches: read('cyd_sync_commit_seconds_count'),
    commitsOver100Ms: countAbove(text, 'cyd_sync_commit_seconds', 0.1),
    commitsOver250Ms: countAbove(text, 'cyd_sync_commit_seconds', 0.25),
    ownUpdates: read('cyd_sync_updates_total'),
    carriedUpdates: read('cyd_sync_carried_updates_total'),
  };
}
