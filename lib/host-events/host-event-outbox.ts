// The host event outbox's adapter: the event signed with Standard Webhooks to the endpoint the row
// names (a removed endpoint takes its rows with it). webhook-id is the row's id, the same on every
// retry, so the host can deduplicate; the body is fixed when queued.
import "server-only";
import { postSignedEvent } from "@/lib/alerts/send-to-channel";
import { db } from "@/lib/db";
import type { HostEventOutbox } from "@/lib/generated/prisma/client";
import { deliverOutboxRow } from "@/lib/outbox/deliver-outbox-row";
import type { OutboxAdapter } from "@/lib/outbox/outbox-adapter";
import { HOST_EVENT_LABELS, hostEventBody, hostEventDataSchema, hostEventSchema } from "./host-events";
import { openWebhookEndpoint } from "./manage-webhook-endpoints";

interface HostDelivery {
  url: string;
  urlHint: string;
  secret: string;
  body: string;
}

export const hostEventOutbox: OutboxAdapter<HostEventOutbox, HostDelivery> = {
  name: "host",
  events: { sent: "host_event_sent", failed: "host_event_failed", sentVerb: "delivered to" },
  async compose(row) {
    const endpoint = await db().hostWebhookEndpoint.findUnique({ where: { id: row.endpointId } });
    if (!endpoint) return { kind: "cancelled", reason: "the endpoint was removed" };
    const event = hostEventSchema.parse(row.event);
    const body = hostEventBody(event, row.createdAt.toISOString(), hostEventDataSchema.parse(row.payload));
    return { kind: "ready", message: { ...openWebhookEndpoint(endpoint), urlHint: endpoint.urlHint, body } };
  },
  async send(row, { url, secret, body }, now) {
    const sent = await postSignedEvent({ url, secret, messageId: `msg_${row.id}`, body, now });
    return { reference: sent.status };
  },
  describe(row, delivery) {
    const label = HOST_EVENT_LABELS[hostEventSchema.safeParse(row.event).data ?? "connection.broken"];
    return { what: `Event to your backend (${label})`, to: delivery?.urlHint ?? "its endpoint" };
  },
};

/** Delivers one host event row now (the job's work; tests call it with a moved clock). */
export function deliverHostEvent(options: { outboxId: string; now?: Date }) {
  return deliverOutboxRow(hostEventOutbox, options);
}
