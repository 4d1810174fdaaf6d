// How well the continuous sweep keeps up, for the operator console and the benchmark: how many
// connections are watched, how many are due or past the target, and the worst staleness (time since
// a connection was last checked, or added), now and the worst the scheduler recorded lately.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { budgetClass } from "@/lib/finch/budget/budget-classes";
import { DUE, NOW_UTC } from "@/lib/connections/sweep-schedule";

export interface SweepCoverage {
  connections: number;
  due: number;
  /** Not checked for longer than the target. */
  overdue: number;
  worstStalenessSeconds: number;
  /** The worst staleness any scheduler tick saw in the last 24 hours. */
  worstStalenessLast24hSeconds: number;
  targetSeconds: number;
  /** Checks per hour the background budget allows, and what the fleet needs to meet the target. */
  capacityPerHour: number;
  requiredPerHour: number;
}

interface Row {
  connections: number;
  due: number;
  overdue: number;
  worst: number | null;
}

/** The connections the sweep watches, and the worst time one of them has gone unchecked. */
const WATCHED = `FROM "Connection" WHERE status <> 'disconnected'`;
const WORST_STALENESS = `MAX(EXTRACT(EPOCH FROM (${NOW_UTC} - COALESCE("lastCheckedAt", "createdAt"))))::float8`;

/** The worst staleness alone, in seconds (null without a watched connection): the fleet metrics. */
export const WORST_STALENESS_SQL = `SELECT ${WORST_STALENESS} AS worst ${WATCHED}`;

export const SWEEP_COVERAGE_SQL = `
SELECT count(*)::int AS connections,
       count(*) FILTER (WHERE ${DUE.replaceAll("$TARGET", "$1")})::int AS due,
       count(*) FILTER (WHERE COALESCE("lastCheckedAt", "createdAt") < ${NOW_UTC} - make_interval(secs => $1::float8))::int AS overdue,
       ${WORST_STALENESS} AS worst
${WATCHED}`;

export async function getSweepCoverage(): Promise<SweepCoverage> {
  const targetSeconds = env().SWEEP_TARGET_HOURS * 3600;
  const [row] = await db().$queryRawUnsafe<Row[]>(SWEEP_COVERAGE_SQL, targetSeconds);
  const recent = await db().sweepCoverageSample.aggregate({
    _max: { worstStalenessSeconds: true },
    where: { takenAt: { gte: new Date(Date.now() - 24 * 3600_000) } },
  });
  const connections = row?.connections ?? 0;
  const worst = Math.round(row?.worst ?? 0);
  return {
    connections,
    due: row?.due ?? 0,
    overdue: row?.overdue ?? 0,
    worstStalenessSeconds: worst,
    worstStalenessLast24hSeconds: Math.max(worst, recent._max.worstStalenessSeconds ?? 0),
    targetSeconds,
    capacityPerHour: Math.floor(budgetClass("ip").lanes.shared.ratePerSecond * 3600),
    // Each connection comes due after at most 90% of the target.
    requiredPerHour: Math.ceil(connections / ((targetSeconds * 0.8) / 3600)),
  };
}

/** One sample per scheduler tick; samples older than a week are dropped. */
export async function recordSweepCoverage(): Promise<SweepCoverage> {
  const coverage = await getSweepCoverage();
  await db().sweepCoverageSample.create({
    data: {
      connections: coverage.connections,
      overdue: coverage.overdue,
      worstStalenessSeconds: coverage.worstStalenessSeconds,
    },
  });
  await db().sweepCoverageSample.deleteMany({
    where: { takenAt: { lt: new Date(Date.now() - 7 * 24 * 3600_000) } },
  });
  return coverage;
}
