// Turns an outbox row into the email to send, from the database as it is now. Everything in it is
// derived from stored values (dates in UTC, link lifetimes counted from the row's creation), so a
// retry renders the same bytes and Resend's idempotency key recognizes it. Notices about an incident
// that has ended, or for someone no longer in the organization, are not sent at all.
import "server-only";
import { createElement, type ReactElement } from "react";
import { ConnectionBrokenEmail } from "@/components/emails/connection-broken-email";
import { ConnectionRestoredEmail } from "@/components/emails/connection-restored-email";
import { ReconnectReminderEmail } from "@/components/emails/reconnect-reminder-email";
import { affectedServices } from "@/lib/connections/affected-services";
import { REAUTH_REASON } from "@/lib/connections/connection-status";
import { repairAdvice } from "@/lib/connections/repair-advice";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { exactTime } from "@/lib/format-time";
import type { EmailOutbox } from "@/lib/generated/prisma/client";
import { composeHandOffEmail } from "./compose-hand-off-email";
import { emailPreferencePageUrl, oneClickUnsubscribeUrl } from "./email-preference-links";
import { outboxKindSchema, outboxPayloadSchema } from "./outbox-email-kinds";
import { reconnectLinkUrl } from "./reconnect-link";
import { restoredEmailReceipt } from "./restored-email-receipt";

export type ComposedEmail =
  | { kind: "ready"; subject: string; react: ReactElement; headers?: Record<string, string> }
  | { kind: "cancelled"; reason: string };

export type ReadyEmail = Extract<ComposedEmail, { kind: "ready" }>;

const DAY_MS = 24 * 60 * 60 * 1000;

export async function composeOutboxEmail(row: EmailOutbox): Promise<ComposedEmail> {
  const kind = outboxKindSchema.parse(row.kind);
  if (kind === "repair_handoff") return composeHandOffEmail(row);
  const payload = outboxPayloadSchema.parse(row.payload);
  const [connection, incident, membership, snooze, preference] = await Promise.all([
    db().connection.findFirst({
      where: { id: row.connectionId, organizationId: row.organizationId },
      select: {
        providerId: true,
        providerName: true,
        finchStatus: true,
        authenticationType: true,
        products: true,
        status: true,
        organization: { select: { name: true } },
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

  const common = {
    organizationName: connection.organization.name,
    providerName: connection.providerName,
    services: affectedServices(connection.products),
  };
  // Checked again at send time: the member may have turned this kind off since it was queued.
  const turnedOff = {
    connection_broken: preference?.brokenUnsubscribedAt,
    reconnect_reminder: null, // below, with snoozes
    connection_restored: preference?.restoredUnsubscribedAt,
  }[kind];
  if (turnedOff) return { kind: "cancelled", reason: "the recipient turned these emails off" };
  if (kind === "connection_restored") {
    const how = payload.how ?? "reconnected";
    const receipt = await restoredEmailReceipt({
      incidentId: incident.id,
      resolvedAt: incident.resolvedAt,
      how,
    });
    return {
      kind: "ready",
      subject:
        how === "reconnected"
          ? `Reconnected: ${connection.providerName} is working again`
          : `${connection.providerName} is working again`,
      react: createElement(ConnectionRestoredEmail, {
        ...common,
        how,
        receipt: receipt?.checks ?? [],
        reconnectedBy: receipt?.reconnectedBy ?? null,
        dashboardUrl: new URL("/", env().APP_URL).toString(),
      }),
    };
  }

  if (incident.resolvedAt || connection.status !== "needs_reauth")
    return { kind: "cancelled", reason: "the connection no longer needs reconnecting" };
  if (kind === "reconnect_reminder" && (snooze || preference?.remindersUnsubscribedAt))
    return { kind: "cancelled", reason: "the recipient snoozed or unsubscribed from reminders" };
  const advice = repairAdvice(connection);
  const issuedAt = row.createdAt;
  const unsubscribeUrl = emailPreferencePageUrl({ kind: "unsubscribe", userId: row.userId }, issuedAt);
  // RFC 2369 / RFC 8058: mail clients show their own "Unsubscribe" and POST to this URL.
  const headers = {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(row.userId, issuedAt)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  const details = {
    ...common,
    since: exactTime(incident.startedAt.toISOString()),
    reason: advice?.happened ?? incident.reason ?? REAUTH_REASON,
    steps: advice?.todo ?? [],
    reconnectUrl: reconnectLinkUrl({ connectionId: row.connectionId, userId: row.userId, issuedAt }),
    unsubscribeUrl,
  };
  if (kind === "connection_broken") {
    return {
      kind: "ready",
      subject: `Action needed: your ${connection.providerName} connection needs to be reconnected`,
      react: createElement(ConnectionBrokenEmail, {
        ...details,
        linkValidDays: env().RECONNECT_LINK_TTL_DAYS,
        reminderDays: env().REMINDER_DAYS,
      }),
      headers,
    };
  }
  return {
    kind: "ready",
    subject: `Reminder: your ${connection.providerName} connection still needs to be reconnected`,
    react: createElement(ReconnectReminderEmail, {
      ...details,
      daysBroken: Math.max(1, Math.floor((issuedAt.getTime() - incident.startedAt.getTime()) / DAY_MS)),
      snoozeUrl: emailPreferencePageUrl(
        { kind: "snooze", userId: row.userId, incidentId: incident.id },
        issuedAt,
      ),
    }),
    headers,
  };
}
