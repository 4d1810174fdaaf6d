// The bytes an alert sends: Slack's incoming-webhook message JSON, or a Standard Webhooks event
// ({ type, timestamp, data }) for the customer's own endpoint.
import { exactTime } from "@/lib/format-time";
import type { AlertEvent, AlertPayload } from "./alert-events";

/** Slack's escaping for message text: &, < and > only, so a name cannot make a link or a mention. */
export function escapeSlackText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackMessage(event: AlertEvent, raw: AlertPayload): { text: string; blocks: object[] } {
  const since = exactTime(raw.since);
  // Names and causes come from customers and providers: escaped wherever Slack reads markup.
  const payload = {
    ...raw,
    provider: escapeSlackText(raw.provider),
    organization: escapeSlackText(raw.organization),
    reason: escapeSlackText(raw.reason),
  };
  const headline = {
    "connection.broken": `:warning: ${payload.provider} needs to be reconnected`,
    "connection.reminder": `:hourglass: ${payload.provider} still needs to be reconnected`,
    "connection.restored": `:white_check_mark: ${payload.provider} is working again`,
  }[event];
  const details =
    event === "connection.restored"
      ? `${payload.organization}'s ${payload.provider} connection, broken since ${since}, was ${payload.how ?? "reconnected"}.`
      : `${payload.organization}'s ${payload.provider} connection has been broken since ${since}.\n*Cause:* ${payload.reason}`;
  const link = event === "connection.restored" ? "Open the connection" : `Reconnect ${payload.provider}`;
  // A plain_text button shows its text as is: no escaping there.
  const plainLink = event === "connection.restored" ? link : `Reconnect ${raw.provider}`;
  const text = `${headline}\n${details}\n<${raw.reconnectUrl}|${link}>`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${headline}*\n${details}` } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: plainLink }, url: raw.reconnectUrl }],
      },
    ],
  };
}

export function webhookEvent(event: AlertEvent, payload: AlertPayload): string {
  return JSON.stringify({ type: event, timestamp: payload.occurredAt, data: payload });
}
