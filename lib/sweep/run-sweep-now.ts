// An on-demand sweep: runs as a job so the queue's singletonKey keeps two instances from sweeping
// the same scope at once, and waits for it (one organization is a handful of calls). A sweep of
// that scope already under way is joined rather than repeated.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { sweepScopeKey } from "@/lib/jobs/queues";
import { runJobAndWait } from "@/lib/jobs/run-job-and-wait";
import type { SweepSummary } from "./sweep-connections";

export interface RunSweepNowOptions {
  /** Absent: every organization (operators only; the caller checks). */
  organizationId?: string;
  /** Only these connections of the organization (the operator console's "Check now"). */
  connectionIds?: string[];
  timeoutMs?: number;
}

export type SweepNowResult = { kind: "completed"; summary: SweepSummary } | { kind: "pending" };

// The summary crossed the database as job output, so it is read back through a schema.
const summarySchema = z.object({
  checked: z.number().int(),
  changed: z.number().int(),
  failed: z.number().int(),
  deferred: z.number().int(),
  retryAfterSeconds: z.number().optional(),
});

export async function runSweepNow({
  organizationId,
  connectionIds,
  timeoutMs = 25_000,
}: RunSweepNowOptions): Promise<SweepNowResult> {
  const scope = sweepScopeKey(organizationId);
  const run = await runJobAndWait(
    "connections-sweep",
    { organizationId, connectionIds },
    { singletonKey: connectionIds ? `${scope}:${connectionIds.join(",")}` : scope, timeoutMs },
  );
  if (run.kind === "pending") return { kind: "pending" };
  const summary = run.kind === "completed" ? summarySchema.safeParse(run.output) : undefined;
  if (!summary?.success) {
    throw new AppError("upstream_unavailable", "The check could not finish. Please try again in a minute.", {
      internal: `sweep job ${run.jobId} ${run.kind}`,
    });
  }
  return { kind: "completed", summary: summary.data };
}
