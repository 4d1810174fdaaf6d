// Finch answered 429 even so: every instance stops calling for that class until Retry-After (or the
// documented window or penalty) is over. Stored on database time in both lanes of the class; the
// buckets restart empty when the pause ends, so calls resume at the steady rate, not in a burst.
import "server-only";
import { db } from "@/lib/db";
import { DATABASE_NOW } from "./database-now";
import { budgetClass, classesForPath, type BudgetClassKey } from "./budget-classes";

export const CREATE_CLASS_BUCKETS_SQL = `INSERT INTO "FinchBudgetBucket" (key, tokens, "refilledAt")
SELECT unnest($1::text[]), 0, ${DATABASE_NOW} ON CONFLICT (key) DO NOTHING`;

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

export async function pauseBudgetClass(
  answer: Finch429,
): Promise<{ key: BudgetClassKey; seconds: number } | null> {
  const key = classForFinch429(answer);
  if (!key) return null;
  const cls = budgetClass(key);
  const seconds =
    answer.retryAfterSeconds ??
    (key === "ip" && answer.finchCode !== "finch_api_ip_rl"
      ? cls.windowSeconds / 5
      : cls.defaultPauseSeconds);
  // A Retry-After of 0 must not turn into a tight loop against Finch.
  const pause = Math.max(1, seconds);
  const lanes = [`${key}:interactive`, `${key}:shared`];
  await db().$executeRawUnsafe(CREATE_CLASS_BUCKETS_SQL, lanes); // a pause must stick even if the rows were lost
  await db().$executeRawUnsafe(PAUSE_CLASS_SQL, lanes, pause);
  return { key, seconds: pause };
}
