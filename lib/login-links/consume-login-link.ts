// Spends a login link and signs its person in, all in one transaction: the link is marked used by
// one conditional UPDATE (of two clicks at once, one wins and the other finds nothing), the person is
// found or created, joins the organization as a member if new to it, and gets a next-auth database
// session. Someone who already belongs to another organization is never moved: nothing is signed in.
import "server-only";
import { createDatabaseSession, type DatabaseSession } from "@/lib/auth/create-database-session";
import { db } from "@/lib/db";
import { logInfo } from "@/lib/log";
import { joinOrganization } from "@/lib/orgs/join-organization";
import { hashLoginLinkToken, isLoginLinkToken } from "./login-link-token";

export type LoginLinkOutcome =
  | {
      kind: "signed_in";
      session: DatabaseSession;
      userId: string;
      organizationId: string;
      returnTo: string | null;
    }
  | { kind: "expired" }
  | { kind: "other_organization" };

export async function consumeLoginLink({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<LoginLinkOutcome> {
  if (!isLoginLinkToken(token)) return { kind: "expired" };
  const tokenHash = hashLoginLinkToken(token);
  return db().$transaction(async (tx) => {
    const spent = await tx.loginLink.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count === 0) return { kind: "expired" };
    const link = await tx.loginLink.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, organizationId: true, email: true, returnTo: true, apiKeyId: true },
    });
    // Stored lower-cased, as next-auth's adapter stores every address; one row per address.
    const user = await tx.user.upsert({
      where: { email: link.email },
      create: { email: link.email },
      update: {},
      select: { id: true },
    });
    const joined = await joinOrganization(tx, {
      userId: user.id,
      organizationId: link.organizationId,
      role: "member",
    });
    const apiKey = link.apiKeyId
      ? await tx.apiKey.findUnique({ where: { id: link.apiKeyId }, select: { id: true, name: true } })
      : null;
    const by = apiKey ? `API key "${apiKey.name}" (${apiKey.id})` : "a deleted API key";
    if (joined === "other_organization") {
      logInfo(
        `login link ${link.id} refused: user ${user.id} belongs to another organization; made by ${by}`,
      );
      return { kind: "other_organization" };
    }
    if (joined === "joined") {
      // An invitation to the same organization is fulfilled too, so the team page stops listing it.
      await tx.invitation.updateMany({
        where: { organizationId: link.organizationId, email: link.email, acceptedAt: null },
        data: { acceptedAt: now },
      });
    }
    const session = await createDatabaseSession(tx, { userId: user.id, now });
    const how = joined === "joined" ? "joined as a member and signed in" : "signed in";
    logInfo(`login link ${link.id}: user ${user.id} ${how} to organization ${link.organizationId} by ${by}`);
    return {
      kind: "signed_in",
      session,
      userId: user.id,
      organizationId: link.organizationId,
      returnTo: link.returnTo,
    };
  });
}
