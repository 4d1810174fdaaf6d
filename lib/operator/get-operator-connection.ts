// Any connection with its organization and history, for the operator console (no organization check:
// the caller has passed requireOperator).
import "server-only";
import { db } from "@/lib/db";

export async function getOperatorConnection(connectionId: string) {
  return db().connection.findUnique({
    where: { id: connectionId },
    select: {
      id: true,
      providerName: true,
      status: true,
      statusSince: true,
      statusSource: true,
      finchConnectionId: true,
      organization: { select: { id: true, name: true } },
      company: { select: { legalName: true } },
      events: {
        orderBy: { createdAt: "asc" },
        select: { id: true, type: true, source: true, detail: true, createdAt: true },
      },
    },
  });
}
