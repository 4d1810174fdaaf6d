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
  /** How it was fixed (the state machine decides); null when it ended without the connection being healthy. */
  restored: "reconnected" | "recovered" | null;
}

const NOTICES = ["connection_broken", "reconnect_reminder"];

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
      payload: { how: restored },
    }),
    skipDuplicates: true,
  });
  return count;
}
