// "Release held emails": an outage's held notices go back to the outbox as due now and are dispatched.
// Also run by the outbox relay for outages past OUTAGE_AUTO_RELEASE_HOURS.
import "server-only";
import { db } from "@/lib/db";
import { dispatchOutboxEmails } from "@/lib/notifications/dispatch-outbox-emails";

export interface ReleaseHeldEmailsOptions {
  providerIncidentId: string;
  actorUserId?: string;
  now?: Date;
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
    return tx.emailOutbox.updateManyAndReturn({
      where: { providerIncidentId, status: "held" },
      data: { status: "pending", nextAttemptAt: now },
      select: { id: true },
    });
  });
  await dispatchOutboxEmails(released.map((row) => row.id)).catch(() => 0); // the relay covers a failure
  return released.length;
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
