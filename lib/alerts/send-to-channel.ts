// Posts one alert to a channel: Slack's message JSON, or the event signed with the Standard Webhooks
// scheme (webhook-id is the outbox row's id, the same on every retry, so the receiver can deduplicate).
import "server-only";
import { Webhook } from "standardwebhooks";
import { env } from "@/lib/env";
import type { AlertChannel } from "@/lib/generated/prisma/client";
import type { AlertEvent, AlertPayload } from "./alert-events";
import { openChannelValue } from "./channel-secrets";
import { strictFor } from "./outbound-policy";
import { slackMessage, webhookEvent } from "./compose-alert";
import { safePost, type SafePostResult } from "./safe-post";

export interface SendToChannelOptions {
  channel: Pick<
    AlertChannel,
    "id" | "kind" | "urlCiphertext" | "urlKeyId" | "secretCiphertext" | "secretKeyId"
  >;
  messageId: string;
  event: AlertEvent;
  payload: AlertPayload;
  now?: Date;
}

export async function sendToChannel({
  channel,
  messageId,
  event,
  payload,
  now = new Date(),
}: SendToChannelOptions): Promise<SafePostResult> {
  const url = openChannelValue(channel.id, "url", {
    ciphertext: channel.urlCiphertext,
    keyId: channel.urlKeyId,
  });
  const strict = strictFor(url);
  const deadlineMs = env().ALERT_REQUEST_DEADLINE_SECONDS * 1000;
  if (channel.kind === "slack")
    return safePost({ url, body: JSON.stringify(slackMessage(event, payload)), strict, deadlineMs });
  if (!channel.secretCiphertext || !channel.secretKeyId)
    throw new Error(`channel ${channel.id} has no signing secret`);
  const secret = openChannelValue(channel.id, "secret", {
    ciphertext: channel.secretCiphertext,
    keyId: channel.secretKeyId,
  });
  const body = webhookEvent(event, payload);
  const signature = new Webhook(secret).sign(messageId, now, body);
  return safePost({
    url,
    body,
    strict,
    deadlineMs,
    headers: {
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
  });
}
