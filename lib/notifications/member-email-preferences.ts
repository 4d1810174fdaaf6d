// A member's own email settings: each kind of connection email on or off. Turning reminders back on
// is how someone who used a one-click unsubscribe link re-subscribes.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

export const emailPreferencesSchema = z.object({
  broken: z.boolean(),
  reminders: z.boolean(),
  restored: z.boolean(),
});
export type EmailPreferences = z.infer<typeof emailPreferencesSchema>;

export async function getEmailPreferences(userId: string): Promise<EmailPreferences> {
  const row = await db().emailPreference.findUnique({
    where: { userId },
    select: { brokenUnsubscribedAt: true, remindersUnsubscribedAt: true, restoredUnsubscribedAt: true },
  });
  return {
    broken: !row?.brokenUnsubscribedAt,
    reminders: !row?.remindersUnsubscribedAt,
    restored: !row?.restoredUnsubscribedAt,
  };
}

export interface SetEmailPreferencesOptions {
  userId: string;
  preferences: EmailPreferences;
  now?: Date;
}

/** An "off" keeps its original date when saved again, so the page never moves an unsubscribe. */
export async function setEmailPreferences({
  userId,
  preferences,
  now = new Date(),
}: SetEmailPreferencesOptions): Promise<void> {
  const current = await db().emailPreference.findUnique({ where: { userId } });
  const offSince = (on: boolean, since: Date | null | undefined) => (on ? null : (since ?? now));
  const data = {
    brokenUnsubscribedAt: offSince(preferences.broken, current?.brokenUnsubscribedAt),
    remindersUnsubscribedAt: offSince(preferences.reminders, current?.remindersUnsubscribedAt),
    restoredUnsubscribedAt: offSince(preferences.restored, current?.restoredUnsubscribedAt),
  };
  await db().emailPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}
