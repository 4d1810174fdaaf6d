// What the budget looks like right now, for the operator console and the benchmark: per class, the
// permits each lane could hand out at once, whether Finch paused it, and totals.
import "server-only";
import { db } from "@/lib/db";
import { DATABASE_NOW } from "./database-now";
import { ALL_BUDGET_CLASSES, budgetClass, type BudgetClassKey, type Lane } from "./budget-classes";

export interface FinchBudgetClassUsage {
  key: BudgetClassKey;
  finchLimit: number;
  budget: number;
  windowSeconds: number;
  pausedUntil: Date | null;
  lanes: Record<Lane, { capacity: number; ratePerSecond: number; available: number; granted: number }>;
  finch429s: number;
}

interface Row {
  key: string;
  tokens: number;
  elapsed: number;
  paused_until: Date | null;
  granted: bigint;
  finch429s: number;
}

export const BUDGET_USAGE_SQL = `SELECT key, tokens::float8 AS tokens, "pausedUntil" AS paused_until, granted, finch429s,
            GREATEST(0, EXTRACT(EPOCH FROM (${DATABASE_NOW} - "refilledAt")))::float8 AS elapsed
     FROM "FinchBudgetBucket"`;

export async function getFinchBudgetUsage(): Promise<FinchBudgetClassUsage[]> {
  const rows = await db().$queryRawUnsafe<Row[]>(BUDGET_USAGE_SQL);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return ALL_BUDGET_CLASSES.map((key) => {
    const cls = budgetClass(key);
    const lane = (name: Lane) => {
      const row = byKey.get(`${key}:${name}`);
      const limit = cls.lanes[name];
      return {
        ...limit,
        available: row
          ? Math.min(limit.capacity, row.tokens + row.elapsed * limit.ratePerSecond)
          : limit.capacity,
        granted: Number(row?.granted ?? 0),
      };
    };
    const interactive = byKey.get(`${key}:interactive`);
    const shared = byKey.get(`${key}:shared`);
    return {
      key,
      finchLimit: cls.finchLimit,
      budget: cls.budget,
      windowSeconds: cls.windowSeconds,
      pausedUntil:
        [interactive?.paused_until, shared?.paused_until]
          .filter((d): d is Date => d instanceof Date && d.getTime() > Date.now())
          .sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
      lanes: { interactive: lane("interactive"), shared: lane("shared") },
      // Both lanes of a class are paused together, so each counts the same 429s.
      finch429s: Math.max(interactive?.finch429s ?? 0, shared?.finch429s ?? 0),
    };
  });
}
