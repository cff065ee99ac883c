/** Latency samples and counters shared by every client of one run (they live in one process). */
export class Samples {
  private values: number[] = [];
  add(value: number): void {
    this.values.push(value);
  }
  get count(): number {
    return this.values.length;
  }
  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  }
  clear(): void {
    this.values = [];
  }
}

export class RunMetrics {
  /** When each writer's update left: key `${clientID}:${clock after the update}`. */
  readonly sentAt = new Map<string, number>();
  readonly editToPeer = new Samples();
  readonly durableAck = new Samples();
  updatesDelivered = 0;
  errors = 0;
  closes = new Map<number, number>();
  /** Only samples inside the measurement window count. */
  measuring = false;

  reset(): void {
    this.editToPeer.clear();
    this.durableAck.clear();
    this.updatesDelivered = 0;
  }

  noteClose(code: number): void {
    this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
  }
}
