"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { formError, type FormState } from "@/lib/form-state";
import { createOrganization } from "@/lib/orgs/create-organization";
import { acceptInvitation } from "@/lib/orgs/invitations";

export async function createOrganizationAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser("/onboarding");
  try {
    await createOrganization({ userId: user.id, name: String(form.get("name") ?? "") });
  } catch (error) {
    return formError(error);
  }
  redirect("/");
}

export async function acceptInvitationAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser("/onboarding");
  try {
    await acceptInvitation({
      userId: user.id,
      email: user.email,
      invitationId: String(form.get("invitationId") ?? ""),
    });
  } catch (error) {
    return formError(error);
  }
  redirect("/");
}
