// Fleet health counts, all computed in SQL: by status, by provider, and broken connections by age.
import "server-only";
import { runReportQuery } from "./run-report-query";
import type { AgeBucket } from "./fleet-filters";

export interface FleetOverview {
  total: number;
  byStatus: { status: string; count: number }[];
  byProvider: { providerId: string; providerName: string; total: number; broken: number }[];
  byAge: Record<AgeBucket, number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const n = (value: bigint | number | null) => Number(value ?? 0);

export async function getFleetOverview({ now = new Date() }: { now?: Date } = {}): Promise<FleetOverview> {
  const day = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [byStatus, byProvider, [age]] = await runReportQuery((tx) =>
    Promise.all([
      tx.$queryRaw<{ status: string; count: bigint }[]>`
      SELECT status::text AS status, count(*) AS count FROM "Connection" GROUP BY status ORDER BY count DESC`,
      tx.$queryRaw<{ providerId: string; providerName: string; total: bigint; broken: bigint }[]>`
      SELECT "providerId", max("providerName") AS "providerName", count(*) AS total,
             count(*) FILTER (WHERE status <> 'healthy') AS broken
        FROM "Connection" GROUP BY "providerId" ORDER BY broken DESC, total DESC`,
      tx.$queryRaw<Record<AgeBucket, bigint>[]>`
      SELECT count(*) FILTER (WHERE "statusSince" > ${day(1)}) AS under_1d,
             count(*) FILTER (WHERE "statusSince" <= ${day(1)} AND "statusSince" > ${day(3)}) AS "1_3d",
             count(*) FILTER (WHERE "statusSince" <= ${day(3)} AND "statusSince" > ${day(7)}) AS "3_7d",
             count(*) FILTER (WHERE "statusSince" <= ${day(7)}) AS over_7d
        FROM "Connection" WHERE status <> 'healthy'`,
    ]),
  );
  const statuses = byStatus.map((row) => ({ status: row.status, count: n(row.count) }));
  return {
    total: statuses.reduce((sum, row) => sum + row.count, 0),
    byStatus: statuses,
    byProvider: byProvider.map((row) => ({
      providerId: row.providerId,
      providerName: row.providerName,
      total: n(row.total),
      broken: n(row.broken),
    })),
    byAge: {
      under_1d: n(age?.under_1d ?? 0),
      "1_3d": n(age?.["1_3d"] ?? 0),
      "3_7d": n(age?.["3_7d"] ?? 0),
      over_7d: n(age?.over_7d ?? 0),
    },
  };
}
