// Delivers one alert outbox row with the outbox's shared mechanics (claim before sending, backoff,
// give up after EMAIL_MAX_ATTEMPTS) and notes each delivery, or the giving up, on the timeline.
import "server-only";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { db } from "@/lib/db";
import { describeError, logError, logInfo } from "@/lib/log";
import {
  claimableWhere,
  claimData,
  nextAttemptAt,
  notClaimed,
  NOT_CLAIMED_SELECT,
  type DeliveryResult,
} from "@/lib/notifications/outbox-delivery";
import { ALERT_EVENT_LABELS, alertEventSchema, alertPayloadSchema } from "./alert-events";
import { sendToChannel } from "./send-to-channel";

const CHANNEL_NAMES = { slack: "Slack", webhook: "webhook endpoint" } as const;

export async function deliverAlert({
  outboxId,
  now = new Date(),
}: {
  outboxId: string;
  now?: Date;
}): Promise<DeliveryResult> {
  const [row] = await db().alertOutbox.updateManyAndReturn({
    where: claimableWhere(outboxId, now),
    data: claimData(now),
  });
  if (!row)
    return notClaimed(
      await db().alertOutbox.findUnique({ where: { id: outboxId }, select: NOT_CLAIMED_SELECT }),
      now,
    );
  const channel = await db().alertChannel.findUnique({ where: { id: row.channelId } });
  if (!channel) {
    await db().alertOutbox.update({
      where: { id: row.id },
      data: { status: "cancelled", claimedUntil: null, lastError: "the channel was removed" },
    });
    return { kind: "cancelled", reason: "the channel was removed" };
  }
  const event = alertEventSchema.parse(row.event);
  const what = `${CHANNEL_NAMES[channel.kind]} alert (${ALERT_EVENT_LABELS[event]})`;
  const timeline = { connectionId: row.connectionId, organizationId: row.organizationId, at: now };
  try {
    const sent = await sendToChannel({
      channel,
      messageId: `msg_${row.id}`,
      event,
      payload: alertPayloadSchema.parse(row.payload),
      now,
    });
    await db().$transaction(async (tx) => {
      await tx.alertOutbox.update({
        where: { id: row.id },
        data: {
          status: "sent",
          sentAt: now,
          responseStatus: sent.status,
          claimedUntil: null,
          lastError: null,
        },
      });
      await recordConnectionEvent(tx, {
        ...timeline,
        type: "alert_sent",
        detail: `${what} delivered to ${channel.urlHint}`,
      });
    });
    return { kind: "sent" };
  } catch (error) {
    const lastError = describeError(error).slice(0, 500);
    const retryAt = nextAttemptAt(error, row.attempts, now);
    if (retryAt) {
      await db().alertOutbox.update({
        where: { id: row.id },
        data: { nextAttemptAt: retryAt, claimedUntil: null, lastError },
      });
      logInfo(
        `alert ${row.id} (${row.event}) attempt ${row.attempts} failed; retrying at ${retryAt.toISOString()}: ${lastError}`,
      );
      return { kind: "retry", retryAt };
    }
    await db().$transaction(async (tx) => {
      await tx.alertOutbox.update({
        where: { id: row.id },
        data: { status: "failed", claimedUntil: null, lastError },
      });
      await recordConnectionEvent(tx, {
        ...timeline,
        type: "alert_failed",
        detail: `${what} to ${channel.urlHint} gave up after ${row.attempts} attempt(s)`,
      });
    });
    logError(`alert ${row.id} (${row.event}) failed after ${row.attempts} attempt(s)`, error);
    return { kind: "failed" };
  }
}
