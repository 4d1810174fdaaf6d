// Who is calling /api/v1: one statement looks the key up by its hash, counts the request in the key's
// rate-limit window and records when the key was last used (at most once a minute), so a request costs
// one round trip before its own work, and no wait for the disk (those writes commit asynchronously).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { hashApiKey } from "./api-key-secret";

export interface ApiCaller {
  keyId: string;
  name: string;
  prefix: string;
  scopes: string[];
}

export type Authentication =
  | { kind: "unknown" }
  | { kind: "limited"; caller: ApiCaller; retryAfterSeconds: number }
  | { kind: "ok"; caller: ApiCaller };

const LAST_USED_EVERY_SECONDS = 60;

export function authenticateApiKeySql(
  secretHash: string,
  now: Date,
  window: { start: Date; end: Date },
): Prisma.Sql {
  // Times as UTC text with explicit types: the statement goes straight to the pool (queryRows), where a
  // Date would be sent in the process's zone and an untyped value in a SELECT list would read as text.
  const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;
  const staleBefore = new Date(now.getTime() - LAST_USED_EVERY_SECONDS * 1000);
  // Its writes (the count, lastUsedAt) commit without waiting for the disk: after a database crash a
  // window may restart a few requests short, a harmless loss, and no request waits on a WAL flush for
  // them (set_config(…, true) lasts for this statement's own transaction only).
  return Prisma.sql`
    WITH lazy AS (
      SELECT set_config('synchronous_commit', 'off', true)
    ), k AS (
      SELECT id, name, prefix, scopes, "lastUsedAt" FROM "ApiKey"
       WHERE "secretHash" = ${secretHash} AND "revokedAt" IS NULL
    ), used AS (
      UPDATE "ApiKey" SET "lastUsedAt" = ${at(now)}
        FROM k WHERE "ApiKey".id = k.id AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < ${at(staleBefore)})
      RETURNING 1
    ), counted AS (
      INSERT INTO "RateLimitWindow" ("key", "windowStart", "count", "expiresAt")
      SELECT 'api-key:' || k.id, ${at(window.start)}, 1, ${at(window.end)} FROM k
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
      RETURNING "count"
    )
    SELECT k.id, k.name, k.prefix, k.scopes, (SELECT "count" FROM counted) AS "count" FROM lazy, k`;
}

/** The caller behind a key, or why it is refused; `limitPerMinute` requests a minute per key. */
export async function authenticateApiKey(
  key: string,
  limitPerMinute: number,
  now = new Date(),
): Promise<Authentication> {
  const start = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const end = new Date(start.getTime() + 60_000);
  // Straight from the pool (queryRows), named once per connection: every /api/v1 request runs it first.
  const [row] = await queryRows<{
    id: string;
    name: string;
    prefix: string;
    scopes: string[];
    count: number | null;
  }>(authenticateApiKeySql(hashApiKey(key), now, { start, end }));
  if (!row) return { kind: "unknown" };
  const caller = { keyId: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes };
  if ((row.count ?? 0) > limitPerMinute) {
    return { kind: "limited", caller, retryAfterSeconds: Math.ceil((end.getTime() - now.getTime()) / 1000) };
  }
  return { kind: "ok", caller };
}
