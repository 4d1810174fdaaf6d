// A reminder while the connection stays broken: how long it has been, and a link to snooze.
import "server-only";
import { createElement } from "react";
import { ReconnectReminderEmail } from "@/components/emails/reconnect-reminder-email";
import type { ReadyEmail } from "./composed-email";
import { emailPreferencePageUrl } from "./email-preference-links";
import { noticeDetails, type NoticeContext } from "./notice-email-details";

const DAY_MS = 24 * 60 * 60 * 1000;

export function composeReminderEmail(context: NoticeContext): ReadyEmail {
  const { row, incident } = context;
  const { details, headers } = noticeDetails(context);
  const issuedAt = row.createdAt;
  return {
    kind: "ready",
    subject: `Reminder: your ${context.connection.providerName} connection still needs to be reconnected`,
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
