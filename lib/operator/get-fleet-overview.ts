// Fleet health counts in one statement: by status and by provider from the counters the "Connection"
// triggers keep (FleetCount, a handful of rows however large the fleet), and broken connections by age
// counted from the partial index of broken connections by statusSince alone (ages move with the clock,
// so they are counted, not kept).
import "server-only";
import { db } from "@/lib/db";
import { FOLD_AFTER_ROWS, foldFleetCounts } from "./compact-rollups";
import type { AgeBucket } from "./fleet-filters";

export interface FleetOverview {
  total: number;
  byStatus: { status: string; count: number }[];
  byProvider: { providerId: string; providerName: string; total: number; broken: number }[];
  byAge: Record<AgeBucket, number>;
}

interface OverviewRow {
  counters: { providerId: string; providerName: string; status: string; count: number; pieces: number }[];
  broken: number;
  newer1d: number;
  newer3d: number;
  newer7d: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function getFleetOverview({ now = new Date() }: { now?: Date } = {}): Promise<FleetOverview> {
  const day = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [row] = await db().$queryRaw<OverviewRow[]>`
    SELECT (SELECT coalesce(jsonb_agg(f), '[]'::jsonb) FROM (
              SELECT "providerId", max("providerName") AS "providerName", status, sum(count)::int AS count,
                     count(*)::int AS pieces
                FROM "FleetCount" GROUP BY "providerId", status HAVING sum(count) <> 0) f) AS counters,
           count(*)::int AS broken,
           (count(*) FILTER (WHERE "statusSince" > ${day(1)}))::int AS newer1d,
           (count(*) FILTER (WHERE "statusSince" > ${day(3)}))::int AS newer3d,
           (count(*) FILTER (WHERE "statusSince" > ${day(7)}))::int AS newer7d
      FROM "Connection" WHERE status <> 'healthy'`;
  const counters = row?.counters ?? [];
  if (counters.reduce((sum, counter) => sum + counter.pieces, 0) > FOLD_AFTER_ROWS) await foldFleetCounts();

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
  };
}
