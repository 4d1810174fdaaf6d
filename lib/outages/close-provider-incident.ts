// "Close incident": held notices for connections that recovered meanwhile are cancelled, the rest are
// released, and the outage leaves the board.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { OUTBOXES, type NoticeOutbox } from "@/lib/outbox/outboxes";
import { releaseHeldEmails } from "./release-held-emails";

export interface CloseProviderIncidentOptions {
  providerIncidentId: string;
  actorUserId?: string;
  now?: Date;
}

/** Cancels the held notices of connections that recovered during the outage. */
export function cancelRecoveredNoticesSql(
  { table }: NoticeOutbox,
  providerIncidentId: string,
  now: Date,
): Prisma.Sql {
  return Prisma.sql`
        UPDATE ${table} o SET status = 'cancelled', "updatedAt" = ${now},
               "lastError" = 'the connection recovered during the provider outage'
          FROM "Connection" c
         WHERE c.id = o."connectionId" AND o."providerIncidentId" = ${providerIncidentId}
           AND o.status = 'held' AND c.status <> 'needs_reauth'`;
}

export async function closeProviderIncident({
  providerIncidentId,
  actorUserId,
  now = new Date(),
}: CloseProviderIncidentOptions): Promise<{ cancelled: number; released: number }> {
  // The emails cancelled are counted (the operator's message); the alerts follow them.
  const [cancelled] = await Promise.all(
    Object.values(OUTBOXES).map((outbox) =>
      db().$executeRaw(cancelRecoveredNoticesSql(outbox, providerIncidentId, now)),
    ),
  );
  const released = await releaseHeldEmails({ providerIncidentId, actorUserId, now });
  await db().providerIncident.updateMany({
    where: { id: providerIncidentId, closedAt: null },
    data: { closedAt: now, closedByUserId: actorUserId ?? null },
  });
  return { cancelled, released };
}
