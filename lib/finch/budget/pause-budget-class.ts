// Finch answered 429 even so: every instance stops calling for that class until Retry-After (or the
// documented window or penalty) is over. Stored on database time in both lanes of the class; a bucket
// lane restarts empty when the pause ends, so calls resume at the steady rate, not in a burst.
import "server-only";
import { db } from "@/lib/db";
import { DATABASE_NOW } from "./database-now";
import {
  budgetClass,
  classesForPath,
  type BudgetClassKey,
  type BudgetSettings,
  type Lane,
} from "./budget-classes";
import { createLaneRow } from "./take-lane-permit";

export const PAUSE_CLASS_SQL = `
UPDATE "FinchBudgetBucket" SET
  "pausedUntil" = GREATEST(COALESCE("pausedUntil", ${DATABASE_NOW}), ${DATABASE_NOW} + make_interval(secs => $2::float8)),
  "refilledAt" = GREATEST(COALESCE("pausedUntil", ${DATABASE_NOW}), ${DATABASE_NOW} + make_interval(secs => $2::float8)),
  tokens = 0,
  finch429s = finch429s + 1
WHERE key = ANY($1::text[])`;

export interface Finch429 {
  path: string;
  finchCode?: string;
  retryAfterSeconds?: number;
}

/** Which class a 429 speaks for; null when it is about one connection's provider, not about us. */
export function classForFinch429({ path, finchCode }: Finch429): BudgetClassKey | null {
  if (finchCode === "upstream_rate_limit_exceeded") return null;
  const [first] = classesForPath(path);
  if (finchCode === "finch_api_ip_rl" || finchCode === "finch_auth_ip_rl") return "ip";
  return first ?? "ip";
}

/** `settings` defaults to lib/env.ts, as the permit path's do. */
export async function pauseBudgetClass(
  answer: Finch429,
  settings?: BudgetSettings,
): Promise<{ key: BudgetClassKey; seconds: number } | null> {
  const key = classForFinch429(answer);
  if (!key) return null;
  const cls = budgetClass(key, settings);
  const seconds =
    answer.retryAfterSeconds ??
    (key === "ip" && answer.finchCode !== "finch_api_ip_rl"
      ? cls.windowSeconds / 5
      : cls.defaultPauseSeconds);
  // A Retry-After of 0 must not turn into a tight loop against Finch.
  const pause = Math.max(1, seconds);
  const lanes: Lane[] = ["interactive", "shared"];
  // A pause must stick even if the rows were lost. They are created as the permit path creates them
  // (a lost window row keeps only its burst), or a short Retry-After would free a lost lane's share.
  await Promise.all(lanes.map((lane) => createLaneRow(`${key}:${lane}`, cls.lanes[lane])));
  await db().$executeRawUnsafe(
    PAUSE_CLASS_SQL,
    lanes.map((lane) => `${key}:${lane}`),
    pause,
  );
  return { key, seconds: pause };
}
