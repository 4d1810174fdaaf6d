// Sends one outbox row, at most once however many workers or retries reach it: a worker claims the
// row for a while before sending, and Resend gets the row id as idempotency key, so a retry after a
// crash between "sent" and "recorded" is recognized by Resend instead of delivered again.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { describeError, logError, logInfo } from "@/lib/log";
import { composeOutboxEmail } from "./compose-outbox-email";
import { OUTBOX_KIND_LABELS, outboxKindSchema } from "./outbox-email-kinds";
import {
  claimableWhere,
  claimData,
  nextAttemptAt,
  notClaimed,
  NOT_CLAIMED_SELECT,
  type DeliveryResult,
} from "./outbox-delivery";

export type { DeliveryResult };

export async function deliverOutboxEmail({
  outboxId,
  now = new Date(),
}: {
  outboxId: string;
  now?: Date;
}): Promise<DeliveryResult> {
  // Claimed and read in one statement: of concurrent workers, exactly one gets the row.
  const [row] = await db().emailOutbox.updateManyAndReturn({
    where: claimableWhere(outboxId, now),
    data: claimData(now),
  });
  if (!row)
    return notClaimed(
      await db().emailOutbox.findUnique({ where: { id: outboxId }, select: NOT_CLAIMED_SELECT }),
      now,
    );

  const event = { connectionId: row.connectionId, organizationId: row.organizationId, at: now };
  const label = OUTBOX_KIND_LABELS[outboxKindSchema.safeParse(row.kind).data ?? "connection_broken"];
  try {
    const email = await composeOutboxEmail(row);
    if (email.kind === "cancelled") {
      await db().emailOutbox.update({
        where: { id: row.id },
        data: { status: "cancelled", claimedUntil: null, lastError: email.reason },
      });
      return { kind: "cancelled", reason: email.reason };
    }
    const sent = await sendEmail({
      to: row.to,
      subject: email.subject,
      react: email.react,
      headers: email.headers,
      idempotencyKey: `outbox-${row.id}`,
    });
    await db().$transaction(async (tx) => {
      await tx.emailOutbox.update({
        where: { id: row.id },
        data: {
          status: "sent",
          sentAt: now,
          providerMessageId: sent.id,
          claimedUntil: null,
          lastError: null,
        },
      });
      await recordConnectionEvent(tx, {
        ...event,
        type: "email_sent",
        detail: `${label} sent to ${row.to}`,
        actorUserId: row.userId,
      });
    });
    return { kind: "sent" };
  } catch (error) {
    const lastError = describeError(error).slice(0, 500);
    const retryAt = nextAttemptAt(error, row.attempts, now);
    if (retryAt) {
      await db().emailOutbox.update({
        where: { id: row.id },
        data: { nextAttemptAt: retryAt, claimedUntil: null, lastError },
      });
      logInfo(
        `email ${row.id} (${row.kind}) attempt ${row.attempts} failed; retrying at ${retryAt.toISOString()}: ${lastError}`,
      );
      return { kind: "retry", retryAt };
    }
    await db().$transaction(async (tx) => {
      await tx.emailOutbox.update({
        where: { id: row.id },
        data: { status: "failed", claimedUntil: null, lastError },
      });
      await recordConnectionEvent(tx, {
        ...event,
        type: "email_failed",
        detail: `${label} to ${row.to} gave up after ${row.attempts} attempt(s)`,
        actorUserId: row.userId,
      });
    });
    logError(`email ${row.id} (${row.kind}) failed after ${row.attempts} attempt(s)`, error);
    return { kind: "failed" };
  }
}
