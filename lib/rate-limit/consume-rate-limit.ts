// Fixed-window counters in PostgreSQL, so every instance shares them. Each call counts one attempt
// in one atomic statement and says whether it is still within the limit.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import crypto from "node:crypto";
import { db } from "@/lib/db";

export interface RateLimit {
  /** What is counted, e.g. "signin-address:a@example.com"; stored only as a hash. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the window that refused this attempt ends (0 when allowed). */
  retryAfterSeconds: number;
}

const hashKey = (key: string) => crypto.createHash("sha256").update(key).digest("base64url");

/** One more attempt in the key's window (created on the first), and the count so far. */
export function countAttemptSql(keyHash: string, windowStart: Date, expiresAt: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "RateLimitWindow" ("key", "windowStart", "count", "expiresAt")
    VALUES (${keyHash}, ${windowStart}, 1, ${expiresAt})
    ON CONFLICT ("key", "windowStart")
    DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
    RETURNING "count"`;
}

async function countAttempt({ key, limit, windowSeconds }: RateLimit, now: Date): Promise<RateLimitVerdict> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const expiresAt = new Date(windowStart.getTime() + windowMs);
  const [row] = await db().$queryRaw<{ count: number }[]>(
    countAttemptSql(hashKey(key), windowStart, expiresAt),
  );
  const allowed = (row?.count ?? 1) <= limit;
  const retryAfterSeconds = allowed ? 0 : Math.ceil((expiresAt.getTime() - now.getTime()) / 1000);
  return { allowed, retryAfterSeconds };
}

/**
 * Counts one attempt against every limit; allowed only when all of them still allow it. Every
 * counter moves even when one refuses, so hammering one key never frees another.
 */
export async function consumeRateLimits(limits: RateLimit[], now = new Date()): Promise<RateLimitVerdict> {
  const verdicts = await Promise.all(limits.map((limit) => countAttempt(limit, now)));
  await pruneExpiredWindows(now);
  const refused = verdicts.filter((verdict) => !verdict.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((v) => v.retryAfterSeconds)) };
}

/** Deletes up to 100 expired windows. */
export function pruneExpiredWindowsSql(now: Date): Prisma.Sql {
  return Prisma.sql`
    DELETE FROM "RateLimitWindow"
    WHERE ctid IN (SELECT ctid FROM "RateLimitWindow" WHERE "expiresAt" < ${now} LIMIT 100)`;
}

/** Windows that ended long ago are useless; a bounded delete keeps the table small. */
async function pruneExpiredWindows(now: Date): Promise<void> {
  await db().$executeRaw(pruneExpiredWindowsSql(now));
}
