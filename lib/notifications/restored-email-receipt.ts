// The repair receipt for a "Reconnected" email. Finch's webhook often ends the incident a moment before
// our Connect callback has read the products, so a reconnect's email waits briefly for its receipt.
import "server-only";
import { parseChecks } from "@/lib/connections/parse-checks";
import type { ProductCheck } from "@/lib/connections/receipt-line";
import { db } from "@/lib/db";

/** Thrown while the receipt is still being taken: the outbox retries the email seconds later. */
export class ReceiptPendingError extends Error {
  constructor() {
    super("the repair receipt is not taken yet; sending the Reconnected email a little later");
    this.name = "ReceiptPendingError";
  }
}

export const RECEIPT_WAIT_MS = 60_000;

export interface RestoredEmailReceipt {
  checks: ProductCheck[];
  reconnectedBy: string | null;
}

/** A reconnect through Finch Connect was under way when the incident ended: its callback takes a receipt. */
async function throughConnect(incidentId: string, resolvedAt: Date): Promise<boolean> {
  const incident = await db().incident.findUnique({
    where: { id: incidentId },
    select: { connectionId: true, startedAt: true },
  });
  if (!incident) return false;
  const attempts = await db().connectAttempt.count({
    where: {
      connectionId: incident.connectionId,
      purpose: "reconnect",
      createdAt: { gte: incident.startedAt, lte: resolvedAt },
      expiresAt: { gt: resolvedAt },
    },
  });
  return attempts > 0;
}

export async function restoredEmailReceipt({
  incidentId,
  resolvedAt,
  how,
  now = new Date(),
}: {
  incidentId: string;
  resolvedAt: Date | null;
  how: "reconnected" | "recovered";
  now?: Date;
}): Promise<RestoredEmailReceipt | null> {
  const receipt = await db().repairReceipt.findFirst({
    where: { incidentId },
    orderBy: { createdAt: "desc" },
    select: { checks: true, userId: true },
  });
  const checks = receipt ? parseChecks(receipt.checks) : null;
  if (!receipt || !checks) {
    const justResolved = resolvedAt !== null && now.getTime() - resolvedAt.getTime() < RECEIPT_WAIT_MS;
    if (how === "reconnected" && justResolved && (await throughConnect(incidentId, resolvedAt)))
      throw new ReceiptPendingError();
    return null;
  }
  const user = receipt.userId
    ? await db().user.findUnique({ where: { id: receipt.userId }, select: { email: true } })
    : null;
  return { checks, reconnectedBy: user?.email ?? null };
}
