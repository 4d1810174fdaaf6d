// Fleet health counts: by status and by provider from the counters the "Connection" triggers keep
// (FleetCount, a handful of rows however large the fleet), and broken connections by age counted from
// the partial index on their statusSince alone (ages move with the clock, so they are counted, not kept).
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

interface CountRow {
  providerId: string;
  providerName: string;
  status: string;
  count: bigint;
  pieces: bigint;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const n = (value: bigint | number | null | undefined) => Number(value ?? 0);

export async function getFleetOverview({ now = new Date() }: { now?: Date } = {}): Promise<FleetOverview> {
  const day = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [counts, [age]] = await Promise.all([
    db().$queryRaw<CountRow[]>`
      SELECT "providerId", max("providerName") AS "providerName", status::text AS status,
             sum(count) AS count, count(*) AS pieces
        FROM "FleetCount" GROUP BY "providerId", status HAVING sum(count) <> 0`,
    db().$queryRaw<Record<AgeBucket, bigint>[]>`
      SELECT count(*) FILTER (WHERE "statusSince" > ${day(1)}) AS under_1d,
             count(*) FILTER (WHERE "statusSince" <= ${day(1)} AND "statusSince" > ${day(3)}) AS "1_3d",
             count(*) FILTER (WHERE "statusSince" <= ${day(3)} AND "statusSince" > ${day(7)}) AS "3_7d",
             count(*) FILTER (WHERE "statusSince" <= ${day(7)}) AS over_7d
        FROM "Connection" WHERE status <> 'healthy'`,
  ]);
  if (counts.reduce((sum, row) => sum + n(row.pieces), 0) > FOLD_AFTER_ROWS) await foldFleetCounts();

  const statuses = new Map<string, number>();
  const providers = new Map<string, FleetOverview["byProvider"][number]>();
  for (const row of counts) {
    const count = n(row.count);
    statuses.set(row.status, (statuses.get(row.status) ?? 0) + count);
    const provider = providers.get(row.providerId) ?? {
      providerId: row.providerId,
      providerName: row.providerName,
      total: 0,
      broken: 0,
    };
    provider.total += count;
    if (row.status !== "healthy") provider.broken += count;
    providers.set(row.providerId, provider);
  }
  const byStatus = [...statuses]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  return {
    total: byStatus.reduce((sum, row) => sum + row.count, 0),
    byStatus,
    byProvider: [...providers.values()]
      .filter((row) => row.total !== 0)
      .sort((a, b) => b.broken - a.broken || b.total - a.total || a.providerId.localeCompare(b.providerId)),
    byAge: {
      under_1d: n(age?.under_1d),
      "1_3d": n(age?.["1_3d"]),
      "3_7d": n(age?.["3_7d"]),
      over_7d: n(age?.over_7d),
    },
  };
}
