// "Stop tracking" one company of a multi-entity connection: Finch's POST /disconnect-entity through the
// gateway (so within the call budget), then the entity is recorded as disconnected and the connection's
// status derives from the companies left (finch-reference §13: the token stays valid for them).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyEntityStatuses } from "@/lib/signals/apply-entity-statuses";
import { callFinch } from "./call-finch";

export interface StopTrackingOptions {
  connectionId: string;
  organizationId: string;
  finchEntityId: string;
  userId: string;
}

export async function stopTrackingEntity(options: StopTrackingOptions): Promise<void> {
  const { connectionId, organizationId, finchEntityId } = options;
  const entity = await db().connectionEntity.findFirst({
    where: { connectionId, finchEntityId, connection: { organizationId } },
    select: { finchStatus: true },
  });
  if (!entity) throw new AppError("not_found", "This company is not part of the connection.");
  if (entity.finchStatus !== "disconnected") {
    await callFinch({ connectionId, organizationId }, (finch) =>
      finch.account.disconnectEntity({ entity_ids: [finchEntityId] }),
    );
  }
  await applyEntityStatuses({
    connectionId,
    entities: [{ finchEntityId, finchStatus: "disconnected" }],
    source: "api_error",
    actorUserId: options.userId,
  });
}
