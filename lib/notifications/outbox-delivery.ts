// The delivery mechanics every outbox shares (emails, alerts): a worker claims a row before sending
// it, so of concurrent workers or instances exactly one sends; failed sends wait with exponential
// backoff; after EMAIL_MAX_ATTEMPTS a row is given up. Each outbox's deliverer uses these.
import "server-only";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";

// Longer than a send takes; a worker that dies mid-send leaves the row to another after this.
export const CLAIM_MS = 2 * 60 * 1000;
const MAX_DELAY_SECONDS = 60 * 60;
// Our own hiccups (a dropped database connection) clear in seconds, unlike a remote service's outage.
const LOCAL_RETRY_BASE_SECONDS = 2;

export type DeliveryResult =
  | { kind: "sent" | "not_claimed" | "failed" }
  | { kind: "cancelled"; reason: string }
  | { kind: "retry"; retryAt: Date }
  /** The row waits for its next attempt: the job came early (see notClaimed). */
  | { kind: "not_due"; dueAt: Date };

/** The rows a worker may claim now: pending, due, and not held by another worker. */
export function claimableWhere(id: string, now: Date) {
  return {
    id,
    status: "pending" as const,
    nextAttemptAt: { lte: now },
    OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }],
  };
}

/**
 * Why a row could not be claimed. A pending row that no worker holds and that is merely not due yet
 * reached a job that came early: the job queued for a retry can be absorbed by one already waiting for
 * the same row (one waiting job per row), which then runs before the row is due. The caller queues the
 * row again for when it is due, so the retry does not wait for the relay's next pass.
 */
export function notClaimed(
  row: { status: string; nextAttemptAt: Date; claimedUntil: Date | null } | null,
  now: Date,
): DeliveryResult {
  const held = row?.claimedUntil != null && row.claimedUntil > now;
  if (row?.status === "pending" && !held && row.nextAttemptAt > now)
    return { kind: "not_due", dueAt: row.nextAttemptAt };
  return { kind: "not_claimed" };
}

/** The columns notClaimed reads. */
export const NOT_CLAIMED_SELECT = { status: true, nextAttemptAt: true, claimedUntil: true } as const;

/** When a delivery's row must be tried again (a retry, or a job that came early), if it must. */
export function nextRunAt(delivery: DeliveryResult): Date | undefined {
  if (delivery.kind === "retry") return delivery.retryAt;
  if (delivery.kind === "not_due") return delivery.dueAt;
  return undefined;
}

/** What a claim writes: held for CLAIM_MS, one more attempt counted. */
export function claimData(now: Date) {
  return { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } };
}

/** Exponential backoff from the attempt count, never sooner than the remote service asked for. */
export function retryDelaySeconds(error: unknown, attempts: number): number {
  const base = isAppError(error) ? env().EMAIL_RETRY_BASE_SECONDS : LOCAL_RETRY_BASE_SECONDS;
  const asked = isAppError(error) ? (error.retryAfterSeconds ?? 0) : 0;
  return Math.max(asked, Math.min(MAX_DELAY_SECONDS, base * 2 ** (attempts - 1)));
}

/** When to try a failed row again, or null to give up (not retryable, or out of attempts). */
export function nextAttemptAt(error: unknown, attempts: number, now: Date): Date | null {
  // The remote service says whether trying again can help; anything else (a database blip) gets the benefit of the doubt.
  const retryable = isAppError(error) ? error.retryable : true;
  if (!retryable || attempts >= env().EMAIL_MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelaySeconds(error, attempts) * 1000);
}

/**
 * One job per outbox row (the row id is the singletonKey, so a row already waiting is not queued
 * twice). Losing this call is harmless: the outbox relay re-dispatches due rows.
 */
export async function dispatchOutboxRows(
  queue: "email-send" | "alert-send",
  outboxIds: string[],
  startAfter?: Date,
): Promise<number> {
  let queued = 0;
  for (const outboxId of outboxIds) {
    if (await enqueue(queue, { outboxId }, { singletonKey: outboxId, startAfter })) queued++;
  }
  return queued;
}
