// The fleet counts and the funnel rollup grow by one delta row per change (written by the triggers of
// the migration repair_funnel_rollup, which never update a shared row, so busy writers never wait on
// each other or deadlock). Folding folds each key's rows into one, in one statement per table: every
// row is deleted exactly once, so concurrent folds and writers stay correct.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";

/** Readers fold when they meet more rows than this (a folded fleet has one per provider and status). */
export const FOLD_AFTER_ROWS = 2_000;

/** Hours older than this only ever count as "over 7 days": folding merges them into one row. */
const AGE_HOURS_KEPT = "8 days";

/** Folds the fleet counters' delta rows into one row per provider and status. */
export function foldFleetCountsSql(): Prisma.Sql {
  return Prisma.sql`
    WITH gone AS (DELETE FROM "FleetCount" RETURNING "providerId", "providerName", status, count)
    INSERT INTO "FleetCount" ("providerId", "providerName", status, count)
    SELECT "providerId", max("providerName"), status, sum(count) FROM gone
     GROUP BY "providerId", status HAVING sum(count) <> 0`;
}

/** Folds the broken ages' delta rows into one row per hour (older hours into one). */
export function foldBrokenAgesSql(): Prisma.Sql {
  return Prisma.sql`
    WITH gone AS (DELETE FROM "FleetBrokenAge" RETURNING hour, count)
    INSERT INTO "FleetBrokenAge" (hour, count)
    SELECT CASE WHEN hour < (now() AT TIME ZONE 'UTC') - ${AGE_HOURS_KEPT}::interval THEN 'epoch'::timestamp
                ELSE hour END, sum(count)
      FROM gone GROUP BY 1 HAVING sum(count) <> 0`;
}

export async function foldFleetCounts(client: Tx = db()): Promise<void> {
  await client.$executeRaw(foldFleetCountsSql());
  await client.$executeRaw(foldBrokenAgesSql());
}

/** Folds the funnel's delta rows into one row per day, provider and detection path. */
export function foldRepairFunnelSql(): Prisma.Sql {
  return Prisma.sql`
    WITH keys AS (
      SELECT day, "providerName", "detectionPath" FROM "RepairFunnelDay"
       GROUP BY day, "providerName", "detectionPath" HAVING count(*) > 1),
    gone AS (
      DELETE FROM "RepairFunnelDay" r USING keys k
       WHERE r.day = k.day AND r."providerName" = k."providerName" AND r."detectionPath" = k."detectionPath"
      RETURNING r.*),
    buckets AS (
      SELECT g.day, g."providerName", g."detectionPath", h.key, sum(h.value::int) AS n
        FROM gone g, jsonb_each_text(g."repairHistogram") h
       GROUP BY g.day, g."providerName", g."detectionPath", h.key HAVING sum(h.value::int) <> 0),
    histograms AS (
      SELECT day, "providerName", "detectionPath", jsonb_object_agg(key, n) AS histogram
        FROM buckets GROUP BY day, "providerName", "detectionPath"),
    totals AS (
      SELECT day, "providerName", "detectionPath", sum(broke)::int AS broke, sum(notified)::int AS notified,
             sum(engaged)::int AS engaged, sum("connectOpened")::int AS "connectOpened",
             sum(reconnected)::int AS reconnected
        FROM gone GROUP BY day, "providerName", "detectionPath")
    INSERT INTO "RepairFunnelDay" (day, "providerName", "detectionPath", broke, notified, engaged,
                                   "connectOpened", reconnected, "repairHistogram")
    SELECT t.day, t."providerName", t."detectionPath", t.broke, t.notified, t.engaged, t."connectOpened",
           t.reconnected, coalesce(h.histogram, '{}'::jsonb)
      FROM totals t LEFT JOIN histograms h ON h.day = t.day AND h."providerName" = t."providerName"
       AND h."detectionPath" = t."detectionPath"
     WHERE t.broke <> 0 OR t.notified <> 0 OR t.engaged <> 0 OR t."connectOpened" <> 0 OR t.reconnected <> 0
        OR h.histogram IS NOT NULL`;
}

export async function foldRepairFunnel(client: Tx = db()): Promise<void> {
  await client.$executeRaw(foldRepairFunnelSql());
}
