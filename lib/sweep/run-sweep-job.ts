// The on-demand sweep's job ("connections-sweep"). One organization's check has someone waiting on it
// and spends the interactive reserve; the operator's fleet-wide "check all" (no organization) is
// background work, so it only draws the budget's shared lane and never starves a customer's reconnect.
import "server-only";
import { withFinchPriority } from "@/lib/finch/budget/finch-priority";
import type { SweepJobData } from "@/lib/jobs/queues";
import { sweepConnections, type SweepSummary } from "./sweep-connections";

export function runSweepJob(data: SweepJobData): Promise<SweepSummary> {
  if (data.organizationId) return sweepConnections(data);
  return withFinchPriority("background", () => sweepConnections(data));
}
