// Writes one alert outbox row per channel of the organization, inside the transaction that opened or
// closed the incident (or queued a reminder), so an alert exists exactly when its event does.
import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { newOutboxRows } from "@/lib/outbox/new-outbox-rows";
import { alertDedupeKey, type AlertEvent, type AlertPayload } from "./alert-events";

export interface QueueAlertsOptions {
  event: AlertEvent;
  incidentId: string;
  connectionId: string;
  organizationId: string;
  at: Date;
  reminderNumber?: number;
  how?: "reconnected" | "recovered";
}

type Writer = Pick<Tx, "alertChannel" | "alertOutbox" | "incident">;

/** Returns the ids of the rows written (none when the organization has no channels). */
export async function queueAlerts(tx: Writer, options: QueueAlertsOptions): Promise<string[]> {
  const { event, incidentId, connectionId, organizationId, at, reminderNumber, how } = options;
  const channels = await tx.alertChannel.findMany({ where: { organizationId }, select: { id: true } });
  if (channels.length === 0) return [];
  const incident = await tx.incident.findUnique({
    where: { id: incidentId },
    select: {
      startedAt: true,
      resolvedAt: true,
      reason: true,
      connection: { select: { providerName: true, organization: { select: { name: true } } } },
    },
  });
  if (!incident) return [];
  const payload: AlertPayload = {
    connectionId,
    provider: incident.connection.providerName,
    organization: incident.connection.organization.name,
    incidentId,
    since: incident.startedAt.toISOString(),
    reason: incident.reason ?? "The payroll provider asks for the connection to be authorized again.",
    // The page that shows the banner and its "Reconnect" button; sign-in brings the reader back to it.
    reconnectUrl: new URL(`/connections/${connectionId}`, env().APP_URL).toString(),
    occurredAt: at.toISOString(),
    ...(incident.resolvedAt && { resolvedAt: incident.resolvedAt.toISOString() }),
    ...(how && { how }),
    ...(reminderNumber && { reminderNumber }),
  };
  const rows = await tx.alertOutbox.createManyAndReturn({
    data: newOutboxRows(
      channels,
      (channel) => ({
        dedupeKey: alertDedupeKey(event, incidentId, channel.id, reminderNumber),
        channelId: channel.id,
        event,
      }),
      { organizationId, connectionId, incidentId, payload, at },
    ),
    skipDuplicates: true,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
