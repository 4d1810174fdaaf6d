// The events an organization's alert channels receive, the data each carries and their dedupe keys:
// one delivery per channel per incident event, however many paths or instances report it.
import { z } from "zod";

export const alertEventSchema = z.enum(["connection.broken", "connection.reminder", "connection.restored"]);
export type AlertEvent = z.infer<typeof alertEventSchema>;

/** The event's data, fixed when it is queued: every retry sends the same body. */
export const alertPayloadSchema = z.object({
  connectionId: z.string(),
  provider: z.string(),
  organization: z.string(),
  incidentId: z.string(),
  since: z.string(),
  reason: z.string(),
  reconnectUrl: z.string(),
  occurredAt: z.string(),
  resolvedAt: z.string().optional(),
  how: z.enum(["reconnected", "recovered"]).optional(),
  reminderNumber: z.number().int().positive().optional(),
});
export type AlertPayload = z.infer<typeof alertPayloadSchema>;

export function alertDedupeKey(
  event: AlertEvent,
  incidentId: string,
  channelId: string,
  reminderNumber?: number,
): string {
  const base = `${event}:${incidentId}:${channelId}`;
  return event === "connection.reminder" ? `${base}:${reminderNumber ?? 1}` : base;
}

/** What the timeline says about a delivery. */
export const ALERT_EVENT_LABELS: Record<AlertEvent, string> = {
  "connection.broken": "broken",
  "connection.reminder": "reminder",
  "connection.restored": "restored",
};
