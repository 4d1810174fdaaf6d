// What a one-click email link's confirmation page shows: whether it was already applied, and which
// connection a snooze is about.
import "server-only";
import { db } from "@/lib/db";
import type { EmailPreferenceAction } from "./email-preference-links";

export interface EmailPreferenceStatus {
  applied: boolean;
  providerName: string | null;
}

export async function emailPreferenceStatus(
  action: EmailPreferenceAction,
): Promise<EmailPreferenceStatus | null> {
  if (action.kind === "unsubscribe") {
    const user = await db().user.findUnique({
      where: { id: action.userId },
      select: { emailPreference: { select: { remindersUnsubscribedAt: true } } },
    });
    return user
      ? { applied: Boolean(user.emailPreference?.remindersUnsubscribedAt), providerName: null }
      : null;
  }
  const incident = await db().incident.findUnique({
    where: { id: action.incidentId },
    select: {
      connection: { select: { providerName: true } },
      snoozes: { where: { userId: action.userId }, select: { userId: true } },
    },
  });
  return incident
    ? { applied: incident.snoozes.length > 0, providerName: incident.connection.providerName }
    : null;
}
