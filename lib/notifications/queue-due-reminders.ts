// Reminders for connections still broken REMINDER_DAYS after their incident began: one outbox row per
// member and reminder number, skipping members who snoozed this incident or unsubscribed. Run on a
// schedule; `now` is injectable so tests can move the clock. Returns the new rows' ids to dispatch.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueAlerts } from "@/lib/alerts/queue-alerts";
import { buildOutboxRows } from "./build-outbox-rows";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function queueDueReminders({ now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  const days = env().REMINDER_DAYS;
  if (days.length === 0) return [];
  const incidents = await db().incident.findMany({
    where: {
      resolvedAt: null,
      startedAt: { lte: new Date(now.getTime() - days[0] * DAY_MS) },
      connection: { status: "needs_reauth" },
    },
    select: {
      id: true,
      startedAt: true,
      connectionId: true,
      connection: { select: { organizationId: true } },
    },
  });
  const queued: string[] = [];
  for (const incident of incidents) {
    // Only the latest reminder due: after downtime, one email rather than every missed one.
    const reminderNumber = days.filter(
      (day) => incident.startedAt.getTime() + day * DAY_MS <= now.getTime(),
    ).length;
    const { organizationId } = incident.connection;
    const members = await db().membership.findMany({
      where: {
        organizationId,
        user: {
          NOT: { emailPreference: { is: { remindersUnsubscribedAt: { not: null } } } },
          reminderSnoozes: { none: { incidentId: incident.id } },
        },
      },
      select: { userId: true, user: { select: { email: true } } },
    });
    const rows = await db().emailOutbox.createManyAndReturn({
      data: buildOutboxRows({
        kind: "reconnect_reminder",
        incidentId: incident.id,
        connectionId: incident.connectionId,
        organizationId,
        recipients: members.map(({ userId, user }) => ({ userId, to: user.email })),
        at: now,
        payload: { reminderNumber },
      }),
      skipDuplicates: true,
      select: { id: true },
    });
    queued.push(...rows.map((row) => row.id));
    // The organization's alert channels get the same reminder once each (their rows go out with the relay).
    await queueAlerts(db(), {
      event: "connection.reminder",
      incidentId: incident.id,
      connectionId: incident.connectionId,
      organizationId,
      at: now,
      reminderNumber,
    });
  }
  return queued;
}
