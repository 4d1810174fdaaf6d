import { afterAll, describe, expect, it } from "vitest";
import { prismaAdapter } from "@/lib/auth/prisma-adapter";
import { sessionMemberByToken } from "@/lib/auth/session-member";
import { db } from "@/lib/db";
import { apiKeyForTests } from "@/test/api-test-kit";
import { captureLogs } from "@/test/capture-logs";
import { seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";
import { consumeLoginLink } from "./consume-login-link";
import { findUsableLoginLink } from "./find-login-link";
import { issueLoginLink } from "./issue-login-link";

afterAll(async () => {
  await db().$disconnect();
});

const minutes = (n: number) => n * 60_000;
const newEmail = () => `person-${uniqueSuffix()}@example.com`;

async function linkFor(
  email: string,
  {
    organizationId,
    returnTo = null,
    now,
  }: { organizationId?: string; returnTo?: string | null; now?: Date } = {},
) {
  const organization = organizationId ? { id: organizationId } : await seedOrganization();
  const externalId = `cust-${uniqueSuffix()}`;
  await db().organization.update({ where: { id: organization.id }, data: { externalId } });
  const apiKey = await apiKeyForTests(["links:write"]);
  const link = await issueLoginLink({
    organizationExternalId: externalId,
    email,
    returnTo,
    apiKey: { keyId: apiKey.id, name: "host backend" },
    now,
  });
  const token = new URL(link.url).pathname.split("/").pop() ?? "";
  return { ...link, token, organizationId: organization.id, apiKeyId: apiKey.id };
}

describe("spending a login link", () => {
  it("creates the person, makes them a member, opens a next-auth session, and works once", async () => {
    const email = newEmail();
    const link = await linkFor(email, { returnTo: "/team" });
    expect(await findUsableLoginLink(link.token)).toMatchObject({ email });
    expect(await findUsableLoginLink(link.token)).not.toBeNull();

    const logs = captureLogs();
    const outcome = await consumeLoginLink({ token: link.token }).finally(logs.restore);
    if (outcome.kind !== "signed_in") throw new Error(`expected a sign-in, got ${outcome.kind}`);
    expect(outcome.returnTo).toBe("/team");
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(outcome.userId).toBe(user.id);
    // The session is next-auth's own: its adapter and the app's session reader both find it.
    const found = await prismaAdapter(db()).getSessionAndUser?.(outcome.session.sessionToken);
    expect(found?.user.email).toBe(email);
    expect(found?.session.expires.getTime()).toBeGreaterThan(Date.now() + minutes(60 * 24 * 29));
    expect(await sessionMemberByToken(outcome.session.sessionToken)).toMatchObject({
      user: { id: user.id, email },
      membership: { role: "member", organization: { id: link.organizationId } },
    });
    expect(logs.text()).toContain(link.apiKeyId);
    expect(logs.text()).toContain(user.id);
    expect(logs.text()).not.toContain(link.token);
    expect(logs.text()).not.toContain(outcome.session.sessionToken);

    expect(await findUsableLoginLink(link.token)).toBeNull();
    expect(await consumeLoginLink({ token: link.token })).toEqual({ kind: "expired" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("signs an existing member in without changing their role, and fulfils a pending invitation", async () => {
    const owner = await db().user.create({ data: { email: newEmail() } });
    const organization = await seedOrganization();
    await db().membership.create({
      data: { userId: owner.id, organizationId: organization.id, role: "owner" },
    });
    const ownerLink = await linkFor(owner.email, { organizationId: organization.id });
    expect((await consumeLoginLink({ token: ownerLink.token })).kind).toBe("signed_in");
    expect(await db().membership.findUnique({ where: { userId: owner.id } })).toMatchObject({
      role: "owner",
    });

    const invited = newEmail();
    await db().invitation.create({
      data: { organizationId: organization.id, email: invited, invitedById: owner.id },
    });
    const invitedLink = await linkFor(invited, { organizationId: organization.id });
    expect((await consumeLoginLink({ token: invitedLink.token })).kind).toBe("signed_in");
    const invitation = await db().invitation.findFirstOrThrow({ where: { email: invited } });
    expect(invitation.acceptedAt).not.toBeNull();
  });

  it("expires five minutes after it was made (injected clock)", async () => {
    const made = new Date();
    const lateEmail = newEmail();
    const late = await linkFor(lateEmail, { now: made });
    const inTime = await linkFor(newEmail(), { now: made });
    const justAfter = new Date(made.getTime() + minutes(5) + 1);
    expect(await findUsableLoginLink(late.token, justAfter)).toBeNull();
    expect(await consumeLoginLink({ token: late.token, now: justAfter })).toEqual({ kind: "expired" });
    const justBefore = new Date(made.getTime() + minutes(5) - 1000);
    expect((await consumeLoginLink({ token: inTime.token, now: justBefore })).kind).toBe("signed_in");
    expect(await db().user.count({ where: { email: lateEmail } })).toBe(0);
  });

  it("signs in once when two clicks arrive together", async () => {
    const email = newEmail();
    const link = await linkFor(email);
    const outcomes = await Promise.all([1, 2, 3].map(() => consumeLoginLink({ token: link.token })));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["expired", "expired", "signed_in"]);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("never moves a member of another organization, and signs nobody in", async () => {
    const elsewhere = await db().user.create({ data: { email: newEmail() } });
    const home = await seedOrganization();
    await db().membership.create({ data: { userId: elsewhere.id, organizationId: home.id, role: "owner" } });
    const link = await linkFor(elsewhere.email);
    expect(await consumeLoginLink({ token: link.token })).toEqual({ kind: "other_organization" });
    expect(await db().membership.findMany({ where: { userId: elsewhere.id } })).toMatchObject([
      { organizationId: home.id, role: "owner" },
    ]);
    expect(await db().session.count({ where: { userId: elsewhere.id } })).toBe(0);
    expect(await consumeLoginLink({ token: link.token })).toEqual({ kind: "expired" });
  });

  it("treats an unknown or malformed token as expired, without an error", async () => {
    for (const token of ["", "short", "x".repeat(43), "a/b", "%00".repeat(20)]) {
      expect(await findUsableLoginLink(token)).toBeNull();
      expect(await consumeLoginLink({ token })).toEqual({ kind: "expired" });
    }
  });
});
