// A burst, then one more every interval (the generic cell rate algorithm, one row per key in
// RateLimitWindow, updated in one atomic statement): a flood uses up the burst, but whoever asks once
// an interval has passed gets through, so no one can hold a key for longer than one interval.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RateLimitVerdict } from "./consume-rate-limit";

export interface PacedLimit {
  /** What is paced, e.g. "signin-address-paced:a@example.com"; stored only as a hash. */
  key: string;
  /** Attempts allowed at once when the key has been quiet. */
  burst: number;
  /** One more attempt is allowed each time this passes. */
  intervalSeconds: number;
}

// Paced keys keep one row each; the window column holds this constant.
const PACED_ROW = new Date(0);

/** One attempt against a paced key: counted and moved on only while within the burst. */
export function takePacedAttemptSql(
  hash: string,
  intervalSeconds: number,
  now: Date,
  burst: number,
): Prisma.Sql {
  const intervalMs = intervalSeconds * 1000;
  const latestAllowed = new Date(now.getTime() + (burst - 1) * intervalMs);
  return Prisma.sql`
    INSERT INTO "RateLimitWindow" ("key", "windowStart", "count", "expiresAt")
    VALUES (${hash}, ${PACED_ROW}, 1, ${new Date(now.getTime() + intervalMs)})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET
      "count" = "RateLimitWindow"."count" + 1,
      "expiresAt" = CASE
        WHEN "RateLimitWindow"."expiresAt" > ${now}
        THEN "RateLimitWindow"."expiresAt" + make_interval(secs => ${intervalSeconds}::float8)
        ELSE ${new Date(now.getTime() + intervalMs)}
      END
    WHERE "RateLimitWindow"."expiresAt" <= ${latestAllowed}
    RETURNING "count"`;
}

/**
 * Takes one attempt when allowed. The row's `expiresAt` is the key's "theoretical arrival time": an
 * attempt passes when it is at most (burst - 1) intervals ahead of now, and moves it one interval on.
 * A refused attempt changes nothing, so hammering a key never pushes its next opening further away.
 */
export async function takePacedAllowance(
  { key, burst, intervalSeconds }: PacedLimit,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const hash = crypto.createHash("sha256").update(key).digest("base64url");
  const rows = await db().$queryRaw<{ count: number }[]>(
    takePacedAttemptSql(hash, intervalSeconds, now, burst),
  );
  if (rows.length > 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.ceil(intervalSeconds) };
}
