// Runs in the transaction that marked a connection broken: decides whether its provider is having an
// outage and, while one is open and not released, holds the provider's "needs reconnecting" notices:
// the emails, and the Slack and webhook alerts (connection.broken) the same breakages queued.
// A transaction-scoped advisory lock per provider serializes the decision across instances, and a
// partial unique index keeps at most one open outage per provider.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { advisoryXactLockSql } from "@/lib/concurrency/advisory-lock-sql";
import type { Tx } from "@/lib/db";
import { OUTBOXES, type NoticeOutbox } from "@/lib/outbox/outboxes";
import { outageThresholds, type OutageThresholds } from "./outage-thresholds";

export interface HoldNoticesDuringOutageOptions {
  providerId: string;
  providerName: string;
  at: Date;
  thresholds?: OutageThresholds;
}

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

async function openOutage(tx: Tx, providerId: string) {
  return tx.providerIncident.findFirst({
    where: { providerId, closedAt: null },
    select: { id: true, openedAt: true, releasedAt: true },
  });
}

/** The provider's connections, and how many of them broke in (since, at]. */
export function recentBreaksSql(providerId: string, since: Date, at: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT
      (SELECT count(*) FROM "Connection" WHERE "providerId" = ${providerId}) AS total,
      (SELECT count(DISTINCT i."connectionId") FROM "Incident" i
         JOIN "Connection" c ON c.id = i."connectionId"
        WHERE c."providerId" = ${providerId} AND i."startedAt" > ${since} AND i."startedAt" <= ${at}) AS broken`;
}

async function countRecentBreaks(tx: Tx, providerId: string, since: Date, at: Date) {
  const [row] = await tx.$queryRaw<{ total: bigint; broken: bigint }[]>(
    recentBreaksSql(providerId, since, at),
  );
  return { total: Number(row?.total ?? 0), broken: Number(row?.broken ?? 0) };
}

/** Holds the outbox's pending "needs reconnecting" notices of the provider's breakages since `since`. */
export function holdNoticesSql(
  { table, isBrokenNotice }: NoticeOutbox,
  hold: { outageId: string; providerId: string; since: Date; at: Date },
): Prisma.Sql {
  const { outageId, providerId, since, at } = hold;
  return Prisma.sql`
      UPDATE ${table} o SET status = 'held', "providerIncidentId" = ${outageId}, "updatedAt" = ${at}
        FROM "Incident" i, "Connection" c
       WHERE o."incidentId" = i.id AND c.id = o."connectionId" AND c."providerId" = ${providerId}
         AND ${isBrokenNotice} AND o.status = 'pending'
         AND (o."claimedUntil" IS NULL OR o."claimedUntil" <= ${at})
         AND i."startedAt" > ${since} AND i."resolvedAt" IS NULL`;
}

/** Returns the id of the outage now holding this provider's notices, or null when there is none. */
export async function holdNoticesDuringOutage(
  tx: Tx,
  { providerId, providerName, at, thresholds = outageThresholds() }: HoldNoticesDuringOutageOptions,
): Promise<string | null> {
  await tx.$executeRaw(advisoryXactLockSql(`provider-outage:${providerId}`));
  const windowStart = new Date(at.getTime() - thresholds.windowMinutes * MINUTE_MS);
  let outage = await openOutage(tx, providerId);
  if (!outage) {
    const { total, broken } = await countRecentBreaks(tx, providerId, windowStart, at);
    if (broken < thresholds.minConnections || broken < thresholds.minShare * total) return null;
    outage = await tx.providerIncident.create({
      data: {
        providerId,
        providerName,
        openedAt: at,
        connectionsAtOpen: total,
        brokenAtOpen: broken,
        autoReleaseAt: new Date(at.getTime() + thresholds.autoReleaseHours * HOUR_MS),
      },
      select: { id: true, openedAt: true, releasedAt: true },
    });
  }
  // Released by an operator (or the clock): notices flow again while the outage stays on the board.
  if (outage.releasedAt) return null;
  // The notices of every breakage in the burst that no worker has picked up yet.
  const since = new Date(Math.min(windowStart.getTime(), outage.openedAt.getTime()));
  for (const outbox of Object.values(OUTBOXES)) {
    await tx.$executeRaw(holdNoticesSql(outbox, { outageId: outage.id, providerId, since, at }));
  }
  return outage.id;
}
