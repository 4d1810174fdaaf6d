// What an emailed reconnect link means for the person holding it: checked signature and expiry,
// the signed-in user must be its recipient and still a member of the connection's organization,
// and the connection must still need reconnecting. Read-only; the page and the button both use it.
import "server-only";
import { affectedServices } from "@/lib/connections/affected-services";
import { REAUTH_REASON } from "@/lib/connections/connection-status";
import { REPAIR_ADVICE_SELECT } from "@/lib/connections/repair-advice";
import { db } from "@/lib/db";
import { verifyReconnectLink } from "./reconnect-link";

export type ReconnectLinkState =
  | { kind: "invalid" | "expired" | "other_organization" | "not_found" }
  | { kind: "other_recipient"; connectionId: string }
  | { kind: "invited"; invitationId: string; organizationName: string; providerName: string }
  | ({ kind: "healthy" | "other_problem" } & ConnectionFacts)
  | ({
      kind: "needs_reconnect";
      organizationId: string;
      incidentId: string | null;
      providerName: string;
      since: Date;
      reason: string;
      services: string[];
    } & ConnectionFacts);

/** What the page needs to pick the advice (lib/connections/repair-advice.ts). */
interface ConnectionFacts {
  connectionId: string;
  providerId: string;
  providerName: string;
  finchStatus: string;
  authenticationType: string | null;
}

async function pendingInvitation(userId: string, organizationId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return null;
  return db().invitation.findFirst({
    where: { organizationId, email: user.email.toLowerCase(), acceptedAt: null },
    select: { id: true, organization: { select: { name: true } } },
  });
}

export async function resolveReconnectLink({
  token,
  userId,
  now = new Date(),
}: {
  token: string;
  userId: string;
  now?: Date;
}): Promise<ReconnectLinkState> {
  const link = verifyReconnectLink(token, now);
  if (link.kind === "invalid") return { kind: link.reason };
  const connection = await db().connection.findUnique({
    where: { id: link.connectionId },
    select: {
      id: true,
      organizationId: true,
      ...REPAIR_ADVICE_SELECT,
      products: true,
      statusSince: true,
      statusReason: true,
      incidents: {
        where: { resolvedAt: null },
        orderBy: { startedAt: "desc" },
        take: 1,
        select: { id: true, startedAt: true, reason: true },
      },
    },
  });
  if (!connection) return { kind: "not_found" };
  const [viewer, recipient] = await Promise.all([
    db().membership.findFirst({
      where: { userId, organizationId: connection.organizationId },
      select: { id: true },
    }),
    db().membership.findFirst({
      where: { userId: link.userId, organizationId: connection.organizationId },
      select: { id: true },
    }),
  ]);
  // Nothing about the connection is shown to someone outside its organization.
  if (!viewer) {
    // A colleague this repair was handed to (hand-off): join first, then reconnect.
    const invitation =
      userId === link.userId ? await pendingInvitation(userId, connection.organizationId) : null;
    return invitation
      ? {
          kind: "invited",
          invitationId: invitation.id,
          organizationName: invitation.organization.name,
          providerName: connection.providerName,
        }
      : { kind: "other_organization" };
  }
  if (!recipient) return { kind: "invalid" };
  if (userId !== link.userId) return { kind: "other_recipient", connectionId: connection.id };
  const summary: ConnectionFacts = {
    connectionId: connection.id,
    providerId: connection.providerId,
    providerName: connection.providerName,
    finchStatus: connection.finchStatus,
    authenticationType: connection.authenticationType,
  };
  if (connection.status === "healthy") return { kind: "healthy", ...summary };
  if (connection.status !== "needs_reauth") return { kind: "other_problem", ...summary };
  const incident = connection.incidents[0];
  return {
    kind: "needs_reconnect",
    ...summary,
    organizationId: connection.organizationId,
    incidentId: incident?.id ?? null,
    since: incident?.startedAt ?? connection.statusSince,
    reason: incident?.reason ?? connection.statusReason ?? REAUTH_REASON,
    services: affectedServices(connection.products),
  };
}
