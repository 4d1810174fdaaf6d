"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/form-action";
import { acceptInvitation } from "@/lib/orgs/invitations";

/** The onboarding page's "Join" button: only the invited address can accept. */
export const acceptInvitationAction = userAction(
  z.object({ invitationId: z.string().default("") }),
  async ({ invitationId }, user) => {
    await acceptInvitation({ userId: user.id, email: user.email, invitationId });
    return { kind: "success" };
  },
  { returnTo: "/onboarding", redirectTo: "/" },
);
