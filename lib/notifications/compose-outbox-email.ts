// Turns an outbox row into the email to send, from the database as it is now. Everything in it is
// derived from stored values (dates in UTC, link lifetimes counted from the row's creation), so a
// retry renders the same bytes and Resend's idempotency key recognizes it. Notices about an incident
// that has ended, or for someone no longer in the organization, are not sent at all. This file reads
// and checks; each kind has its composer in a file of its own.
import "server-only";
import { REPAIR_ADVICE_SELECT } from "@/lib/connections/repair-advice";
import { db } from "@/lib/db";
import type { EmailOutbox } from "@/lib/generated/prisma/client";
import { composeBrokenEmail } from "./compose-broken-email";
import { composeHandOffEmail } from "./compose-hand-off-email";
import { composeReminderEmail } from "./compose-reminder-email";
import { composeRestoredEmail } from "./compose-restored-email";
import type { ComposedEmail } from "./composed-email";
import type { NoticeContext } from "./notice-email-details";
import { outboxKindSchema, outboxPayloadSchema } from "./outbox-email-kinds";

export async function composeOutboxEmail(row: EmailOutbox): Promise<ComposedEmail> {
  const kind = outboxKindSchema.parse(row.kind);
  if (kind === "repair_handoff") return composeHandOffEmail(row);
  const payload = outboxPayloadSchema.parse(row.payload);
  const [connection, incident, membership, snooze, preference] = await Promise.all([
    db().connection.findFirst({
      where: { id: row.connectionId, organizationId: row.organizationId },
      select: {
        ...REPAIR_ADVICE_SELECT,
        products: true,
        organization: { select: { name: true } },
        statusReason: true,
        _count: { select: { entities: true } },
      },
    }),
    row.incidentId
      ? db().incident.findUnique({
          where: { id: row.incidentId },
          select: { id: true, startedAt: true, reason: true, resolvedAt: true },
        })
      : null,
    db().membership.findFirst({
      where: { userId: row.userId, organizationId: row.organizationId },
      select: { id: true },
    }),
    row.incidentId
      ? db().reminderSnooze.findUnique({
          where: { incidentId_userId: { incidentId: row.incidentId, userId: row.userId } },
        })
      : null,
    db().emailPreference.findUnique({
      where: { userId: row.userId },
      select: { remindersUnsubscribedAt: true, brokenUnsubscribedAt: true, restoredUnsubscribedAt: true },
    }),
  ]);
  if (!connection || !incident)
    return { kind: "cancelled", reason: "the connection or incident no longer exists" };
  if (!membership) return { kind: "cancelled", reason: "the recipient left the organization" };

  const context: NoticeContext = { row, connection, incident, payload };
  // Checked again at send time: the member may have turned this kind off since it was queued.
  const turnedOff = {
    connection_broken: preference?.brokenUnsubscribedAt,
    reconnect_reminder: null, // below, with snoozes
    connection_restored: preference?.restoredUnsubscribedAt,
  }[kind];
  if (turnedOff) return { kind: "cancelled", reason: "the recipient turned these emails off" };
  if (kind === "connection_restored") return composeRestoredEmail(context);
  if (incident.resolvedAt || connection.status !== "needs_reauth")
    return { kind: "cancelled", reason: "the connection no longer needs reconnecting" };
  if (kind === "connection_broken") return composeBrokenEmail(context);
  if (snooze || preference?.remindersUnsubscribedAt)
    return { kind: "cancelled", reason: "the recipient snoozed or unsubscribed from reminders" };
  return composeReminderEmail(context);
}
