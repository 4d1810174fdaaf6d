// Writes one event row per host webhook endpoint inside the caller's transaction (the outbox), so an
// event exists exactly when the change it reports does; the dedupe key makes it once per endpoint.
// The caller dispatches the rows after commit (dispatchHostEvents), or the relay does.
import "server-only";
import type { Tx } from "@/lib/db";
import { newOutboxRows } from "@/lib/outbox/new-outbox-rows";
import { EVENT_CONNECTION_SELECT, hostEventData, type EventExtras } from "./host-event-data";
import { hostEventDedupeKey, type HostEvent } from "./host-events";

export interface QueueHostEventOptions extends EventExtras {
  event: HostEvent;
  connectionId: string;
  /**
   * What makes this occurrence one: the incident's id for broken and restored. Absent: the version of
   * the stored token (when it was written), for token_rotated and imported.
   */
  occurrence?: string;
  at: Date;
}

type Writer = Pick<Tx, "hostWebhookEndpoint" | "hostEventOutbox" | "connection">;

/** Returns the ids of the rows written (none when the host has no endpoints). */
export async function queueHostEvent(tx: Writer, options: QueueHostEventOptions): Promise<string[]> {
  const { event, connectionId, occurrence, at, incidentId, how } = options;
  const endpoints = await tx.hostWebhookEndpoint.findMany({ select: { id: true } });
  if (endpoints.length === 0) return [];
  const connection = await tx.connection.findUnique({
    where: { id: connectionId },
    select: EVENT_CONNECTION_SELECT,
  });
  if (!connection) return [];
  const once = occurrence ?? `token:${connection.tokenUpdatedAt.toISOString()}`;
  const payload = hostEventData(connection, { incidentId, how });
  const rows = await tx.hostEventOutbox.createManyAndReturn({
    data: newOutboxRows(
      endpoints,
      (endpoint) => ({
        dedupeKey: hostEventDedupeKey(event, once, endpoint.id),
        endpointId: endpoint.id,
        event,
      }),
      {
        organizationId: connection.organization.id,
        connectionId,
        incidentId: incidentId ?? null,
        payload,
        at,
      },
    ),
    skipDuplicates: true,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
