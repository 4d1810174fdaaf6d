// The admins the host names for an organization it hands us (an import): each address is invited
// once. A member gets nothing, an address already invited (pending or accepted) gets nothing, and the
// invitation row is written before its email, so running the same import again sends no email twice.
import "server-only";
import { db } from "@/lib/db";
import { logError } from "@/lib/log";
import { sendInvitationEmail } from "./invitations";

export interface InviteAdminsOptions {
  organizationId: string;
  organizationName: string;
  /** Addresses already checked and lower-cased. */
  emails: string[];
  /** Who is inviting, as the invitation records it (an API key: "api_key:<id>"). */
  invitedById: string;
  /** How the email names the inviter. */
  invitedBy: string;
}

/** Returns the addresses invited now (and emailed); the others already were, or are members. */
export async function inviteAdmins(options: InviteAdminsOptions): Promise<string[]> {
  const { organizationId } = options;
  const emails = [...new Set(options.emails)];
  if (emails.length === 0) return [];
  const members = await db().membership.findMany({
    where: { organizationId, user: { email: { in: emails } } },
    select: { user: { select: { email: true } } },
  });
  const memberEmails = new Set(members.map((member) => member.user.email));
  const newcomers = emails.filter((email) => !memberEmails.has(email));
  // The unique (organization, email) pair decides who is new: concurrent imports invite each once.
  const created = await db().invitation.createManyAndReturn({
    data: newcomers.map((email) => ({ organizationId, email, invitedById: options.invitedById })),
    skipDuplicates: true,
    select: { id: true, email: true },
  });
  for (const invitation of created) {
    try {
      await sendInvitationEmail({
        email: invitation.email,
        organizationName: options.organizationName,
        invitedBy: options.invitedBy,
        idempotencyKey: `invitation:${invitation.id}`,
      });
    } catch (error) {
      // The invitation stands: signing in with this address shows it and joins.
      logError(`invitation ${invitation.id}: the email could not be sent`, error);
    }
  }
  return created.map((invitation) => invitation.email);
}
