// One permit from a rolling-window lane (the per-product classes): granted while fewer than the lane's
// calls per window were granted in the last window, so a burst may use the window's whole unused share.
import "server-only";
import { db } from "@/lib/db";
import { DATABASE_NOW, DATABASE_NOW_EPOCH as NOW_EPOCH } from "./database-now";
import type { LanePermit } from "./take-lane-permit";

export interface WindowLimit {
  /** Calls this lane may grant in any rolling window. */
  calls: number;
  seconds: number;
}

interface Row {
  granted: boolean;
  free_in: number | null;
  paused_for: number | null;
}

// $1 key, $2 calls per window, $3 window seconds, $4 max wait in seconds. A permit whose slot frees
// within the wait is stamped when it frees (the caller waits until then), so the log stays exact.
export const TAKE_WINDOW_PERMIT_SQL = `
WITH b AS (
  SELECT key, "pausedUntil", ${NOW_EPOCH} AS now_s,
         ARRAY(SELECT g FROM unnest(COALESCE(recent, '{}')) g WHERE g > ${NOW_EPOCH} - $3::float8 ORDER BY g) AS live
  FROM "FinchBudgetBucket" WHERE key = $1 FOR UPDATE
), f AS (
  SELECT key, "pausedUntil", now_s, live,
         CASE WHEN cardinality(live) < $2::int THEN 0
              ELSE live[cardinality(live) - $2::int + 1] + $3::float8 - now_s END AS free_in
  FROM b
), d AS (
  SELECT *, ("pausedUntil" IS NULL OR "pausedUntil" <= ${DATABASE_NOW}) AND free_in <= $4::float8 AS granted FROM f
)
UPDATE "FinchBudgetBucket" t
SET recent = CASE WHEN d.granted THEN d.live || (d.now_s + d.free_in) ELSE d.live END,
    granted = t.granted + CASE WHEN d.granted THEN 1 ELSE 0 END
FROM d WHERE t.key = d.key
RETURNING d.granted, d.free_in::float8 AS free_in,
          EXTRACT(EPOCH FROM (d."pausedUntil" - ${DATABASE_NOW}))::float8 AS paused_for`;

// A missing row is created empty when its lane has never had a row in this database (FinchBudgetLane,
// kept by a trigger on every insert, in the same transaction): no permit of this lane was ever
// granted, by any instance, so the whole share is really free. A missing row whose lane is remembered
// was lost (resetFinchBudget, a manual delete); the calls it logged may still count at Finch, so it
// is recreated as if all but `burst` calls ($2 = calls - burst) had just gone: the next window lets at
// most `burst` through, which the headroom absorbs (budget-classes.ts). Two instances creating the
// same first row at once: one insert wins, the other's does nothing, and both then take from it.
// Calls made outside this database (another deployment on the same Finch application or IP) are
// never visible to the budget, first window or not.
export const CREATE_WINDOW_SQL = `INSERT INTO "FinchBudgetBucket" (key, tokens, "refilledAt", recent)
SELECT $1, 0, ${DATABASE_NOW},
       CASE WHEN EXISTS (SELECT 1 FROM "FinchBudgetLane" WHERE key = $1)
            THEN array_fill(${NOW_EPOCH}, ARRAY[GREATEST(0, $2::int)])
            ELSE ARRAY[]::float8[] END
ON CONFLICT (key) DO NOTHING`;

/** The permits a lost row's recreated log holds: all of the window but the burst. */
export function lostWindowGrants(limit: WindowLimit, burst: number): number {
  return limit.calls - burst;
}

/** Creates a window lane's missing row as above (a pause after Finch's 429 creates it the same way). */
export async function createWindowRow(key: string, limit: WindowLimit, burst: number): Promise<void> {
  await db().$executeRawUnsafe(CREATE_WINDOW_SQL, key, lostWindowGrants(limit, burst));
}

export async function takeWindowPermit(
  key: string,
  limit: WindowLimit,
  burst: number,
  maxWaitSeconds: number,
): Promise<LanePermit> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = await db().$queryRawUnsafe<Row[]>(
      TAKE_WINDOW_PERMIT_SQL,
      key,
      limit.calls,
      limit.seconds,
      maxWaitSeconds,
    );
    const row = rows[0];
    if (!row) {
      await createWindowRow(key, limit, burst);
      continue;
    }
    const freeIn = Math.max(0, row.free_in ?? 0);
    const pausedFor = row.paused_for ?? 0;
    if (row.granted) return { granted: true, waitSeconds: freeIn };
    if (pausedFor > 0) return { granted: false, retryInSeconds: pausedFor, paused: true };
    return { granted: false, retryInSeconds: Math.max(0.05, freeIn - maxWaitSeconds), paused: false };
  }
  throw new Error(`finch budget: window ${key} could not be created`);
}
