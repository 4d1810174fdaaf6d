// When each connection is checked next. The cadence is a target (SWEEP_TARGET_HOURS): a connection
// is due again after 80-90% of it (spread, so the fleet does not move in waves); one whose status
// changed within the last target period (it broke or recovered lately) after a quarter of it. A
// webhook that just told us the status pushes the next check a full interval out.
import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

export const NOW_UTC = `(clock_timestamp() AT TIME ZONE 'UTC')`;

// A connection without a next check yet (new, or from before the schedule) is due one interval after
// its last check, or after it was added: a connection that just went through Connect was just checked.
export const DUE = `("nextCheckAt" <= ${NOW_UTC} OR ("nextCheckAt" IS NULL
  AND COALESCE("lastCheckedAt", "createdAt") <= ${NOW_UTC} - make_interval(secs => $TARGET::float8 * 0.8)))`;

function targetSeconds(): number {
  return env().SWEEP_TARGET_HOURS * 3600;
}

// $1 ids, $2 target seconds.
export const SCHEDULE_SQL = `
UPDATE "Connection" SET "nextCheckAt" = ${NOW_UTC} + make_interval(secs =>
  CASE WHEN "statusSince" > ${NOW_UTC} - make_interval(secs => $2::float8)
            AND "statusSince" > "createdAt" + interval '1 second' THEN $2::float8 * 0.25
       ELSE $2::float8 * (0.8 + 0.1 * random()) END)
WHERE id = ANY($1::text[])`;

/** After a check: the next one by risk (recent change: sooner) and the target. */
export async function scheduleNextChecks(connectionIds: string[]): Promise<void> {
  if (connectionIds.length === 0) return;
  await db().$executeRawUnsafe(SCHEDULE_SQL, connectionIds, targetSeconds());
}

/** Not checked now (Finch or the budget said wait): due again after `seconds`, still on the schedule. */
export async function postponeChecks(connectionIds: string[], seconds: number): Promise<void> {
  if (connectionIds.length === 0) return;
  await db().$executeRawUnsafe(POSTPONE_SQL, connectionIds, seconds);
}

// $1 ids, $2 seconds.
export const POSTPONE_SQL = `UPDATE "Connection" SET "nextCheckAt" = ${NOW_UTC} + make_interval(secs => $2::float8)
  WHERE id = ANY($1::text[])`;

/** When a connection whose status Finch just reported needs asking next: a full interval out. */
export function pushedNextCheckAt(at: Date): Date {
  return new Date(at.getTime() + targetSeconds() * 0.8 * 1000);
}

/** A webhook just reported this connection's status: the sweep need not ask for a full interval. */
export async function pushNextCheck(tx: Tx, connectionId: string, at = new Date()): Promise<void> {
  await tx.$executeRaw(pushNextCheckSql(connectionId, at));
}

export function pushNextCheckSql(connectionId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Connection" SET "nextCheckAt" = GREATEST(COALESCE("nextCheckAt", ${at}), ${pushedNextCheckAt(at)})
     WHERE id = ${connectionId}`;
}
