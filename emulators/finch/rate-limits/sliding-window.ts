// A rolling window: at most `limit` admitted hits in any `windowMs`. A log of timestamps, which is
// exact and small at Finch's limits (at most a thousand entries per key).

export class SlidingWindow {
  private hits: number[] = [];
  /** The most hits ever seen inside one window. */
  peak = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private prune(now: number): void {
    const from = now - this.windowMs;
    let drop = 0;
    while (drop < this.hits.length && (this.hits[drop] ?? 0) <= from) drop++;
    if (drop > 0) this.hits.splice(0, drop);
  }

  used(now: number): number {
    this.prune(now);
    return this.hits.length;
  }

  /** Records a hit whether or not it fits (the per-IP count); returns whether it was within the limit. */
  record(now: number): boolean {
    this.prune(now);
    this.hits.push(now);
    this.peak = Math.max(this.peak, this.hits.length);
    return this.hits.length <= this.limit;
  }

  /** Records the hit only when it fits; otherwise returns how long until the oldest hit leaves. */
  tryTake(now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    this.prune(now);
    if (this.hits.length >= this.limit) {
      const oldest = this.hits[0] ?? now;
      return { ok: false, retryAfterMs: Math.max(0, oldest + this.windowMs - now) };
    }
    this.hits.push(now);
    this.peak = Math.max(this.peak, this.hits.length);
    return { ok: true };
  }
}
