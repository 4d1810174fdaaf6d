"use server";

import { z } from "zod";
import { memberAction } from "@/lib/actions/form-action";
import { inviteMember } from "@/lib/orgs/invitations";

/** The team page's invitation form; inviteMember checks the address and the sending limits. */
export const inviteMemberAction = memberAction(
  z.object({ email: z.string().default("") }),
  async ({ email }, member) => {
    const invitation = await inviteMember({ inviter: member, email });
    return { kind: "success", message: `Invitation sent to ${invitation.email}.` };
  },
  { returnTo: "/team", revalidate: ["/team"] },
);
