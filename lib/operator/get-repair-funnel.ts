// The repair funnel over incidents that started in [from, to), computed in one SQL statement:
// broke → notified (an email delivered) → engaged (emailed link opened, or the dashboard's Reconnect
// button) → Connect opened → reconnected (working again), with median and 90th-percentile time to
// repair, overall and split by provider, by detection path and by week.
import "server-only";
import { db } from "@/lib/db";

export interface FunnelCounts {
  broke: number;
  notified: number;
  engaged: number;
  connectOpened: number;
  reconnected: number;
  /** Hours from the break to working again, over the reconnected ones; null when none. */
  medianHours: number | null;
  p90Hours: number | null;
}

export interface RepairFunnel {
  from: Date;
  to: Date;
  overall: FunnelCounts;
  byProvider: (FunnelCounts & { providerName: string })[];
  byDetectionPath: (FunnelCounts & { detectionPath: string })[];
  byWeek: (FunnelCounts & { week: Date })[];
}

interface RawRow {
  grouping: number;
  providerName: string | null;
  detectionPath: string | null;
  week: Date | null;
  broke: bigint;
  notified: bigint;
  engaged: bigint;
  connectOpened: bigint;
  reconnected: bigint;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 10) / 10);

function toCounts(row: RawRow): FunnelCounts {
  return {
    broke: Number(row.broke),
    notified: Number(row.notified),
    engaged: Number(row.engaged),
    connectOpened: Number(row.connectOpened),
    reconnected: Number(row.reconnected),
    medianHours: hours(row.medianSeconds),
    p90Hours: hours(row.p90Seconds),
  };
}

const EMPTY: FunnelCounts = {
  broke: 0,
  notified: 0,
  engaged: 0,
  connectOpened: 0,
  reconnected: 0,
  medianHours: null,
  p90Hours: null,
};

export async function getRepairFunnel({ from, to }: { from: Date; to: Date }): Promise<RepairFunnel> {
  const rows = await db().$queryRaw<RawRow[]>`
    WITH cohort AS (
      SELECT i.id, c."providerName", i.source::text AS "detectionPath",
             date_trunc('week', i."startedAt") AS week,
             extract(epoch FROM i."resolvedAt" - i."startedAt")::float8 AS "repairSeconds",
             EXISTS (SELECT 1 FROM "EmailOutbox" o WHERE o."incidentId" = i.id AND o.status = 'sent'
                       AND o.kind IN ('connection_broken', 'reconnect_reminder')) AS notified,
             EXISTS (SELECT 1 FROM "ConnectionEvent" e WHERE e."connectionId" = i."connectionId"
                       AND e."createdAt" >= i."startedAt" AND e."createdAt" <= coalesce(i."resolvedAt", 'infinity')
                       AND (e.type = 'link_opened' OR (e.type = 'connect_started' AND e.source = 'dashboard')))
               AS engaged,
             EXISTS (SELECT 1 FROM "ConnectionEvent" e WHERE e."connectionId" = i."connectionId"
                       AND e."createdAt" >= i."startedAt" AND e."createdAt" <= coalesce(i."resolvedAt", 'infinity')
                       AND e.type = 'connect_started') AS "connectOpened"
        FROM "Incident" i JOIN "Connection" c ON c.id = i."connectionId"
       WHERE i."startedAt" >= ${from} AND i."startedAt" < ${to})
    SELECT GROUPING("providerName", "detectionPath", week)::int AS grouping,
           "providerName", "detectionPath", week,
           count(*) AS broke,
           count(*) FILTER (WHERE notified) AS notified,
           count(*) FILTER (WHERE engaged) AS engaged,
           count(*) FILTER (WHERE "connectOpened") AS "connectOpened",
           count("repairSeconds") AS reconnected,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "repairSeconds") AS "medianSeconds",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY "repairSeconds") AS "p90Seconds"
      FROM cohort
     GROUP BY GROUPING SETS ((), ("providerName"), ("detectionPath"), (week))
     ORDER BY grouping, broke DESC, week`;
  // GROUPING bits: providerName = 4, detectionPath = 2, week = 1 (set when that column is rolled up).
  const overall = rows.find((row) => row.grouping === 7);
  return {
    from,
    to,
    overall: overall ? toCounts(overall) : EMPTY,
    byProvider: rows
      .filter((row) => row.grouping === 3)
      .map((row) => ({ providerName: row.providerName ?? "", ...toCounts(row) })),
    byDetectionPath: rows
      .filter((row) => row.grouping === 5)
      .map((row) => ({ detectionPath: row.detectionPath ?? "", ...toCounts(row) })),
    byWeek: rows
      .filter((row) => row.grouping === 6)
      .sort((a, b) => (a.week?.getTime() ?? 0) - (b.week?.getTime() ?? 0))
      .map((row) => ({ week: row.week ?? from, ...toCounts(row) })),
  };
}
