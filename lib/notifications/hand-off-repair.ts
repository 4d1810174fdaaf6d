// "Not the right person?": a member hands a broken connection to a colleague. The colleague gets an
// invitation to the organization (lib/orgs/invitations.ts) and, through the outbox, an email carrying
// their own reconnect link. Limited per problem, and noted on the timeline.
import "server-only";
import { lockConnectionSql, type LockedConnection } from "@/lib/connections/lock-connection-sql";
import type { CurrentMember } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { dispatchOutboxRows } from "@/lib/outbox/dispatch-outbox-rows";
import { outboxDedupeKey } from "@/lib/notifications/outbox-email-kinds";
import { parseEmailAddress } from "@/lib/auth/email-address";
import { consumeInvitationLimit } from "@/lib/orgs/invitation-limits";
import { upsertInvitation } from "@/lib/orgs/invitations";
import { recordConnectionEvent } from "@/lib/connections/connection-events";

/** Colleagues one problem can be handed to: enough to find the right person, too few to spam. */
export const HAND_OFFS_PER_PROBLEM = 3;

export async function handOffRepair({
  member,
  connectionId,
  email,
}: {
  member: CurrentMember;
  connectionId: string;
  email: string;
}): Promise<{ sentTo: string }> {
  const parsed = parseEmailAddress(email);
  if (parsed.kind === "invalid") throw new AppError("bad_request", parsed.message);
  const address = parsed.email;
  if (address === member.email.toLowerCase())
    throw new AppError("bad_request", "Enter a colleague's address, not your own.");
  // The same per-sender and per-address email limits as every invitation.
  await consumeInvitationLimit({ inviterId: member.id, email: address });
  const organizationId = member.organization.id;

  const outboxId = await db().$transaction(async (tx) => {
    const [connection] = await tx.$queryRaw<LockedConnection[]>(
      lockConnectionSql(connectionId, organizationId),
    );
    if (!connection) throw new AppError("not_found", "This connection does not exist.");
    if (connection.status === "healthy") throw new AppError("conflict", "This connection works again.");
    const handOffs = await tx.connectionEvent.count({
      where: { connectionId, type: "handed_off", createdAt: { gte: connection.statusSince } },
    });
    if (handOffs >= HAND_OFFS_PER_PROBLEM)
      throw new AppError(
        "rate_limited",
        `This problem was already sent to ${HAND_OFFS_PER_PROBLEM} colleagues. Ask one of them, or contact us.`,
      );
    const colleague = await tx.user.upsert({
      where: { email: address },
      create: { email: address },
      update: {},
      select: { id: true },
    });
    const isMember = await tx.membership.findFirst({
      where: { userId: colleague.id, organizationId },
      select: { id: true },
    });
    if (!isMember) await upsertInvitation(tx, { organizationId, email: address, invitedById: member.id });
    const incident = await tx.incident.findFirst({
      where: { connectionId, resolvedAt: null },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    const problem = incident?.id ?? `${connectionId}@${connection.statusSince.getTime()}`;
    const row = await tx.emailOutbox.upsert({
      where: { dedupeKey: outboxDedupeKey("repair_handoff", problem, colleague.id) },
      create: {
        dedupeKey: outboxDedupeKey("repair_handoff", problem, colleague.id),
        kind: "repair_handoff",
        organizationId,
        connectionId,
        incidentId: incident?.id ?? null,
        userId: colleague.id,
        to: address,
        payload: { fromEmail: member.email },
      },
      update: {},
      select: { id: true },
    });
    await recordConnectionEvent(tx, {
      connectionId,
      organizationId,
      type: "handed_off",
      detail: `${member.email} asked ${address} to reconnect${isMember ? "" : " (invited to join)"}`,
      actorUserId: member.id,
    });
    return row.id;
  });
  try {
    await dispatchOutboxRows("email", [outboxId]);
  } catch (error) {
    logError(`could not dispatch hand-off email ${outboxId}`, error); // the outbox relay sends it
  }
  return { sentTo: address };
}
