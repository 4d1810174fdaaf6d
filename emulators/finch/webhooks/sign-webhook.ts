import { createHmac } from "node:crypto";

export interface SignedWebhookHeaders {
  "Finch-Event-Id": string;
  "Finch-Timestamp": string;
  "Finch-Signature": string;
}

/** Finch's secrets are bare base64; the SDK refuses any that does not survive a base64 round trip. */
export function assertValidWebhookSecret(secret: string): void {
  if (!secret || Buffer.from(secret, "base64").toString("base64") !== secret) {
    throw new Error(
      "webhookSecret must be a base64 string (as Finch issues them); the SDK rejects anything else",
    );
  }
}

/** Svix-style signature with Finch's header names: v1,base64(HMAC-SHA256(base64decode(secret), id.ts.body)). */
export function signWebhook(
  secret: string,
  eventId: string,
  timestampSeconds: number,
  body: string,
): SignedWebhookHeaders {
  const key = Buffer.from(secret, "base64");
  const signature = createHmac("sha256", key)
    .update(`${eventId}.${timestampSeconds}.${body}`)
    .digest("base64");
  return {
    "Finch-Event-Id": eventId,
    "Finch-Timestamp": String(timestampSeconds),
    "Finch-Signature": `v1,${signature}`,
  };
}
