// One-click links in reminder emails: unsubscribe from reminders (also the List-Unsubscribe target)
// and snooze the reminders of one incident. Signed, so they work without signing in.
import "server-only";
import { signToken, verifyToken } from "@/lib/crypto/signed-token";
import { env } from "@/lib/env";

// Unsubscribe links must keep working long after the email was sent.
const LINK_TTL_MS = 365 * 24 * 60 * 60 * 1000;

export type EmailPreferenceAction =
  { kind: "unsubscribe"; userId: string } | { kind: "snooze"; userId: string; incidentId: string };

function fieldsOf(action: EmailPreferenceAction): string[] {
  return action.kind === "snooze" ? [action.userId, action.incidentId] : [action.userId];
}

export function emailPreferenceToken(action: EmailPreferenceAction, issuedAt: Date): string {
  return signToken({
    purpose: `email-${action.kind}`,
    fields: fieldsOf(action),
    expiresAt: new Date(issuedAt.getTime() + LINK_TTL_MS),
    secret: env().AUTH_SECRET,
  });
}

/** The page a person opens: it asks for confirmation, so a mail scanner's GET changes nothing. */
export function emailPreferencePageUrl(action: EmailPreferenceAction, issuedAt: Date): string {
  const url = new URL(`/email/${action.kind}`, env().APP_URL);
  url.searchParams.set("token", emailPreferenceToken(action, issuedAt));
  return url.toString();
}

/** RFC 8058 one-click target for the List-Unsubscribe header: a POST there unsubscribes at once. */
export function oneClickUnsubscribeUrl(userId: string, issuedAt: Date): string {
  const url = new URL("/api/email/unsubscribe", env().APP_URL);
  url.searchParams.set("token", emailPreferenceToken({ kind: "unsubscribe", userId }, issuedAt));
  return url.toString();
}

export function verifyEmailPreferenceToken(
  kind: EmailPreferenceAction["kind"],
  token: string,
  now = new Date(),
): EmailPreferenceAction | null {
  const result = verifyToken({
    purpose: `email-${kind}`,
    token,
    fieldCount: kind === "snooze" ? 2 : 1,
    secret: env().AUTH_SECRET,
    now,
  });
  if (result.kind === "invalid") return null;
  const [userId, incidentId] = result.fields;
  return kind === "snooze" ? { kind, userId, incidentId } : { kind, userId };
}
