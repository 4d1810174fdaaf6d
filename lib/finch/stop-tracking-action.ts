"use server";

// "Stop tracking" on one company of a multi-entity connection: Finch's POST /disconnect-entity for it,
// the others keep working on the same token (stop-tracking-entity.ts).
import { z } from "zod";
import { memberAction } from "@/lib/actions/form-action";
import { recordIdSchema } from "@/lib/http/record-id";
import { stopTrackingEntity } from "./stop-tracking-entity";

export const stopTrackingAction = memberAction(
  z.object({ connectionId: recordIdSchema("connection"), entityId: recordIdSchema("company") }),
  async ({ connectionId, entityId }, member) => {
    await stopTrackingEntity({
      connectionId,
      organizationId: member.organization.id,
      finchEntityId: entityId,
      userId: member.id,
    });
    return { kind: "success" };
  },
);
