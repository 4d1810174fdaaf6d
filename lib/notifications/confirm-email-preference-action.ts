"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { applyEmailPreference } from "@/lib/notifications/apply-email-preference";
import { verifyEmailPreferenceToken } from "@/lib/notifications/email-preference-links";

const formSchema = z.object({ kind: z.enum(["unsubscribe", "snooze"]), token: z.string().min(1).max(1024) });

/** The confirmation button of an emailed unsubscribe or snooze link; the page then shows the result. */
export async function confirmEmailPreference(formData: FormData): Promise<void> {
  const form = formSchema.safeParse(Object.fromEntries(formData));
  if (!form.success) redirect("/email/unsubscribe");
  const action = verifyEmailPreferenceToken(form.data.kind, form.data.token);
  if (action) await applyEmailPreference(action);
  redirect(`/email/${form.data.kind}?token=${encodeURIComponent(form.data.token)}`);
}
