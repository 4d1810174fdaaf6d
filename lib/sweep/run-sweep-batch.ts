// A worker's share of the continuous sweep: checks one batch of due connections on background
// priority, so it only ever spends the shared lane of the budget and waits its turn there. What a
// 429 or the budget left unchecked stays on the schedule, due again when the pause ends.
import "server-only";
import { withFinchPriority } from "@/lib/finch/budget/finch-priority";
import { sweepConnections, type SweepSummary } from "./sweep-connections";
import { postponeChecks } from "@/lib/connections/sweep-schedule";

export function runSweepBatch({ connectionIds }: { connectionIds: string[] }): Promise<SweepSummary> {
  return withFinchPriority("background", () =>
    sweepConnections({
      connectionIds,
      deferRemainder: (remainder) => postponeChecks(remainder.connectionIds, remainder.retryAfterSeconds),
    }),
  );
}
