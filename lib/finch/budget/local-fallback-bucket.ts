// When the database cannot be asked, an instance still lets a customer's interactive calls through,
// conservatively: per class, two at once and then one every ten seconds, in this process only.
const CAPACITY = 2;
const RATE_PER_SECOND = 0.1;

const buckets = new Map<string, { tokens: number; at: number }>();

/** Seconds to wait for a local permit (taken now), or null when the wait would exceed `maxWaitSeconds`. */
export function takeLocalPermit(key: string, maxWaitSeconds: number, now = Date.now()): number | null {
  const bucket = buckets.get(key) ?? { tokens: CAPACITY, at: now };
  const tokens = Math.min(CAPACITY, bucket.tokens + ((now - bucket.at) / 1000) * RATE_PER_SECOND);
  const wait = tokens >= 1 ? 0 : (1 - tokens) / RATE_PER_SECOND;
  if (wait > maxWaitSeconds) {
    buckets.set(key, { tokens, at: now });
    return null;
  }
  buckets.set(key, { tokens: tokens - 1, at: now });
  return wait;
}

export function resetLocalPermits(): void {
  buckets.clear();
}
