// "Retry" on a failed send: the row goes back to the outbox with a fresh set of attempts (same id, so
// Resend's idempotency key still recognizes a message that did go out), recorded on the timeline.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dispatchOutboxRows } from "@/lib/outbox/dispatch-outbox-rows";

export async function retryFailedEmail({
  outboxId,
  operator,
  now = new Date(),
}: {
  outboxId: string;
  operator: { id: string; email: string };
  now?: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const [row] = await tx.emailOutbox.updateManyAndReturn({
      where: { id: outboxId, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, claimedUntil: null },
      select: { connectionId: true, organizationId: true, to: true },
    });
    if (!row) throw new AppError("conflict", "This email is no longer failed.");
    await recordConnectionEvent(tx, {
      connectionId: row.connectionId,
      organizationId: row.organizationId,
      type: "operator_retry",
      source: "operator",
      detail: `Email to ${row.to} retried by ${operator.email}`,
      actorUserId: operator.id,
      at: now,
    });
  });
  await dispatchOutboxRows("email", [outboxId]).catch(() => 0);
}
