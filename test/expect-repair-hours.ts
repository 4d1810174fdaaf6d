// Repair times come from the funnel rollup's histogram: within REPAIR_TIME_ACCURACY (1%) of the exact
// percentile, then rounded to a tenth of an hour for display. Tests allow exactly that much.
import { expect } from "vitest";
import { REPAIR_TIME_ACCURACY } from "@/lib/operator/repair-histogram";

export function expectRepairHours(actual: number | null | undefined, exact: number | null): void {
  if (exact === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).toBeTypeOf("number");
  expect(Math.abs((actual ?? Number.NaN) - exact)).toBeLessThanOrEqual(REPAIR_TIME_ACCURACY * exact + 0.05);
}
