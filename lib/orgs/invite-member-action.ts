"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/session";
import { formError, type FormState } from "@/lib/form-state";
import { inviteMember } from "@/lib/orgs/invitations";

export async function inviteMemberAction(_: FormState, form: FormData): Promise<FormState> {
  const member = await requireMember("/team");
  try {
    const invitation = await inviteMember({ inviter: member, email: String(form.get("email") ?? "") });
    revalidatePath("/team");
    return { kind: "success", message: `Invitation sent to ${invitation.email}.` };
  } catch (error) {
    return formError(error);
  }
}
