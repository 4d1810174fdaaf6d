// The data of an event to the host, built from the connection's row as it is when the event is queued:
// ids, status and when it changed (connectionFacts, as the API shows a connection), and the reason.
import { connectionFacts, CONNECTION_FACTS_SELECT } from "@/lib/connections/connection-facts";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HostEventData } from "./host-events";

export const EVENT_CONNECTION_SELECT = {
  ...CONNECTION_FACTS_SELECT,
  statusReason: true,
} satisfies Prisma.ConnectionSelect;

export type EventConnection = Prisma.ConnectionGetPayload<{ select: typeof EVENT_CONNECTION_SELECT }>;

export interface EventExtras {
  incidentId?: string;
  how?: "reconnected" | "recovered";
}

/** Every field named one by one: whatever else the row holds never reaches the host. */
export function hostEventData(row: EventConnection, { incidentId, how }: EventExtras = {}): HostEventData {
  return {
    connection_id: row.id,
    ...connectionFacts(row),
    reason: row.statusReason,
    ...(incidentId && { incident_id: incidentId }),
    ...(how && { how }),
  };
}
