import type { Metadata } from "next";
import { EmailPreferencePage } from "@/components/notifications/email-preference-page";
import { confirmEmailPreference } from "@/lib/notifications/confirm-email-preference-action";
import { emailPreferenceStatus } from "@/lib/notifications/email-preference-status";
import { verifyEmailPreferenceToken } from "@/lib/notifications/email-preference-links";

export const metadata: Metadata = { title: "Snooze reminders" };

export default async function SnoozePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const action = verifyEmailPreferenceToken("snooze", value);
  return (
    <EmailPreferencePage
      kind="snooze"
      token={value}
      status={action && (await emailPreferenceStatus(action))}
      confirm={confirmEmailPreference}
    />
  );
}
