import "server-only";
import { db } from "@/lib/db";

/** One connection of the organization with its history, oldest first; null when it is not theirs. */
export async function getConnectionTimeline({
  connectionId,
  organizationId,
}: {
  connectionId: string;
  organizationId: string;
}) {
  return db().connection.findFirst({
    where: { id: connectionId, organizationId },
    select: {
      id: true,
      providerName: true,
      status: true,
      statusSince: true,
      finchConnectionId: true,
      company: { select: { legalName: true } },
      events: {
        orderBy: { createdAt: "asc" },
        select: { id: true, type: true, source: true, detail: true, createdAt: true },
      },
    },
  });
}
