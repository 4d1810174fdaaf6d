// The repair funnel over incidents that started in [from, to), computed in one SQL statement:
// broke → notified (an email delivered) → engaged (emailed link opened, or the dashboard's Reconnect
// button) → Connect opened → reconnected (working again), with median and 90th-percentile time to
// repair, overall and split by provider, by detection path and by week.
import "server-only";
import { runReportQuery } from "./run-report-query";

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
  // Set-based (hash joins over the cohort), not a subquery per incident: the cost stays linear in the
  // cohort and low enough that PostgreSQL never reaches for JIT.
  const rows = await runReportQuery(
    (tx) => tx.$queryRaw<RawRow[]>`
    WITH cohort AS MATERIALIZED (
      SELECT i.id, i."connectionId", i."startedAt", i."resolvedAt", i.source::text AS "detectionPath",
             c."providerName", date_trunc('week', i."startedAt") AS week,
             extract(epoch FROM i."resolvedAt" - i."startedAt")::float8 AS "repairSeconds"
        FROM "Incident" i JOIN "Connection" c ON c.id = i."connectionId"
       WHERE i."startedAt" >= ${from} AND i."startedAt" < ${to}),
    touched AS (
      SELECT k.id, bool_or(e.type = 'link_opened' OR e.source = 'dashboard') AS engaged,
             bool_or(e.type = 'connect_started') AS "connectOpened"
        FROM cohort k JOIN "ConnectionEvent" e ON e."connectionId" = k."connectionId"
         AND e."createdAt" >= k."startedAt" AND e."createdAt" <= coalesce(k."resolvedAt", 'infinity')
       WHERE e.type IN ('link_opened', 'connect_started')
       GROUP BY k.id),
    told AS (
      SELECT DISTINCT o."incidentId" AS id FROM "EmailOutbox" o JOIN cohort k ON k.id = o."incidentId"
       WHERE o.status = 'sent' AND o.kind IN ('connection_broken', 'reconnect_reminder'))
    SELECT GROUPING(k."providerName", k."detectionPath", k.week)::int AS grouping,
           k."providerName", k."detectionPath", k.week,
           count(*) AS broke,
           count(n.id) AS notified,
           count(*) FILTER (WHERE t.engaged) AS engaged,
           count(*) FILTER (WHERE t."connectOpened") AS "connectOpened",
           count(k."repairSeconds") AS reconnected,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY k."repairSeconds") AS "medianSeconds",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY k."repairSeconds") AS "p90Seconds"
      FROM cohort k LEFT JOIN touched t ON t.id = k.id LEFT JOIN told n ON n.id = k.id
     GROUP BY GROUPING SETS ((), (k."providerName"), (k."detectionPath"), (k.week))
     ORDER BY grouping, broke DESC, week`,
  );
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
