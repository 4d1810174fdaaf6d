// Delivers one outbox row, at most once however many workers or retries reach it: a worker claims the
// row for a while before sending, the remote service gets the row id as idempotency key (where it
// has one), failed sends wait with backoff, and each delivery, or the giving up, is on the timeline.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { db } from "@/lib/db";
import { describeError, logError, logInfo } from "@/lib/log";
import { nextAttemptAt, notClaimed, type DeliveryResult } from "./delivery-rules";
import type { OutboxAdapter } from "./outbox-adapter";
import { claimRow, readRowState, recordEnded, recordRetry, recordSent, type OutboxRow } from "./outbox-store";

export async function deliverOutboxRow<Row extends OutboxRow, Message>(
  adapter: OutboxAdapter<Row, Message>,
  { outboxId, now = new Date() }: { outboxId: string; now?: Date },
): Promise<DeliveryResult> {
  const { name, events } = adapter;
  const row = await claimRow<Row>(name, outboxId, now);
  if (!row) return notClaimed(await readRowState(name, outboxId), now);

  const timeline = { connectionId: row.connectionId, organizationId: row.organizationId, at: now };
  let message: Message | undefined;
  try {
    const composed = await adapter.compose(row);
    if (composed.kind === "cancelled") {
      await recordEnded(db(), name, row.id, { status: "cancelled", lastError: composed.reason, now });
      return { kind: "cancelled", reason: composed.reason };
    }
    message = composed.message;
    const { reference } = await adapter.send(row, message, now);
    const { what, to, actorUserId } = adapter.describe(row, message);
    await db().$transaction(async (tx) => {
      await recordSent(tx, name, row.id, { now, reference });
      await recordConnectionEvent(tx, {
        ...timeline,
        type: events.sent,
        detail: `${what} ${events.sentVerb} ${to}`,
        actorUserId,
      });
    });
    return { kind: "sent" };
  } catch (error) {
    const lastError = describeError(error).slice(0, 500);
    const retryAt = nextAttemptAt(error, row.attempts, now);
    const { what, to, actorUserId } = adapter.describe(row, message);
    if (retryAt) {
      await recordRetry(name, row.id, { retryAt, lastError, now });
      logInfo(
        `${name} ${row.id} (${what}) attempt ${row.attempts} failed; retrying at ${retryAt.toISOString()}: ${lastError}`,
      );
      return { kind: "retry", retryAt };
    }
    await db().$transaction(async (tx) => {
      await recordEnded(tx, name, row.id, { status: "failed", lastError, now });
      await recordConnectionEvent(tx, {
        ...timeline,
        type: events.failed,
        detail: `${what} to ${to} gave up after ${row.attempts} attempt(s)`,
        actorUserId,
      });
    });
    logError(`${name} ${row.id} (${what}) failed after ${row.attempts} attempt(s)`, error);
    return { kind: "failed" };
  }
}
