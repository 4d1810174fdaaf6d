// The fleet benchmark's verdict on re-check intervals, from the stand-in's request log alone: each
// seeded connection's last check (chosen by the benchmark) followed by every /introspect the stand-in
// answered for it. A connection that fell due in the window is judged; one still unchecked at the end
// counts its open interval, and against the run when that passed the tolerance.

export interface FleetJudgeInput {
  /** Finch connection id → when the benchmark says it was last checked (ms since the epoch). */
  seededLastCheck: Map<string, number>;
  /** Finch connection id → the stand-in's /introspect times (ascending). */
  introspections: Record<string, number[]>;
  idealMs: number;
  windowEnd: number;
  /** Over this × ideal is late (the 1.15). */
  tolerance: number;
}

export interface FleetJudgement {
  /** Connections due within the window (or checked in it). */
  judged: number;
  /** Checks of seeded connections the stand-in answered. */
  checks: number;
  maxIntervalMs: number;
  p99IntervalMs: number;
  /** Due connections still unchecked past tolerance × ideal at the end. */
  lateUnchecked: number;
  /** Due connections not yet checked at the end (within the tolerance or not). */
  uncheckedDue: number;
}

export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

export function judgeFleet(input: FleetJudgeInput): FleetJudgement {
  const intervals: number[] = [];
  let judged = 0;
  let checks = 0;
  let lateUnchecked = 0;
  let uncheckedDue = 0;
  for (const [finchId, last] of input.seededLastCheck) {
    const logged = input.introspections[finchId] ?? [];
    const due = last + input.idealMs <= input.windowEnd;
    if (!due && logged.length === 0) continue;
    judged++;
    checks += logged.length;
    let previous = last;
    for (const at of logged) {
      intervals.push(at - previous);
      previous = at;
    }
    if (logged.length === 0) {
      uncheckedDue++;
      const open = input.windowEnd - last;
      intervals.push(open);
      if (open > input.tolerance * input.idealMs) lateUnchecked++;
    }
  }
  return {
    judged,
    checks,
    maxIntervalMs: intervals.length > 0 ? Math.max(...intervals) : 0,
    p99IntervalMs: percentile(intervals, 0.99),
    lateUnchecked,
    uncheckedDue,
  };
}
