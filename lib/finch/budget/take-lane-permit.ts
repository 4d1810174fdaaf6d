// One permit from one lane's token bucket, in one statement on database time, so every instance
// shares the bucket and no instance clock matters. A lane may hand out a permit "on credit" (the
// bucket goes below one) when the refill covers it within `maxWaitSeconds`: the caller then waits
// that long before calling Finch, which keeps the rate exact without anyone polling. A lane with a
// `window` (the per-product classes) is a rolling window instead (take-window-permit.ts).
import "server-only";
import { db } from "@/lib/db";
import { DATABASE_NOW } from "./database-now";
import type { LaneLimit } from "./budget-classes";
import { createWindowRow, takeWindowPermit } from "./take-window-permit";

export type LanePermit =
  { granted: true; waitSeconds: number } | { granted: false; retryInSeconds: number; paused: boolean };

interface Row {
  granted: boolean;
  avail: number;
  paused_for: number | null;
}

// $1 key, $2 capacity, $3 rate per second, $4 max wait in seconds.
export const TAKE_PERMIT_SQL = `
WITH b AS (
  SELECT key, "pausedUntil",
         LEAST($2::float8, tokens + GREATEST(0, EXTRACT(EPOCH FROM (${DATABASE_NOW} - "refilledAt"))) * $3::float8) AS avail
  FROM "FinchBudgetBucket" WHERE key = $1 FOR UPDATE
), d AS (
  SELECT key, avail, "pausedUntil",
         ("pausedUntil" IS NULL OR "pausedUntil" <= ${DATABASE_NOW})
           AND (avail >= 1 OR (1 - avail) / $3::float8 <= $4::float8) AS granted
  FROM b
)
UPDATE "FinchBudgetBucket" t
SET tokens = d.avail - CASE WHEN d.granted THEN 1 ELSE 0 END,
    "refilledAt" = ${DATABASE_NOW},
    granted = t.granted + CASE WHEN d.granted THEN 1 ELSE 0 END
FROM d WHERE t.key = d.key
RETURNING d.granted, d.avail::float8 AS avail,
          EXTRACT(EPOCH FROM (d."pausedUntil" - ${DATABASE_NOW}))::float8 AS paused_for`;

// A missing row is recreated full, on first use and after a loss alike (no need to tell them apart,
// as a rolling window must): the headroom below Finch's limit absorbs the one extra burst (README
// "Finch call budget").
export const CREATE_BUCKET_SQL = `INSERT INTO "FinchBudgetBucket" (key, tokens, "refilledAt") VALUES ($1, $2, ${DATABASE_NOW})
ON CONFLICT (key) DO NOTHING`;

/** Creates a lane's missing row the one way the permit path does, a bucket or a window alike. */
export async function createLaneRow(key: string, limit: LaneLimit): Promise<void> {
  if (limit.window) await createWindowRow(key, limit.window, limit.capacity);
  else await db().$executeRawUnsafe(CREATE_BUCKET_SQL, key, limit.capacity);
}

export async function takeLanePermit(
  key: string,
  limit: LaneLimit,
  maxWaitSeconds: number,
): Promise<LanePermit> {
  if (limit.window) return takeWindowPermit(key, limit.window, limit.capacity, maxWaitSeconds);
  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = await db().$queryRawUnsafe<Row[]>(
      TAKE_PERMIT_SQL,
      key,
      limit.capacity,
      limit.ratePerSecond,
      maxWaitSeconds,
    );
    const row = rows[0];
    if (!row) {
      await createLaneRow(key, limit);
      continue;
    }
    const pausedFor = row.paused_for ?? 0;
    if (row.granted)
      return { granted: true, waitSeconds: Math.max(0, (1 - row.avail) / limit.ratePerSecond) };
    if (pausedFor > 0) return { granted: false, retryInSeconds: pausedFor, paused: true };
    return {
      granted: false,
      retryInSeconds: Math.max(0.05, (1 - row.avail) / limit.ratePerSecond - maxWaitSeconds),
      paused: false,
    };
  }
  throw new Error(`finch budget: bucket ${key} could not be created`);
}
