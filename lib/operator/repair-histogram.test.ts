import { describe, expect, it } from "vitest";
import {
  REPAIR_TIME_ACCURACY,
  addHistogram,
  bucketSeconds,
  histogramPercentile,
  repairBucket,
  type RepairHistogram,
} from "./repair-histogram";

function histogramOf(seconds: number[]): RepairHistogram {
  const histogram: RepairHistogram = new Map();
  for (const value of seconds) {
    const bucket = repairBucket(value);
    histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
  }
  return histogram;
}

/** PostgreSQL's percentile_cont over the exact values. */
function exactPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  return sorted[low] + (position - low) * (sorted[Math.ceil(position)] - sorted[low]);
}

describe("the repair-time histogram", () => {
  it("reads every time back within its stated accuracy", () => {
    for (const seconds of [1.5, 59, 3_600, 36_000, 7_200.5, 86_400 * 30, 86_400 * 400]) {
      const back = bucketSeconds(repairBucket(seconds));
      expect(Math.abs(back - seconds) / seconds).toBeLessThanOrEqual(REPAIR_TIME_ACCURACY);
    }
    expect(bucketSeconds(repairBucket(0))).toBe(1);
  });

  it("gives percentiles within the accuracy of percentile_cont over the exact times", () => {
    const values = Array.from({ length: 500 }, (_, i) => 60 * ((i * 7919) % 3001) + 30);
    const histogram = histogramOf(values);
    for (const p of [0, 0.1, 0.5, 0.9, 0.99, 1]) {
      const exact = exactPercentile(values, p);
      const estimate = histogramPercentile(histogram, p) ?? Number.NaN;
      expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(REPAIR_TIME_ACCURACY);
    }
  });

  it("merges stored deltas, ignoring what is not a count, and is empty when they cancel out", () => {
    const histogram = addHistogram(new Map(), { "520": 2, "10": 1, junk: 3, "11": "x" });
    addHistogram(histogram, { "520": -2, "10": -1 });
    addHistogram(histogram, null);
    expect(histogramPercentile(histogram, 0.5)).toBeNull();
    addHistogram(histogram, { "520": 1 });
    expect(histogramPercentile(histogram, 0.9)).toBe(bucketSeconds(520));
  });
});
