// The host's backend asks for a login link (POST /api/v1/login-links): one row holding the token's
// hash, the organization, the person's address and where to land, valid for five minutes.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logInfo } from "@/lib/log";
import { generateLoginLinkToken, LOGIN_LINK_TTL_SECONDS, loginLinkUrl } from "./login-link-token";

export interface IssueLoginLinkOptions {
  organizationExternalId: string;
  /** Already normalized (lib/auth/email-address.ts). */
  email: string;
  /** Already checked to be a local path; null lands on the dashboard. */
  returnTo: string | null;
  apiKey: { keyId: string; name: string };
  now?: Date;
}

export async function issueLoginLink({
  organizationExternalId,
  email,
  returnTo,
  apiKey,
  now = new Date(),
}: IssueLoginLinkOptions): Promise<{ url: string; expiresAt: Date }> {
  const organization = await db().organization.findUnique({
    where: { externalId: organizationExternalId },
    select: { id: true },
  });
  if (!organization) {
    throw new AppError("not_found", `No organization has the external_id ${organizationExternalId}.`);
  }
  const { token, tokenHash } = generateLoginLinkToken();
  const expiresAt = new Date(now.getTime() + LOGIN_LINK_TTL_SECONDS * 1000);
  const link = await db().loginLink.create({
    data: { tokenHash, organizationId: organization.id, email, returnTo, apiKeyId: apiKey.keyId, expiresAt },
    select: { id: true },
  });
  logInfo(
    `login link ${link.id} made for organization ${organization.id} by API key "${apiKey.name}" (${apiKey.keyId})`,
  );
  return { url: loginLinkUrl(token, env().APP_URL), expiresAt };
}
