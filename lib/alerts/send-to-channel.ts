// Posts one alert to a channel: Slack's message JSON, or the event signed with the Standard Webhooks
// scheme (webhook-id is the outbox row's id, the same on every retry, so the receiver can deduplicate).
// The signed post is shared with the host's webhook endpoints (lib/host-events).
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

const deadlineMs = () => env().ALERT_REQUEST_DEADLINE_SECONDS * 1000;

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
  if (channel.kind === "slack") {
    const body = JSON.stringify(slackMessage(event, payload));
    return safePost({ url, body, strict: strictFor(url), deadlineMs: deadlineMs() });
  }
  if (!channel.secretCiphertext || !channel.secretKeyId)
    throw new Error(`channel ${channel.id} has no signing secret`);
  const secret = openChannelValue(channel.id, "secret", {
    ciphertext: channel.secretCiphertext,
    keyId: channel.secretKeyId,
  });
  return postSignedEvent({ url, secret, messageId, body: webhookEvent(event, payload), now });
}

export interface PostSignedEventOptions {
  url: string;
  /** The Standard Webhooks secret ("whsec_…"). */
  secret: string;
  /** webhook-id: the same on every retry, so the receiver can deduplicate. */
  messageId: string;
  body: string;
  now?: Date;
}

/** Posts a JSON event signed with the Standard Webhooks scheme, under the outbound rules and deadline. */
export function postSignedEvent({
  url,
  secret,
  messageId,
  body,
  now = new Date(),
}: PostSignedEventOptions): Promise<SafePostResult> {
  const signature = new Webhook(secret).sign(messageId, now, body);
  return safePost({
    url,
    body,
    strict: strictFor(url),
    deadlineMs: deadlineMs(),
    headers: {
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
  });
}
