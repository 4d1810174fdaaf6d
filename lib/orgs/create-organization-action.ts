"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/form-action";
import { createOrganization } from "@/lib/orgs/create-organization";

/** The onboarding form's action: the new organization's first member lands on the dashboard. */
export const createOrganizationAction = userAction(
  z.object({ name: z.string().default("") }),
  async ({ name }, user) => {
    await createOrganization({ userId: user.id, name });
    return { kind: "success" };
  },
  { returnTo: "/onboarding", redirectTo: "/" },
);
