// The alert outbox's adapter: a Slack message or a signed webhook event per row, to the channel the
// row names (a removed channel cancels it). webhook-id is the row's id, the same on every retry.
import "server-only";
import { db } from "@/lib/db";
import type { AlertChannel, AlertOutbox } from "@/lib/generated/prisma/client";
import { deliverOutboxRow } from "@/lib/outbox/deliver-outbox-row";
import type { OutboxAdapter } from "@/lib/outbox/outbox-adapter";
import {
  ALERT_EVENT_LABELS,
  alertEventSchema,
  alertPayloadSchema,
  type AlertEvent,
  type AlertPayload,
} from "./alert-events";
import { sendToChannel } from "./send-to-channel";

const CHANNEL_NAMES = { slack: "Slack", webhook: "webhook endpoint" } as const;

interface Alert {
  channel: AlertChannel;
  event: AlertEvent;
  payload: AlertPayload;
}

export const alertOutbox: OutboxAdapter<AlertOutbox, Alert> = {
  name: "alert",
  events: { sent: "alert_sent", failed: "alert_failed", sentVerb: "delivered to" },
  async compose(row) {
    const channel = await db().alertChannel.findUnique({ where: { id: row.channelId } });
    if (!channel) return { kind: "cancelled", reason: "the channel was removed" };
    const event = alertEventSchema.parse(row.event);
    return { kind: "ready", message: { channel, event, payload: alertPayloadSchema.parse(row.payload) } };
  },
  async send(row, { channel, event, payload }, now) {
    const sent = await sendToChannel({ channel, messageId: `msg_${row.id}`, event, payload, now });
    return { reference: sent.status };
  },
  describe(row, alert) {
    const label = ALERT_EVENT_LABELS[alertEventSchema.safeParse(row.event).data ?? "connection.broken"];
    const channel = alert ? CHANNEL_NAMES[alert.channel.kind] : "channel";
    return { what: `${channel} alert (${label})`, to: alert?.channel.urlHint ?? "its channel" };
  },
};

/** Delivers one alert outbox row now (the job's work; tests call it with a moved clock). */
export function deliverAlert(options: { outboxId: string; now?: Date }) {
  return deliverOutboxRow(alertOutbox, options);
}
