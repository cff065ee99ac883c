/** Mean time of one group commit on our server, from its Prometheus /metrics (sum / count). */
export async function meanCommitMs(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  const text = await response.text();
  const read = (name: string): number => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return (1000 * read('cyd_sync_commit_seconds_sum')) / read('cyd_sync_commit_seconds_count');
}
