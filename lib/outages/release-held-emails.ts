// "Release held emails": an outage's held notices (the emails, and the Slack and webhook alerts held with
// them) go back to their outboxes as due now and are dispatched. Also run by the outbox relay for
// outages past OUTAGE_AUTO_RELEASE_HOURS.
import "server-only";
import { db } from "@/lib/db";
import { dispatchOutboxEmails } from "@/lib/notifications/dispatch-outbox-emails";
import { dispatchOutboxRows } from "@/lib/notifications/outbox-delivery";

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
  const { emails, alerts } = await db().$transaction(async (tx) => {
    await tx.providerIncident.updateMany({
      where: { id: providerIncidentId, releasedAt: null },
      data: { releasedAt: now, releasedByUserId: actorUserId ?? null },
    });
    const release = {
      where: { providerIncidentId, status: "held" as const },
      data: { status: "pending" as const, nextAttemptAt: now },
      select: { id: true },
    };
    return {
      emails: await tx.emailOutbox.updateManyAndReturn(release),
      alerts: await tx.alertOutbox.updateManyAndReturn(release),
    };
  });
  // The relays cover a failure to dispatch.
  await dispatchOutboxEmails(emails.map((row) => row.id)).catch(() => 0);
  await dispatchOutboxRows(
    "alert-send",
    alerts.map((row) => row.id),
  ).catch(() => 0);
  return emails.length;
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
