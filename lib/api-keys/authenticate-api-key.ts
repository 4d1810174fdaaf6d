// Who is calling /api/v1: the key looked up by its hash with the other processes' counts of it in the
// current minute, in one read-only statement (or inside the caller's own statement, as the token read
// does); the request is counted in this process (api-key-usage.ts), which writes its counts once a second.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { hashApiKey } from "./api-key-secret";
import { countApiKeyUse, ownUses, usageInstance, usageWindow } from "./api-key-usage";

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

/** A live key's row with the other processes' requests of it in the window, as `apiKeyRowSql` returns it. */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  count: number;
}

// Times as UTC text with explicit types: the statements go straight to the pool (queryRows), where a
// Date would be sent in the process's zone.
const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/** The live key with this hash and the other processes' count of it in the window; no row if none. */
export function apiKeyRowSql(secretHash: string, windowStart: Date, instance: string): Prisma.Sql {
  return Prisma.sql`
    SELECT k.id, k.name, k.prefix, k.scopes,
           COALESCE((SELECT sum(u.count) FROM "ApiKeyUsage" u
                      WHERE u."keyId" = k.id AND u."windowStart" = ${at(windowStart)}
                        AND u.instance <> ${instance}::text), 0)::int AS "count"
      FROM "ApiKey" k WHERE k."secretHash" = ${secretHash} AND k."revokedAt" IS NULL`;
}

/**
 * The condition `judgeApiKey` answers "ok" on, for a statement that does its work only for an allowed key
 * (`row` names the key row's alias): the scope is held and this request is within the limit.
 */
export function apiKeyAllowsSql(row: Prisma.Sql, scope: string, own: number, limitPerMinute: number) {
  return Prisma.sql`${scope}::text = ANY(${row}.scopes) AND ${row}."count" + ${own}::int + 1 <= ${limitPerMinute}::int`;
}

// The key ids this process has seen, by hash, so a request of a known key is counted before its statement
// runs: concurrent requests then each see the ones before them (a key's id never changes; the map is bounded).
const keyIdsByHash = new Map<string, string>();

/**
 * A presented key: its hash, window and this process's instance; for a key seen before, the request is
 * counted now and `own` is this process's count before it. `own` is what an embedding statement is given.
 */
export function presentApiKey(key: string, now = new Date()) {
  const secretHash = hashApiKey(key);
  const window = usageWindow(now);
  const keyId = keyIdsByHash.get(secretHash);
  const own = keyId ? ownUses(keyId, window.start) : 0;
  if (keyId) countApiKeyUse(keyId, now);
  return { secretHash, now, window, instance: usageInstance(), countedAs: keyId, own };
}

export type PresentedKey = ReturnType<typeof presentApiKey>;

/**
 * The verdict on a presented key, given its row (or none) and this process's count before the request;
 * a refused request counts too, so hammering a key keeps it refused.
 */
export function judgeApiKey(
  presented: PresentedKey,
  row: ApiKeyRow | undefined,
  own: number,
  limitPerMinute: number,
): Authentication {
  if (!row) return { kind: "unknown" };
  if (presented.countedAs !== row.id) {
    if (keyIdsByHash.size >= 10_000) keyIdsByHash.clear();
    keyIdsByHash.set(presented.secretHash, row.id);
    countApiKeyUse(row.id, presented.now);
  }
  const caller = { keyId: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes };
  if (row.count + own + 1 > limitPerMinute) {
    const retryAfterSeconds = Math.ceil((presented.window.end.getTime() - presented.now.getTime()) / 1000);
    return { kind: "limited", caller, retryAfterSeconds };
  }
  return { kind: "ok", caller };
}

/** The caller behind a key, or why it is refused; `limitPerMinute` requests a minute per key. */
export async function authenticateApiKey(
  key: string,
  limitPerMinute: number,
  now = new Date(),
): Promise<Authentication> {
  const presented = presentApiKey(key, now);
  // Straight from the pool (queryRows), named once per connection: every /api/v1 request runs it first.
  const [row] = await queryRows<ApiKeyRow>(
    apiKeyRowSql(presented.secretHash, presented.window.start, presented.instance),
  );
  // A key new to this process is counted after its statement, with the requests counted meanwhile.
  const own = presented.countedAs || !row ? presented.own : ownUses(row.id, presented.window.start);
  return judgeApiKey(presented, row, own, limitPerMinute);
}
