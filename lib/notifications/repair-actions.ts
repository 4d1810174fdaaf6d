"use server";

// What a member does about a broken connection besides reconnecting: hand the repair to a colleague
// ("Not the right person?"), and the record of a Finch Connect attempt that ended without success.
import { z } from "zod";
import { memberAction } from "@/lib/actions/form-action";
import { recordIdSchema } from "@/lib/http/record-id";
import { recordFailedAttempt } from "@/lib/connections/failed-attempts";
import { handOffRepair } from "./hand-off-repair";

export const handOffAction = memberAction(
  z.object({ connectionId: recordIdSchema("connection"), email: z.string().max(320).default("") }),
  async ({ connectionId, email }, member) => {
    const { sentTo } = await handOffRepair({ member, connectionId, email });
    return {
      kind: "success",
      message: `Sent to ${sentTo}. We will tell you when the connection works again.`,
    };
  },
);

export const reportConnectAttemptAction = memberAction(
  z.object({
    connectionId: recordIdSchema("connection"),
    outcome: z.enum(["error", "closed"]),
    message: z.string().max(500).optional(),
  }),
  async ({ connectionId, ...attempt }, member) => {
    await recordFailedAttempt({
      connectionId,
      organizationId: member.organization.id,
      userId: member.id,
      ...attempt,
    });
    return { kind: "success" };
  },
);
