// The data of an event to the host, built from the connection's row as it is when the event is queued:
// ids, status and when it changed. The row is selected column by column, so no token can reach it.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HostEventData } from "./host-events";

export const EVENT_CONNECTION_SELECT = {
  id: true,
  finchConnectionId: true,
  providerId: true,
  providerName: true,
  finchStatus: true,
  statusReason: true,
  statusSince: true,
  statusSource: true,
  tokenUpdatedAt: true,
  organization: { select: { id: true, externalId: true, name: true } },
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
    finch_connection_id: row.finchConnectionId,
    organization: {
      id: row.organization.id,
      external_id: row.organization.externalId,
      name: row.organization.name,
    },
    provider_id: row.providerId,
    provider_name: row.providerName,
    status: row.finchStatus,
    status_since: row.statusSince.toISOString(),
    detection_path: row.statusSource,
    token_rotated_at: row.tokenUpdatedAt.toISOString(),
    reason: row.statusReason,
    ...(incidentId && { incident_id: incidentId }),
    ...(how && { how }),
  };
}
