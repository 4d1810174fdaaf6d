"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { formError, type FormState } from "@/lib/form-state";
import { parseRecordId } from "@/lib/http/record-id";
import { acceptInvitation } from "@/lib/orgs/invitations";

/** The onboarding page's "Join" button: only the invited address can accept. */
export async function acceptInvitationAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser("/onboarding");
  try {
    await acceptInvitation({
      userId: user.id,
      email: user.email,
      invitationId: parseRecordId(form.get("invitationId"), "invitation"),
    });
  } catch (error) {
    return formError(error);
  }
  redirect("/");
}
