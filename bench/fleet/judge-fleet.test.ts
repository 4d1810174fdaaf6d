import { describe, expect, it } from "vitest";
import { judgeFleet } from "./judge-fleet";

const ideal = 100;

describe("judgeFleet", () => {
  it("judges the connections that fell due, by the intervals between their checks", () => {
    const seededLastCheck = new Map([
      ["a", 0], // due at 100, checked at 105 and 210
      ["b", 50], // due at 150, never checked: open 150 at the end (200) > 115, late
      ["c", 150], // due at 250, after the end: not judged
      ["d", 120], // due at 220 but checked early at 190: judged
    ]);
    const result = judgeFleet({
      seededLastCheck,
      introspections: { a: [105, 210], d: [190], unknown: [1] },
      idealMs: ideal,
      windowEnd: 200,
      tolerance: 1.15,
    });
    expect(result).toMatchObject({ judged: 3, checks: 3, lateUnchecked: 1, uncheckedDue: 1 });
    expect(result.maxIntervalMs).toBe(150);
  });

  it("passes a fleet checked on time", () => {
    const result = judgeFleet({
      seededLastCheck: new Map([["a", 0]]),
      introspections: { a: [110] },
      idealMs: ideal,
      windowEnd: 150,
      tolerance: 1.15,
    });
    expect(result).toMatchObject({ maxIntervalMs: 110, p99IntervalMs: 110, lateUnchecked: 0 });
  });
});
