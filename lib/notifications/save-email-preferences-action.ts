"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/session";
import type { FormState } from "@/lib/form-state";
import { setEmailPreferences } from "./member-email-preferences";

/** Saves the member's own email settings; a checkbox that is absent from the form is off. */
export async function saveEmailPreferencesAction(_: FormState, form: FormData): Promise<FormState> {
  const member = await requireMember("/settings/email");
  await setEmailPreferences({
    userId: member.id,
    preferences: {
      broken: form.get("broken") === "on",
      reminders: form.get("reminders") === "on",
      restored: form.get("restored") === "on",
    },
  });
  revalidatePath("/settings/email");
  return { kind: "success", message: "Email settings saved." };
}
