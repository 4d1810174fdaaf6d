// Applies a one-click email link: unsubscribe from reminders, or snooze one incident's reminders.
// Repeating it changes nothing. Reminders check both before queueing and again before sending.
import "server-only";
import { db } from "@/lib/db";
import type { EmailPreferenceAction } from "./email-preference-links";

/** False when the user or the incident no longer exists. */
export async function applyEmailPreference(
  action: EmailPreferenceAction,
  now = new Date(),
): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: action.userId }, select: { id: true } });
  if (!user) return false;
  if (action.kind === "unsubscribe") {
    await db().emailPreference.upsert({
      where: { userId: action.userId },
      create: { userId: action.userId, remindersUnsubscribedAt: now },
      update: { remindersUnsubscribedAt: now },
    });
    return true;
  }
  const incident = await db().incident.findUnique({ where: { id: action.incidentId }, select: { id: true } });
  if (!incident) return false;
  await db().reminderSnooze.createMany({
    data: [{ incidentId: action.incidentId, userId: action.userId, createdAt: now }],
    skipDuplicates: true,
  });
  return true;
}
