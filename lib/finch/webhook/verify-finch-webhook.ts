// Checks that a webhook really comes from Finch (signature over id, timestamp and the raw body,
// within Finch's five-minute window) with the SDK, then parses it. Failures say nothing about why
// the signature was wrong, so they help no one forge one.
import "server-only";
import { finchAppClient } from "@/lib/finch/finch-client";

export type VerifiedWebhook =
  | { kind: "verified"; eventId: string; payload: unknown }
  | { kind: "rejected"; status: 400 | 401; error: string };

const SIGNATURE_HEADERS = ["finch-event-id", "finch-timestamp", "finch-signature"];
const MAX_EVENT_ID_LENGTH = 200;

export function verifyFinchWebhook(rawBody: string, headers: Headers): VerifiedWebhook {
  if (SIGNATURE_HEADERS.some((name) => !headers.get(name))) {
    return { kind: "rejected", status: 400, error: "Missing Finch signature headers." };
  }
  let payload: unknown;
  try {
    // unwrap verifies first and only then parses, so a SyntaxError means a genuine, malformed body.
    payload = finchAppClient().webhooks.unwrap(rawBody, headers);
  } catch (error) {
    if (error instanceof SyntaxError)
      return { kind: "rejected", status: 400, error: "The webhook body is not valid JSON." };
    return { kind: "rejected", status: 401, error: "Invalid or expired webhook signature." };
  }
  const eventId = headers.get("finch-event-id") ?? "";
  if (eventId.length > MAX_EVENT_ID_LENGTH)
    return { kind: "rejected", status: 400, error: "Finch-Event-Id is too long." };
  return { kind: "verified", eventId, payload };
}
