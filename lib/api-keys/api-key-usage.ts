// Each API key's use, counted without a write per request: this process counts its requests by key and
// minute in memory, and about once a second writes its totals to its own ApiKeyUsage rows (one statement)
// and moves the keys' `lastUsedAt`. A key's limit is judged on the other processes' rows plus this
// process's own count, so one process is exact and several are at most a second behind one another.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";

const FLUSH_EVERY_MS = 1000;
const WINDOW_MS = 60_000;

interface Use {
  keyId: string;
  windowStart: number;
  count: number;
  lastUsedAt: number;
  written: boolean;
}

interface UsageState {
  /** This process's rows: its id is made once per process. */
  instance: string;
  /** By `${keyId}@${windowStart}`. */
  uses: Map<string, Use>;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
}

// On globalThis: route bundles and instrumentation (which flushes on shutdown) each load this module.
const globalForUsage = globalThis as unknown as { apiKeyUsage?: UsageState };
const state: UsageState = (globalForUsage.apiKeyUsage ??= {
  instance: crypto.randomUUID(),
  uses: new Map<string, Use>(),
});

/** This process's id on its usage rows. */
export const usageInstance = (): string => state.instance;

/** The minute a request at `now` is counted in, and when that window ends. */
export function usageWindow(now: Date): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  return { start: new Date(start), end: new Date(start + WINDOW_MS) };
}

/** Requests of this key in this window that this process has counted. */
export function ownUses(keyId: string, windowStart: Date): number {
  return state.uses.get(`${keyId}@${windowStart.getTime()}`)?.count ?? 0;
}

/** Counts one request of a key; it reaches the database within a second. */
export function countApiKeyUse(keyId: string, now: Date): void {
  const windowStart = usageWindow(now).start.getTime();
  const id = `${keyId}@${windowStart}`;
  const use = state.uses.get(id);
  if (use) {
    use.count += 1;
    use.lastUsedAt = Math.max(use.lastUsedAt, now.getTime());
    use.written = false;
  } else {
    state.uses.set(id, { keyId, windowStart, count: 1, lastUsedAt: now.getTime(), written: false });
  }
  state.timer ??= setTimeout(() => void flushApiKeyUsage(), FLUSH_EVERY_MS).unref();
}

/**
 * Writes this process's totals (absolute, so a repeated write counts nothing twice), moves `lastUsedAt`
 * forward and deletes rows of windows long over, in one statement that commits without waiting for the
 * disk: a database crash may forget a second of counts, a harmless loss.
 */
export function recordApiKeyUsageSql(instance: string, uses: Use[], now: Date): Prisma.Sql {
  const rows = uses.map((use) => ({
    keyId: use.keyId,
    start: new Date(use.windowStart).toISOString(),
    count: use.count,
    lastUsedAt: new Date(use.lastUsedAt).toISOString(),
  }));
  const over = new Date(usageWindow(now).start.getTime() - WINDOW_MS).toISOString();
  return Prisma.sql`
    WITH lazy AS (
      SELECT set_config('synchronous_commit', 'off', true)
    ), u AS (
      SELECT u.* FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS u("keyId" text, start timestamp(3), count int, "lastUsedAt" timestamp(3))
        JOIN "ApiKey" k ON k.id = u."keyId"
    ), counted AS (
      INSERT INTO "ApiKeyUsage" ("keyId", "windowStart", instance, count)
      SELECT "keyId", start, ${instance}::text, count FROM u
      ON CONFLICT ("keyId", "windowStart", instance)
      DO UPDATE SET count = GREATEST("ApiKeyUsage".count, EXCLUDED.count)
      RETURNING 1
    ), used AS (
      UPDATE "ApiKey" SET "lastUsedAt" = latest.at
        FROM (SELECT "keyId", max("lastUsedAt") AS at FROM u GROUP BY "keyId") latest
       WHERE "ApiKey".id = latest."keyId" AND ("ApiKey"."lastUsedAt" IS NULL OR "ApiKey"."lastUsedAt" < latest.at)
      RETURNING 1
    ), pruned AS (
      DELETE FROM "ApiKeyUsage" WHERE ctid IN (
        SELECT ctid FROM "ApiKeyUsage" WHERE "windowStart" < ${over}::timestamp(3) LIMIT 500)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM counted)::int AS written, (SELECT count(*) FROM pruned)::int AS pruned
      FROM lazy`;
}

/** Writes what this process has counted since the last write (on a timer, on shutdown, and in tests). */
export async function flushApiKeyUsage(): Promise<void> {
  await state.flushing;
  clearTimeout(state.timer);
  state.timer = undefined;
  const now = new Date();
  const current = usageWindow(now).start.getTime();
  const dirty = [...state.uses.values()].filter((use) => !use.written);
  // Windows that are over and written are no longer needed here.
  for (const [id, use] of state.uses) if (use.written && use.windowStart < current) state.uses.delete(id);
  if (dirty.length === 0) return;
  for (const use of dirty) use.written = true;
  state.flushing = write(
    dirty.map((use) => ({ ...use })),
    now,
  ).finally(() => (state.flushing = undefined));
  await state.flushing;
}

async function write(uses: Use[], now: Date): Promise<void> {
  try {
    await db().$queryRaw(recordApiKeyUsageSql(state.instance, uses, now));
  } catch (error) {
    logError("API key usage could not be written; it is kept for the next try", error);
    for (const use of uses) {
      const kept = state.uses.get(`${use.keyId}@${use.windowStart}`);
      if (kept) kept.written = false;
    }
    state.timer ??= setTimeout(() => void flushApiKeyUsage(), FLUSH_EVERY_MS).unref();
  }
}
