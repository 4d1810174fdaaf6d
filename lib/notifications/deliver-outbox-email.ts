// Sends one outbox row, at most once however many workers or retries reach it: a worker claims the
// row for a while before sending, and Resend gets the row id as idempotency key, so a retry after a
// crash between "sent" and "recorded" is recognized by Resend instead of delivered again.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { describeError, logError, logInfo } from "@/lib/log";
import { composeOutboxEmail } from "./compose-outbox-email";
import { OUTBOX_KIND_LABELS, outboxKindSchema } from "./outbox-email-kinds";

// Longer than a send takes; a worker that dies mid-send leaves the row to another after this.
const CLAIM_MS = 2 * 60 * 1000;
const MAX_DELAY_SECONDS = 60 * 60;
// Our own hiccups (a dropped database connection) clear in seconds, unlike a mail service outage.
const LOCAL_RETRY_BASE_SECONDS = 2;

export type DeliveryResult =
  | { kind: "sent" | "not_claimed" | "failed" }
  | { kind: "cancelled"; reason: string }
  | { kind: "retry"; retryAt: Date };

/** Exponential backoff from the attempt count, never sooner than the mail service asked for. */
function retryDelaySeconds(error: unknown, attempts: number): number {
  const base = isAppError(error) ? env().EMAIL_RETRY_BASE_SECONDS : LOCAL_RETRY_BASE_SECONDS;
  const asked = isAppError(error) ? (error.retryAfterSeconds ?? 0) : 0;
  return Math.max(asked, Math.min(MAX_DELAY_SECONDS, base * 2 ** (attempts - 1)));
}

export async function deliverOutboxEmail({
  outboxId,
  now = new Date(),
}: {
  outboxId: string;
  now?: Date;
}): Promise<DeliveryResult> {
  // Claimed and read in one statement: of concurrent workers, exactly one gets the row.
  const [row] = await db().emailOutbox.updateManyAndReturn({
    where: {
      id: outboxId,
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
    },
    data: { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  if (!row) return { kind: "not_claimed" };

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
    // The mail service says whether trying again can help; anything else (a database blip) gets the benefit of the doubt.
    const retryable = isAppError(error) ? error.retryable : true;
    if (retryable && row.attempts < env().EMAIL_MAX_ATTEMPTS) {
      const retryAt = new Date(now.getTime() + retryDelaySeconds(error, row.attempts) * 1000);
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
