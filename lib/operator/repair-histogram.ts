// Repair times as a sparse log-spaced histogram ({ "<bucket>": count }), as the migration
// repair_funnel_rollup writes them: bucket i holds (γ^(i-1), γ^i] seconds, γ = (1 + α) / (1 − α), and is
// read back as 2γ^i / (γ + 1), which is within α of every time in it. Percentiles interpolate between
// ranks like PostgreSQL's percentile_cont, so they too are within α (or one second, bucket 0).

/** The histogram's relative accuracy α: times and percentiles are within 1% of the exact value. */
export const REPAIR_TIME_ACCURACY = 0.01;
const GAMMA = (1 + REPAIR_TIME_ACCURACY) / (1 - REPAIR_TIME_ACCURACY);

export type RepairHistogram = Map<number, number>;

/** The bucket a time falls in; the SQL function repair_histogram_bucket is the one that files them. */
export function repairBucket(seconds: number): number {
  return seconds <= 1 ? 0 : Math.ceil(Math.log(seconds) / Math.log(GAMMA));
}

/** The time a bucket stands for, in seconds. */
export function bucketSeconds(bucket: number): number {
  return bucket <= 0 ? 1 : (2 * GAMMA ** bucket) / (GAMMA + 1);
}

/** Adds a stored histogram ({ "<bucket>": count }, counts may be negative deltas) into a running one. */
export function addHistogram(into: RepairHistogram, stored: unknown): RepairHistogram {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return into;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    const bucket = Number(key);
    if (!Number.isInteger(bucket) || typeof value !== "number") continue;
    into.set(bucket, (into.get(bucket) ?? 0) + value);
  }
  return into;
}

/** The p-th quantile (0..1) in seconds, interpolated between ranks; null when it holds nothing. */
export function histogramPercentile(histogram: RepairHistogram, p: number): number | null {
  const buckets = [...histogram.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [bucket, count] of buckets) {
      seen += count;
      if (rank < seen) return bucketSeconds(bucket);
    }
    return bucketSeconds(buckets[buckets.length - 1][0]);
  };
  const position = (total - 1) * p;
  const low = Math.floor(position);
  const lower = valueAt(low);
  return lower + (position - low) * (valueAt(Math.ceil(position)) - lower);
}
