// Inviting a colleague by email and joining through a pending invitation.
import "server-only";
import { createElement } from "react";
import { InvitationEmail } from "@/components/emails/invitation-email";
import { parseEmailAddress } from "@/lib/auth/email-address";
import { db, type Tx } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { CurrentMember } from "@/lib/auth/session";
import { consumeInvitationLimit } from "./invitation-limits";
import { joinOrganization } from "./join-organization";

/** A pending invitation for this address (a withdrawn or accepted one is opened again). */
export function upsertInvitation(
  tx: Pick<Tx, "invitation">,
  { organizationId, email, invitedById }: { organizationId: string; email: string; invitedById: string },
) {
  return tx.invitation.upsert({
    where: { organizationId_email: { organizationId, email } },
    create: { organizationId, email, invitedById },
    update: { acceptedAt: null },
    select: { id: true, email: true },
  });
}

/** The invitation email: sign in with this address to join. */
export async function sendInvitationEmail(options: {
  email: string;
  organizationName: string;
  invitedBy: string;
  /** Resend delivers one message per key, so a retried send is never a second email. */
  idempotencyKey?: string;
}) {
  const url = new URL("/login", env().APP_URL);
  url.searchParams.set("email", options.email);
  await sendEmail({
    to: options.email,
    subject: `${options.invitedBy} invited you to ${options.organizationName}`,
    idempotencyKey: options.idempotencyKey,
    react: createElement(InvitationEmail, {
      organizationName: options.organizationName,
      invitedBy: options.invitedBy,
      url: url.toString(),
    }),
  });
}

export async function inviteMember({ inviter, email }: { inviter: CurrentMember; email: string }) {
  if (inviter.role !== "owner") throw new AppError("forbidden", "Only owners can invite colleagues.");
  const parsed = parseEmailAddress(email);
  if (parsed.kind === "invalid") throw new AppError("bad_request", parsed.message);
  const address = parsed.email;
  const alreadyMember = await db().membership.findFirst({
    where: { organizationId: inviter.organization.id, user: { email: address } },
    select: { id: true },
  });
  if (alreadyMember) throw new AppError("conflict", `${address} is already a member.`);
  await consumeInvitationLimit({ inviterId: inviter.id, email: address });
  const invitation = await upsertInvitation(db(), {
    organizationId: inviter.organization.id,
    email: address,
    invitedById: inviter.id,
  });
  await sendInvitationEmail({
    email: address,
    organizationName: inviter.organization.name,
    invitedBy: inviter.email,
  });
  return invitation;
}

export function listPendingInvitations(email: string) {
  return db().invitation.findMany({
    where: { email: email.toLowerCase(), acceptedAt: null },
    select: { id: true, role: true, organization: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** Joins the invitation's organization; the invitation must be addressed to this user. */
export async function acceptInvitation({
  userId,
  email,
  invitationId,
}: {
  userId: string;
  email: string;
  invitationId: string;
}) {
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, email: email.toLowerCase(), acceptedAt: null },
      select: { id: true, organizationId: true, role: true },
    });
    if (!invitation) throw new AppError("not_found", "This invitation is no longer valid.");
    const joined = await joinOrganization(tx, {
      userId,
      organizationId: invitation.organizationId,
      role: invitation.role,
    });
    if (joined !== "joined") throw new AppError("conflict", "You already belong to an organization.");
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    return invitation.organizationId;
  });
}

export function listMembers(organizationId: string) {
  return db().membership.findMany({
    where: { organizationId },
    select: { id: true, role: true, createdAt: true, user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export function listOpenInvitations(organizationId: string) {
  return db().invitation.findMany({
    where: { organizationId, acceptedAt: null },
    select: { id: true, email: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
