// "Release held emails": an outage's held notices (the emails, and the Slack and webhook alerts held with
// them) go back to their outboxes as due now and are dispatched. Also run by the outbox relay for
// outages past OUTAGE_AUTO_RELEASE_HOURS.
import "server-only";
import { db } from "@/lib/db";
import { dispatchOutboxRows } from "@/lib/outbox/dispatch-outbox-rows";
import { relayOutboxes } from "@/lib/outbox/relay-outbox";
import { Prisma } from "@/lib/generated/prisma/client";
import { OUTBOX_NAMES, OUTBOXES, type NoticeOutbox } from "@/lib/outbox/outboxes";

export interface ReleaseHeldEmailsOptions {
  providerIncidentId: string;
  actorUserId?: string;
  now?: Date;
}

/** An outage's held notices in one outbox go back to pending, due now. */
export function releaseHeldSql({ table }: NoticeOutbox, providerIncidentId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE ${table} SET status = 'pending', "nextAttemptAt" = ${now}, "updatedAt" = ${now}
     WHERE "providerIncidentId" = ${providerIncidentId} AND status = 'held'
    RETURNING id`;
}

export async function releaseHeldEmails({
  providerIncidentId,
  actorUserId,
  now = new Date(),
}: ReleaseHeldEmailsOptions): Promise<number> {
  const released = await db().$transaction(async (tx) => {
    await tx.providerIncident.updateMany({
      where: { id: providerIncidentId, releasedAt: null },
      data: { releasedAt: now, releasedByUserId: actorUserId ?? null },
    });
    const ids: string[][] = [];
    for (const name of OUTBOX_NAMES) {
      const rows = await tx.$queryRaw<{ id: string }[]>(
        releaseHeldSql(OUTBOXES[name], providerIncidentId, now),
      );
      ids.push(rows.map((row) => row.id));
    }
    return ids;
  });
  // The relay covers a failure to dispatch.
  for (const [i, name] of OUTBOX_NAMES.entries()) await dispatchOutboxRows(name, released[i]).catch(() => 0);
  // The emails released are counted (the operator's message); the alerts follow them.
  return released[OUTBOX_NAMES.indexOf("email")].length;
}

/** Outages whose hold has lasted OUTAGE_AUTO_RELEASE_HOURS release on their own. */
export async function releaseDueOutages({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const due = await db().providerIncident.findMany({
    where: { closedAt: null, releasedAt: null, autoReleaseAt: { lte: now } },
    select: { id: true },
  });
  let released = 0;
  for (const outage of due) released += await releaseHeldEmails({ providerIncidentId: outage.id, now });
  return released;
}

/** The outbox relay's job: outages past their auto-release time let their notices go first. */
export async function relayOutboxesAfterOutages({ now = new Date() }: { now?: Date } = {}) {
  await releaseDueOutages({ now });
  return relayOutboxes({ now });
}
