// What the login link's page shows before anything happens: whose link it is and for which
// organization, or null when it is unknown, used or expired. Only reads: opening the page (a mail
// scanner, a chat unfurl, a prefetch) never spends the link.
import "server-only";
import { db } from "@/lib/db";
import { hashLoginLinkToken, isLoginLinkToken } from "./login-link-token";

export interface UsableLoginLink {
  email: string;
  organizationName: string;
}

export async function findUsableLoginLink(token: string, now = new Date()): Promise<UsableLoginLink | null> {
  if (!isLoginLinkToken(token)) return null;
  const link = await db().loginLink.findFirst({
    where: { tokenHash: hashLoginLinkToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { email: true, organization: { select: { name: true } } },
  });
  return link && { email: link.email, organizationName: link.organization.name };
}
