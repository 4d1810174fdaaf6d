// A connection's health record, computed in SQL from its incidents: uptime over the last 30 and 90
// days, and over the last 90 days the number of incidents, the median time to repair (resolved
// incidents) and the longest outage (an ongoing one counts up to now). A window never starts before
// the connection existed, so a week-old connection is judged on its week.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export interface ConnectionHealth {
  /** 0..1, null when the window is empty (created this instant). */
  uptime30: number | null;
  uptime90: number | null;
  incidents90: number;
  /** Seconds; null without a resolved incident. */
  medianRepairSeconds: number | null;
  longestOutageSeconds: number | null;
  /** Start of the 90-day window (or the connection's creation), for the chart's axis. */
  since90: Date;
}

export interface ConnectionHealthOptions {
  connectionId: string;
  organizationId: string;
  now?: Date;
}

interface Row {
  uptime30: number | null;
  uptime90: number | null;
  incidents90: number;
  median_repair: number | null;
  longest: number | null;
  since90: Date;
}

/** Uptime, incidents and repair times of one connection over 30 and 90 days. */
export function connectionHealthSql(connectionId: string, organizationId: string, now: Date): Prisma.Sql {
  // Timestamps are stored as UTC without a zone; the clock is passed the same way.
  const at = now.toISOString();
  return Prisma.sql`
    WITH clock AS (SELECT (${at}::timestamptz AT TIME ZONE 'UTC') AS now),
    conn AS (
      SELECT c.id,
             GREATEST(clock.now - interval '30 days', c."createdAt") AS since30,
             GREATEST(clock.now - interval '90 days', c."createdAt") AS since90
        FROM "Connection" c, clock
       WHERE c.id = ${connectionId} AND c."organizationId" = ${organizationId}
    ),
    outage AS (
      SELECT i."startedAt" AS started, LEAST(COALESCE(i."resolvedAt", clock.now), clock.now) AS ended,
             i."resolvedAt" IS NOT NULL AS resolved
        FROM "Incident" i JOIN conn ON conn.id = i."connectionId", clock
       WHERE i."startedAt" < clock.now
    )
    SELECT
      CASE WHEN clock.now > conn.since30 THEN 1 - COALESCE((
        SELECT SUM(EXTRACT(EPOCH FROM LEAST(o.ended, clock.now) - GREATEST(o.started, conn.since30)))
          FROM outage o WHERE o.ended > conn.since30), 0) / EXTRACT(EPOCH FROM clock.now - conn.since30)
      END::float8 AS uptime30,
      CASE WHEN clock.now > conn.since90 THEN 1 - COALESCE((
        SELECT SUM(EXTRACT(EPOCH FROM LEAST(o.ended, clock.now) - GREATEST(o.started, conn.since90)))
          FROM outage o WHERE o.ended > conn.since90), 0) / EXTRACT(EPOCH FROM clock.now - conn.since90)
      END::float8 AS uptime90,
      (SELECT COUNT(*) FROM outage o WHERE o.ended > conn.since90)::int AS incidents90,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM o.ended - o.started))
         FROM outage o WHERE o.resolved AND o.ended > conn.since90)::float8 AS median_repair,
      (SELECT MAX(EXTRACT(EPOCH FROM o.ended - o.started))
         FROM outage o WHERE o.ended > conn.since90)::float8 AS longest,
      conn.since90
    FROM conn, clock`;
}

export async function connectionHealth({
  connectionId,
  organizationId,
  now = new Date(),
}: ConnectionHealthOptions): Promise<ConnectionHealth | null> {
  const rows = await db().$queryRaw<Row[]>(connectionHealthSql(connectionId, organizationId, now));
  const [row] = rows;
  if (!row) return null;
  return {
    uptime30: row.uptime30,
    uptime90: row.uptime90,
    incidents90: row.incidents90,
    medianRepairSeconds: row.median_repair,
    longestOutageSeconds: row.longest,
    since90: row.since90,
  };
}
