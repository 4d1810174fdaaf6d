// The sweep scheduler (one tick every SWEEP_TICK_SECONDS, on whichever instance pg-boss picks): claims
// the connections that are due, most overdue first, as many as the background budget can check
// before the next tick, and hands them to the workers in small batches. Claiming leases each one
// (its next check moves a lease ahead), so no tick hands out the same connection twice, and a batch
// that is lost only delays its connections until the lease runs out: none leaves the schedule.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { budgetClass } from "@/lib/finch/budget/budget-classes";
import { enqueue } from "@/lib/jobs/enqueue";
import { recordSweepCoverage } from "./get-sweep-coverage";
import { DUE, NOW_UTC } from "@/lib/connections/sweep-schedule";

export const SWEEP_BATCH_SIZE = 25;
const LEASE_SECONDS = 15 * 60;

// $1 how many, $2 lease seconds, $3 target seconds.
export const CLAIM_DUE_SQL = `
UPDATE "Connection" SET "nextCheckAt" = ${NOW_UTC} + make_interval(secs => $2::float8)
WHERE id IN (
  SELECT id FROM "Connection"
  WHERE status <> 'disconnected' AND ${DUE.replaceAll("$TARGET", "$3")}
  ORDER BY COALESCE("nextCheckAt", "lastCheckedAt", "createdAt") ASC, id
  LIMIT $1 FOR UPDATE SKIP LOCKED)
RETURNING id`;

export interface ScheduleDueSweepsOptions {
  /** At most this many (default: what the background budget checks in one tick, plus a fifth). */
  limit?: number;
  /** Queue the next tick (the job does; tests drive ticks themselves). */
  chain?: boolean;
}

export async function scheduleDueSweeps(options: ScheduleDueSweepsOptions = {}) {
  const { SWEEP_TICK_SECONDS, SWEEP_TARGET_HOURS } = env();
  const shared = budgetClass("ip").lanes.shared;
  const limit =
    options.limit ?? Math.max(SWEEP_BATCH_SIZE, Math.ceil(shared.ratePerSecond * SWEEP_TICK_SECONDS * 1.2));
  const claimed = await db().$queryRawUnsafe<{ id: string }[]>(
    CLAIM_DUE_SQL,
    limit,
    LEASE_SECONDS,
    SWEEP_TARGET_HOURS * 3600,
  );
  const ids = claimed.map((row) => row.id);
  for (let i = 0; i < ids.length; i += SWEEP_BATCH_SIZE)
    await enqueue("sweep-batch", { connectionIds: ids.slice(i, i + SWEEP_BATCH_SIZE) });
  const coverage = await recordSweepCoverage();
  if (options.chain)
    await enqueue("sweep-schedule", {}, { singletonKey: "sweep-schedule", startAfter: SWEEP_TICK_SECONDS });
  return { claimed: ids.length, batches: Math.ceil(ids.length / SWEEP_BATCH_SIZE), ...coverage };
}
