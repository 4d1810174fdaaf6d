// The first notice of an incident: the connection needs reconnecting, why, and the button.
import "server-only";
import { createElement } from "react";
import { ConnectionBrokenEmail } from "@/components/emails/connection-broken-email";
import { env } from "@/lib/env";
import type { ReadyEmail } from "./composed-email";
import { noticeDetails, type NoticeContext } from "./notice-email-details";

export function composeBrokenEmail(context: NoticeContext): ReadyEmail {
  const { details, headers } = noticeDetails(context);
  return {
    kind: "ready",
    subject: `Action needed: your ${context.connection.providerName} connection needs to be reconnected`,
    react: createElement(ConnectionBrokenEmail, {
      ...details,
      linkValidDays: env().RECONNECT_LINK_TTL_DAYS,
      reminderDays: env().REMINDER_DAYS,
    }),
    headers,
  };
}
