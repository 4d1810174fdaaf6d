// The repair funnel over incidents that started on the UTC days of [from, to), read from the daily
// rollup the "Incident" triggers keep (RepairFunnelDay: a few rows per day, however large the fleet):
// broke → notified (an email delivered) → engaged (emailed link opened, or the dashboard's Reconnect
// button) → Connect opened → reconnected (working again), with median and 90th-percentile time to
// repair from the rollup's histograms (within REPAIR_TIME_ACCURACY), overall and split by provider, by
// detection path and by week.
import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { FOLD_AFTER_ROWS, foldRepairFunnel } from "./compact-rollups";
import { addHistogram, histogramPercentile, type RepairHistogram } from "./repair-histogram";

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

interface RollupRow {
  day: Date;
  providerName: string;
  detectionPath: string;
  broke: number;
  notified: number;
  engaged: number;
  connectOpened: number;
  reconnected: number;
  histograms: unknown[];
  pieces: number;
}

type Tally = Omit<FunnelCounts, "medianHours" | "p90Hours"> & { histogram: RepairHistogram };

const DAY_MS = 24 * 60 * 60 * 1000;
const STEPS = ["broke", "notified", "engaged", "connectOpened", "reconnected"] as const;

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 10) / 10);

/** Monday of the row's week (as PostgreSQL's date_trunc('week', …) has it), UTC. */
function weekOf(day: Date): Date {
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

function add(groups: Map<string, Tally>, key: string, row: RollupRow) {
  const tally = groups.get(key) ?? {
    broke: 0,
    notified: 0,
    engaged: 0,
    connectOpened: 0,
    reconnected: 0,
    histogram: new Map(),
  };
  for (const step of STEPS) tally[step] += row[step];
  for (const histogram of row.histograms) addHistogram(tally.histogram, histogram);
  groups.set(key, tally);
}

function toCounts({ histogram, ...counts }: Tally): FunnelCounts {
  return {
    ...counts,
    medianHours: hours(histogramPercentile(histogram, 0.5)),
    p90Hours: hours(histogramPercentile(histogram, 0.9)),
  };
}

/** Groups with something in them, largest first (ties by name, so the order is stable). */
function ranked(groups: Map<string, Tally>): [string, FunnelCounts][] {
  return [...groups]
    .filter(([, tally]) => tally.broke > 0)
    .sort(([a, x], [b, y]) => y.broke - x.broke || a.localeCompare(b))
    .map(([key, tally]) => [key, toCounts(tally)]);
}

/** The rollup rows of whole UTC days [fromDay, toDay), folded per day, provider and detection path. */
export function repairFunnelSql(fromDay: string, toDay: string): Prisma.Sql {
  return Prisma.sql`
    SELECT day::timestamp AS day, "providerName", "detectionPath"::text AS "detectionPath",
           sum(broke)::int AS broke, sum(notified)::int AS notified, sum(engaged)::int AS engaged,
           sum("connectOpened")::int AS "connectOpened", sum(reconnected)::int AS reconnected,
           jsonb_agg("repairHistogram") AS histograms, count(*)::int AS pieces
      FROM "RepairFunnelDay"
     WHERE day >= ${fromDay}::date AND day < ${toDay}::date
     GROUP BY day, "providerName", "detectionPath"`;
}

export async function getRepairFunnel({ from, to }: { from: Date; to: Date }): Promise<RepairFunnel> {
  // Whole UTC days, as ISO dates (a timestamp parameter would turn into a date in the session's zone).
  const fromDay = new Date(Math.floor(from.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  const toDay = new Date(Math.ceil(to.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  // Straight from the pool (queryRows); the day as a timestamp, so it reads as UTC midnight.
  const rows = await queryRows<RollupRow>(repairFunnelSql(fromDay, toDay));
  if (rows.reduce((sum, row) => sum + row.pieces, 0) > rows.length + FOLD_AFTER_ROWS)
    await foldRepairFunnel();

  const overall = new Map<string, Tally>();
  const byProvider = new Map<string, Tally>();
  const byDetectionPath = new Map<string, Tally>();
  const byWeek = new Map<string, Tally>();
  for (const row of rows) {
    add(overall, "", row);
    add(byProvider, row.providerName, row);
    add(byDetectionPath, row.detectionPath, row);
    add(byWeek, weekOf(row.day).toISOString(), row);
  }
  const empty = { broke: 0, notified: 0, engaged: 0, connectOpened: 0, reconnected: 0, histogram: new Map() };
  return {
    from,
    to,
    overall: toCounts(overall.get("") ?? empty),
    byProvider: ranked(byProvider).map(([providerName, counts]) => ({ providerName, ...counts })),
    byDetectionPath: ranked(byDetectionPath).map(([detectionPath, counts]) => ({ detectionPath, ...counts })),
    byWeek: ranked(byWeek)
      .map(([week, counts]) => ({ week: new Date(week), ...counts }))
      .sort((a, b) => a.week.getTime() - b.week.getTime()),
  };
}
