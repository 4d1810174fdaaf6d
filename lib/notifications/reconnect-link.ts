// The emailed reconnect link: a stable, signed URL to our own app (never to Finch), bound to one
// connection and one recipient. It starts nothing by itself; the page it opens creates a fresh
// Connect session only when the customer presses the button, so Finch's session expiry never breaks it.
import "server-only";
import { signToken, verifyToken } from "@/lib/crypto/signed-token";
import { env } from "@/lib/env";

const PURPOSE = "reconnect-link";
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReconnectLinkOptions {
  connectionId: string;
  userId: string;
  /** When the email was written: the link's lifetime counts from there, so a re-sent email is identical. */
  issuedAt: Date;
}

export function reconnectLinkUrl({ connectionId, userId, issuedAt }: ReconnectLinkOptions): string {
  const expiresAt = new Date(issuedAt.getTime() + env().RECONNECT_LINK_TTL_DAYS * DAY_MS);
  const token = signToken({
    purpose: PURPOSE,
    fields: [connectionId, userId],
    expiresAt,
    secret: env().AUTH_SECRET,
  });
  return new URL(`/reconnect/${token}`, env().APP_URL).toString();
}

export type ReconnectLinkCheck =
  | { kind: "valid"; connectionId: string; userId: string }
  | { kind: "invalid"; reason: "invalid" | "expired" };

export function verifyReconnectLink(token: string, now = new Date()): ReconnectLinkCheck {
  const result = verifyToken({ purpose: PURPOSE, token, fieldCount: 2, secret: env().AUTH_SECRET, now });
  if (result.kind === "invalid")
    return { kind: "invalid", reason: result.reason === "expired" ? "expired" : "invalid" };
  const [connectionId, userId] = result.fields;
  return { kind: "valid", connectionId, userId };
}
