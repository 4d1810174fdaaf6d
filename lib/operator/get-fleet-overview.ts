// Fleet health counts in one statement, from the counters the "Connection" triggers keep however large
// the fleet: by status and by provider (FleetCount, a handful of rows), and broken connections by age
// (FleetBrokenAge, by the hour their status began: whole hours are summed there, and only the hour
// each age boundary falls in is counted from the partial index of broken connections by statusSince),
// and the open provider outages the page shows above them.
import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { openOutagesJson, parseOpenOutages, type OpenOutage } from "@/lib/outages/list-open-outages";
import { FOLD_AFTER_ROWS, foldFleetCounts } from "./compact-rollups";
import type { AgeBucket } from "./fleet-filter-words";

export interface FleetOverview {
  total: number;
  byStatus: { status: string; count: number }[];
  byProvider: { providerId: string; providerName: string; total: number; broken: number }[];
  byAge: Record<AgeBucket, number>;
  /** Open provider outages (lib/outages), loaded in the same round trip for the page's panel. */
  outages: OpenOutage[];
}

export interface OverviewRow {
  counters: { providerId: string; providerName: string; status: string; count: number; pieces: number }[];
  pieces: number;
  broken: number;
  newer1d: number;
  newer3d: number;
  newer7d: number;
  outages: unknown;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The counters, the broken ages and the open outages in one statement. */
export function fleetOverviewSql(now: Date): Prisma.Sql {
  const day = (days: number) => new Date(now.getTime() - days * DAY_MS);
  /** Broken since after `since`: whole hours from the counters, the rest of since's hour from the index. */
  const newerThan = (since: Date) => {
    const nextHour = new Date(Math.floor(since.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
    return Prisma.sql`((SELECT coalesce(sum(count), 0) FROM "FleetBrokenAge" WHERE hour >= ${nextHour})
      + (SELECT count(*) FROM "Connection" WHERE status <> 'healthy' AND "statusSince" > ${since}
            AND "statusSince" < ${nextHour}))::int`;
  };
  return Prisma.sql`
    SELECT (SELECT coalesce(jsonb_agg(f), '[]'::jsonb) FROM (
              SELECT "providerId", max("providerName") AS "providerName", status, sum(count)::int AS count,
                     count(*)::int AS pieces
                FROM "FleetCount" GROUP BY "providerId", status HAVING sum(count) <> 0) f) AS counters,
           (SELECT count(*) FROM "FleetBrokenAge")::int AS pieces,
           (SELECT coalesce(sum(count), 0) FROM "FleetBrokenAge")::int AS broken,
           ${newerThan(day(1))} AS newer1d, ${newerThan(day(3))} AS newer3d, ${newerThan(day(7))} AS newer7d,
           ${openOutagesJson} AS outages`;
}

export async function getFleetOverview({ now = new Date() }: { now?: Date } = {}): Promise<FleetOverview> {
  // Straight from the pool (queryRows), like the dashboard's one statement.
  const [row] = await queryRows<OverviewRow>(fleetOverviewSql(now));
  return toFleetOverview(row);
}

/** The overview from fleetOverviewSql's row (as read, or as JSON inside a larger statement). */
export async function toFleetOverview(row: OverviewRow | undefined): Promise<FleetOverview> {
  const counters = row?.counters ?? [];
  const pieces = counters.reduce((sum, counter) => sum + counter.pieces, row?.pieces ?? 0);
  if (pieces > FOLD_AFTER_ROWS) await foldFleetCounts();

  const statuses = new Map<string, number>();
  const providers = new Map<string, FleetOverview["byProvider"][number]>();
  for (const { providerId, providerName, status, count } of counters) {
    statuses.set(status, (statuses.get(status) ?? 0) + count);
    const provider = providers.get(providerId) ?? { providerId, providerName, total: 0, broken: 0 };
    provider.total += count;
    if (status !== "healthy") provider.broken += count;
    providers.set(providerId, provider);
  }
  const byStatus = [...statuses]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  return {
    total: byStatus.reduce((sum, entry) => sum + entry.count, 0),
    byStatus,
    byProvider: [...providers.values()]
      .filter((provider) => provider.total !== 0)
      .sort((a, b) => b.broken - a.broken || b.total - a.total || a.providerId.localeCompare(b.providerId)),
    byAge: {
      under_1d: row?.newer1d ?? 0,
      "1_3d": (row?.newer3d ?? 0) - (row?.newer1d ?? 0),
      "3_7d": (row?.newer7d ?? 0) - (row?.newer3d ?? 0),
      over_7d: (row?.broken ?? 0) - (row?.newer7d ?? 0),
    },
    outages: parseOpenOutages(row?.outages),
  };
}
