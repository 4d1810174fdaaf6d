// The notices a transition's plan asks for, written in its transaction (the outbox): when an incident
// opens, the members' emails and the organization's alerts, held back if the burst is a provider
// outage; when it ends, pending notices cancelled and a "restored" notice to those who were told.
// The host's backend gets connection.broken and connection.restored too, never held.
import "server-only";
import { queueAlerts } from "@/lib/alerts/queue-alerts";
import type { Notice } from "@/lib/connections/decide-transition";
import type { Tx } from "@/lib/db";
import { queueHostEvent } from "@/lib/host-events/queue-host-event";
import { closeIncidentEmails } from "@/lib/notifications/close-incident-emails";
import { queueBrokenEmails } from "@/lib/notifications/queue-broken-emails";
import { holdNoticesDuringOutage } from "@/lib/outages/hold-notices-during-outage";
import type { OutageThresholds } from "@/lib/outages/outage-thresholds";

export interface IncidentScope {
  incidentId: string;
  connectionId: string;
  organizationId: string;
  providerId: string;
  providerName: string;
  at: Date;
  outageThresholds?: OutageThresholds;
}

/** Returns the id of the provider outage holding the notices, if one does. */
export async function queueIncidentNotices(
  tx: Tx,
  notice: Notice,
  scope: IncidentScope,
): Promise<string | undefined> {
  const { incidentId, connectionId, organizationId, at } = scope;
  const ids = { incidentId, connectionId, organizationId, at };
  if (notice.kind === "broken") {
    await queueBrokenEmails(tx, ids);
    await queueAlerts(tx, { ...ids, event: "connection.broken" });
    await queueHostEvent(tx, { ...ids, event: "connection.broken", occurrence: incidentId });
    // A burst of breakages at one provider holds those notices back (a provider outage).
    const outageId = await holdNoticesDuringOutage(tx, {
      providerId: scope.providerId,
      providerName: scope.providerName,
      at,
      thresholds: scope.outageThresholds,
    });
    return outageId ?? undefined;
  }
  await closeIncidentEmails(tx, { ...ids, restored: notice.restored });
  if (notice.restored) {
    const restored = { ...ids, event: "connection.restored" as const, how: notice.restored };
    await queueAlerts(tx, restored);
    await queueHostEvent(tx, { ...restored, occurrence: incidentId });
  }
  return undefined;
}
