// The events the host's webhook endpoints receive, the data each carries, and their dedupe keys: one
// delivery per endpoint per occurrence (an incident's start or end, a reconnect, an import). The data
// names the connection and its status, never a token.
import { z } from "zod";

export const hostEventSchema = z.enum([
  "connection.broken",
  "connection.restored",
  "connection.token_rotated",
  "connection.imported",
]);
export type HostEvent = z.infer<typeof hostEventSchema>;

/** The event's data, fixed when queued: every retry sends the same body. Ids and status only. */
export const hostEventDataSchema = z.strictObject({
  connection_id: z.string(),
  finch_connection_id: z.string(),
  organization: z.strictObject({ id: z.string(), external_id: z.string().nullable(), name: z.string() }),
  provider_id: z.string(),
  provider_name: z.string(),
  status: z.string(),
  status_since: z.string(),
  detection_path: z.string().nullable(),
  token_rotated_at: z.string(),
  incident_id: z.string().optional(),
  reason: z.string().nullable().optional(),
  how: z.enum(["reconnected", "recovered"]).optional(),
});
export type HostEventData = z.infer<typeof hostEventDataSchema>;

/** The body on the wire: Standard Webhooks' { type, timestamp, data }. */
export function hostEventBody(event: HostEvent, occurredAt: string, data: HostEventData): string {
  return JSON.stringify({ type: event, timestamp: occurredAt, data });
}

/** One row per endpoint and occurrence (e.g. the incident, or the Connect attempt of a reconnect). */
export function hostEventDedupeKey(event: HostEvent, occurrence: string, endpointId: string): string {
  return `${event}:${occurrence}:${endpointId}`;
}

/** What the timeline says about a delivery. */
export const HOST_EVENT_LABELS: Record<HostEvent, string> = {
  "connection.broken": "broken",
  "connection.restored": "restored",
  "connection.token_rotated": "token rotated",
  "connection.imported": "imported",
};
