"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { formError, type FormState } from "@/lib/form-state";
import { createOrganization } from "@/lib/orgs/create-organization";

/** The onboarding form's action: the new organization's first member lands on the dashboard. */
export async function createOrganizationAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser("/onboarding");
  try {
    await createOrganization({ userId: user.id, name: String(form.get("name") ?? "") });
  } catch (error) {
    return formError(error);
  }
  redirect("/");
}
