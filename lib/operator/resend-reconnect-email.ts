// "Resend reconnect email": the broken-connection notice again, to every member of the organization,
// at most once per OPERATOR_RESEND_COOLDOWN_MINUTES per organization (an advisory lock makes the
// check-then-write safe across instances), recorded on the connection's timeline with who did it.
import "server-only";
import { advisoryXactLockSql } from "@/lib/concurrency/advisory-lock-sql";
import { recordConnectionEvent } from "@/lib/connections/connection-events";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { buildOutboxRows } from "@/lib/notifications/build-outbox-rows";
import { dispatchOutboxRows } from "@/lib/outbox/dispatch-outbox-rows";

export interface ResendReconnectEmailOptions {
  connectionId: string;
  operator: { id: string; email: string };
  now?: Date;
  cooldownMinutes?: number;
}

export async function resendReconnectEmail({
  connectionId,
  operator,
  now = new Date(),
  cooldownMinutes = env().OPERATOR_RESEND_COOLDOWN_MINUTES,
}: ResendReconnectEmailOptions): Promise<{ recipients: number }> {
  const ids = await db().$transaction(async (tx) => {
    const connection = await tx.connection.findUnique({
      where: { id: connectionId },
      select: {
        organizationId: true,
        incidents: { where: { resolvedAt: null }, select: { id: true }, take: 1 },
      },
    });
    if (!connection) throw new AppError("not_found", "This connection does not exist.");
    const incident = connection.incidents[0];
    if (!incident) throw new AppError("conflict", "This connection does not need reconnecting.");
    const { organizationId } = connection;
    await tx.$executeRaw(advisoryXactLockSql(`operator-resend:${organizationId}`));
    const recent = await tx.connectionEvent.findFirst({
      where: {
        organizationId,
        type: "operator_resend",
        createdAt: { gt: new Date(now.getTime() - cooldownMinutes * 60_000) },
      },
      select: { createdAt: true },
    });
    if (recent) {
      throw new AppError(
        "rate_limited",
        `A reconnect email went to this organization at ${recent.createdAt.toISOString().slice(11, 16)} UTC; wait ${cooldownMinutes} minutes between resends.`,
      );
    }
    const members = await tx.membership.findMany({
      // Members who turned these emails off on their settings page are skipped here too.
      where: {
        organizationId,
        user: { NOT: { emailPreference: { is: { brokenUnsubscribedAt: { not: null } } } } },
      },
      select: { userId: true, user: { select: { email: true } } },
    });
    const rows = await tx.emailOutbox.createManyAndReturn({
      // The first notice's rows, under a key of their own: a resend is a new email, not a duplicate.
      data: buildOutboxRows({
        kind: "connection_broken",
        incidentId: incident.id,
        connectionId,
        organizationId,
        recipients: members.map(({ userId, user }) => ({ userId, to: user.email })),
        at: now,
      }).map((row) => ({ ...row, dedupeKey: `resend:${now.getTime()}:${row.dedupeKey}` })),
      select: { id: true },
    });
    await recordConnectionEvent(tx, {
      connectionId,
      organizationId,
      type: "operator_resend",
      source: "operator",
      detail: `Sent again to ${members.length} member(s) by ${operator.email}`,
      actorUserId: operator.id,
      at: now,
    });
    return rows.map((row) => row.id);
  });
  await dispatchOutboxRows("email", ids).catch(() => 0); // the outbox relay sends them if this fails
  return { recipients: ids.length };
}
