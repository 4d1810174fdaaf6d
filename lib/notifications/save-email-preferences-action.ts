"use server";

import { z } from "zod";
import { memberAction } from "@/lib/actions/form-action";
import { setEmailPreferences } from "./member-email-preferences";

// A checkbox that is absent from the form is off.
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

/** Saves the member's own email settings. */
export const saveEmailPreferencesAction = memberAction(
  z.object({ broken: checkbox, reminders: checkbox, restored: checkbox }),
  async (preferences, member) => {
    await setEmailPreferences({ userId: member.id, preferences });
    return { kind: "success", message: "Email settings saved." };
  },
  { returnTo: "/settings/email", revalidate: ["/settings/email"] },
);
