// When an incident ends: notices not yet sent are cancelled (they would now be wrong), and members
// who were told it broke get a confirmation that it works again. Runs in the resolving transaction.
import "server-only";
import type { Tx } from "@/lib/db";
import { buildOutboxRows } from "./build-outbox-rows";

export interface CloseIncidentEmailsOptions {
  incidentId: string;
  connectionId: string;
  organizationId: string;
  at: Date;
  /** How it was fixed; null when the incident ended without the connection being healthy. */
  restored: "reconnected" | "recovered" | null;
}

const NOTICES = ["connection_broken", "reconnect_reminder"];

// Finch's "connected" webhook for a reauthentication usually arrives before our callback has stored
// the new token, so the webhook, not the reconnect, ends the incident. A reconnect session opened
// during the incident and still live says who fixed it.
async function reconnectInFlight(
  tx: Tx,
  incidentId: string,
  connectionId: string,
  at: Date,
): Promise<boolean> {
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { startedAt: true } });
  if (!incident) return false;
  const attempt = await tx.connectAttempt.findFirst({
    where: {
      connectionId,
      purpose: "reconnect",
      createdAt: { gte: incident.startedAt, lte: at },
      expiresAt: { gt: at },
    },
    select: { id: true },
  });
  return attempt !== null;
}

export async function closeIncidentEmails(
  tx: Tx,
  { incidentId, connectionId, organizationId, at, restored }: CloseIncidentEmailsOptions,
): Promise<number> {
  // Cancel first: a row a worker claims after this is already cancelled and never sent; one claimed
  // before is in flight and counts as told below.
  await tx.emailOutbox.updateMany({
    where: {
      incidentId,
      kind: { in: NOTICES },
      status: "pending",
      OR: [{ claimedUntil: null }, { claimedUntil: { lte: at } }],
    },
    data: { status: "cancelled", lastError: "the incident ended before it was sent" },
  });
  if (!restored) return 0;
  const how =
    restored === "recovered" && (await reconnectInFlight(tx, incidentId, connectionId, at))
      ? "reconnected"
      : restored;
  const told = await tx.emailOutbox.findMany({
    where: {
      incidentId,
      kind: { in: NOTICES },
      OR: [{ status: "sent" }, { status: "pending", claimedUntil: { gt: at } }],
      user: { NOT: { emailPreference: { is: { restoredUnsubscribedAt: { not: null } } } } },
    },
    distinct: ["userId"],
    select: { userId: true, to: true },
  });
  const { count } = await tx.emailOutbox.createMany({
    data: buildOutboxRows({
      kind: "connection_restored",
      incidentId,
      connectionId,
      organizationId,
      recipients: told,
      at,
      payload: { how },
    }),
    skipDuplicates: true,
  });
  return count;
}
