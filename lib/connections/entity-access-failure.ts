// Whether the last reconnect of a multi-entity connection failed because the person signing in cannot
// see every company on it (a failed Connect attempt saying so since the problem began), and which
// companies someone must be able to see.
import "server-only";
import { db } from "@/lib/db";
import { ENTITY_ACCESS_ERROR_PHRASE } from "@/lib/finch/spec/entity-access";
import { UNNAMED_ENTITY } from "./derive-connection-status";

/** The live companies' names when such a failure happened since `since`; null otherwise. */
export async function entityAccessFailure(connectionId: string, since: Date): Promise<string[] | null> {
  const failed = await db().connectionEvent.count({
    where: {
      connectionId,
      type: "connect_attempt_failed",
      createdAt: { gte: since },
      detail: { contains: ENTITY_ACCESS_ERROR_PHRASE },
    },
  });
  if (failed === 0) return null;
  const entities = await db().connectionEntity.findMany({
    where: { connectionId, finchStatus: { not: "disconnected" } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return entities.map((e) => e.name ?? UNNAMED_ENTITY);
}
