// A signed-in user as next-auth's database session stores one: the user, an organization they own
// (unless asked not to) and a session whose token expires `expiresInMs` from now. Tests put the token
// in their cookie jar.
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { seedOrganization } from "./finch-test-kit";

export async function seedSignedInUser({
  expiresInMs,
  withOrganization = true,
}: {
  expiresInMs: number;
  withOrganization?: boolean;
}) {
  const user = await db().user.create({ data: { email: `u-${crypto.randomUUID()}@example.com` } });
  const organization = withOrganization ? await seedOrganization() : null;
  if (organization)
    await db().membership.create({
      data: { userId: user.id, organizationId: organization.id, role: "owner" },
    });
  const sessionToken = crypto.randomBytes(16).toString("hex");
  await db().session.create({
    data: { sessionToken, userId: user.id, expires: new Date(Date.now() + expiresInMs) },
  });
  return { user, organization, sessionToken };
}
