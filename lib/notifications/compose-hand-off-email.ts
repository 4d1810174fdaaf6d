// The hand-off email: an invitation to the organization that also carries the colleague's own
// reconnect link. Not sent once the connection works again or the invitation was withdrawn.
import "server-only";
import { createElement } from "react";
import { RepairHandOffEmail } from "@/components/emails/repair-hand-off-email";
import { REPAIR_ADVICE_SELECT, repairAdvice } from "@/lib/connections/repair-advice";
import { db } from "@/lib/db";
import type { EmailOutbox } from "@/lib/generated/prisma/client";
import type { ComposedEmail } from "./composed-email";
import { outboxPayloadSchema } from "./outbox-email-kinds";
import { reconnectLinkUrl } from "./reconnect-link";

export async function composeHandOffEmail(row: EmailOutbox): Promise<ComposedEmail> {
  const payload = outboxPayloadSchema.parse(row.payload);
  const [connection, membership, invitation] = await Promise.all([
    db().connection.findFirst({
      where: { id: row.connectionId, organizationId: row.organizationId },
      select: {
        ...REPAIR_ADVICE_SELECT,
        organization: { select: { name: true } },
      },
    }),
    db().membership.findFirst({ where: { userId: row.userId, organizationId: row.organizationId } }),
    db().invitation.findFirst({
      where: { organizationId: row.organizationId, email: row.to.toLowerCase() },
      select: { id: true },
    }),
  ]);
  if (!connection) return { kind: "cancelled", reason: "the connection no longer exists" };
  if (connection.status === "healthy") return { kind: "cancelled", reason: "the connection works again" };
  if (!membership && !invitation) return { kind: "cancelled", reason: "the invitation was withdrawn" };
  const advice = repairAdvice(connection);
  return {
    kind: "ready",
    subject: `${payload.fromEmail ?? "A colleague"} asked you to reconnect ${connection.providerName}`,
    react: createElement(RepairHandOffEmail, {
      organizationName: connection.organization.name,
      providerName: connection.providerName,
      fromEmail: payload.fromEmail ?? "A colleague",
      happened: advice?.happened ?? "",
      invited: !membership,
      reconnectUrl: reconnectLinkUrl({
        connectionId: row.connectionId,
        userId: row.userId,
        issuedAt: row.createdAt,
      }),
    }),
  };
}
