// The rules every outbox's delivery follows, as plain functions: how long a claim holds, how long a
// failed send waits (exponential backoff, never sooner than the remote service asked), when a row is
// given up, and what a job that could not claim its row should do next.
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";

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

export interface RowState {
  status: string;
  nextAttemptAt: Date;
  claimedUntil: Date | null;
}

/**
 * Why a row could not be claimed. A pending row that no worker holds and that is merely not due yet
 * reached a job that came early: the job queued for a retry can be absorbed by one already waiting for
 * the same row (one waiting job per row), which then runs before the row is due. The caller queues the
 * row again for when it is due, so the retry does not wait for the relay's next pass.
 */
export function notClaimed(row: RowState | null, now: Date): DeliveryResult {
  const held = row?.claimedUntil != null && row.claimedUntil > now;
  if (row?.status === "pending" && !held && row.nextAttemptAt > now)
    return { kind: "not_due", dueAt: row.nextAttemptAt };
  return { kind: "not_claimed" };
}

/** When a delivery's row must be tried again (a retry, or a job that came early), if it must. */
export function nextRunAt(delivery: DeliveryResult): Date | undefined {
  if (delivery.kind === "retry") return delivery.retryAt;
  if (delivery.kind === "not_due") return delivery.dueAt;
  return undefined;
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
