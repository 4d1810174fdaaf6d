// What the budget looks like right now, for the operator console and the fleet metrics: per class, the
// permits each lane could hand out at once, whether Finch paused it, and totals.
import "server-only";
import { db, utcDate } from "@/lib/db";
import { DATABASE_NOW, DATABASE_NOW_EPOCH } from "./database-now";
import {
  ALL_BUDGET_CLASSES,
  budgetClass,
  type BudgetClassKey,
  type BudgetSettings,
  type Lane,
  type LaneLimit,
} from "./budget-classes";
import { lostWindowGrants } from "./take-window-permit";

export interface FinchBudgetLaneUsage extends LaneLimit {
  /** Permits the lane could hand out at once now (none while Finch's pause lasts). */
  available: number;
  /** The most `available` can be: a rolling window's share, a bucket's capacity. */
  maxAvailable: number;
  granted: number;
}

export interface FinchBudgetClassUsage {
  key: BudgetClassKey;
  finchLimit: number;
  budget: number;
  windowSeconds: number;
  pausedUntil: Date | null;
  lanes: Record<Lane, FinchBudgetLaneUsage>;
  finch429s: number;
}

export interface BudgetUsageRow {
  key: string;
  has_row: boolean;
  remembered: boolean;
  paused: boolean;
  tokens: number | null;
  elapsed: number | null;
  in_window: number;
  paused_until: Date | string | null;
  granted: bigint | number | null;
  finch429s: number | null;
}

// $1 lane keys, $2 each lane's window in seconds (0 for a bucket lane). A window lane counts the
// permits of its log still inside the window, as take-window-permit.ts does.
export const BUDGET_USAGE_SQL = `
SELECT l.key, b.key IS NOT NULL AS has_row,
       EXISTS (SELECT 1 FROM "FinchBudgetLane" m WHERE m.key = l.key) AS remembered,
       COALESCE(b."pausedUntil" > ${DATABASE_NOW}, false) AS paused,
       b.tokens::float8 AS tokens, b."pausedUntil" AS paused_until, b.granted, b.finch429s,
       GREATEST(0, EXTRACT(EPOCH FROM (${DATABASE_NOW} - b."refilledAt")))::float8 AS elapsed,
       (SELECT count(*) FROM unnest(b.recent) g WHERE g > ${DATABASE_NOW_EPOCH} - l.seconds)::int AS in_window
FROM unnest($1::text[], $2::float8[]) AS l(key, seconds)
LEFT JOIN "FinchBudgetBucket" b ON b.key = l.key`;

/**
 * What the lane's next permit would see. A window lane: its share less what it granted in the current
 * window; a missing row counts as the permit path would create it (take-window-permit.ts: empty on
 * first use, only the burst left when lost). A bucket lane: its refilled tokens; a missing row is full.
 */
function available(limit: LaneLimit, row: BudgetUsageRow | undefined): number {
  if (row?.paused) return 0;
  if (limit.window) {
    const lost = row?.remembered ? lostWindowGrants(limit.window, limit.capacity) : 0;
    const inWindow = row?.has_row ? row.in_window : lost;
    return Math.max(0, limit.window.calls - inWindow);
  }
  return row?.has_row
    ? Math.min(limit.capacity, (row.tokens ?? 0) + (row.elapsed ?? 0) * limit.ratePerSecond)
    : limit.capacity;
}

/**
 * BUDGET_USAGE_SQL's values for every class's two lanes, and how its rows become each class's usage.
 * The rows may come as the client returns them or through JSON (inside another statement: the fleet
 * metrics), where a bigint is a number and a timestamp text in UTC without its zone.
 */
export function budgetUsageQuery(settings?: BudgetSettings): {
  values: [keys: string[], windowSeconds: number[]];
  toUsage(rows: BudgetUsageRow[]): FinchBudgetClassUsage[];
} {
  const classes = ALL_BUDGET_CLASSES.map((key) => budgetClass(key, settings));
  const lanes = classes.flatMap((cls) =>
    (["interactive", "shared"] as const).map((name) => ({
      key: `${cls.key}:${name}`,
      limit: cls.lanes[name],
    })),
  );
  const toUsage = (rows: BudgetUsageRow[]) => {
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return classes.map((cls) => {
      const lane = (name: Lane): FinchBudgetLaneUsage => {
        const row = byKey.get(`${cls.key}:${name}`);
        const limit = cls.lanes[name];
        return {
          ...limit,
          available: available(limit, row),
          maxAvailable: limit.window?.calls ?? limit.capacity,
          granted: Number(row?.granted ?? 0),
        };
      };
      const interactive = byKey.get(`${cls.key}:interactive`);
      const shared = byKey.get(`${cls.key}:shared`);
      return {
        key: cls.key,
        finchLimit: cls.finchLimit,
        budget: cls.budget,
        windowSeconds: cls.windowSeconds,
        pausedUntil:
          [interactive?.paused_until, shared?.paused_until]
            .flatMap((until) => (until ? [utcDate(until)] : []))
            .filter((d) => d.getTime() > Date.now())
            .sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
        lanes: { interactive: lane("interactive"), shared: lane("shared") },
        // Both lanes of a class are paused together, so each counts the same 429s.
        finch429s: Math.max(interactive?.finch429s ?? 0, shared?.finch429s ?? 0),
      };
    });
  };
  return {
    values: [lanes.map((lane) => lane.key), lanes.map((lane) => lane.limit.window?.seconds ?? 0)],
    toUsage,
  };
}

export async function getFinchBudgetUsage(
  options: { settings?: BudgetSettings } = {},
): Promise<FinchBudgetClassUsage[]> {
  const query = budgetUsageQuery(options.settings);
  return query.toUsage(await db().$queryRawUnsafe<BudgetUsageRow[]>(BUDGET_USAGE_SQL, ...query.values));
}
