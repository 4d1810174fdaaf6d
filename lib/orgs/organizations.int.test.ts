import { afterAll, describe, expect, it } from "vitest";
import { prismaAdapter } from "@/lib/auth/prisma-adapter";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createOrganization } from "./create-organization";
import { acceptInvitation, listMembers } from "./invitations";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function newUser() {
  return db().user.create({ data: { email: `user-${unique()}@example.com` } });
}

afterAll(async () => {
  await db().$disconnect();
});

describe("organizations", () => {
  it("creates an organization with its creator as owner, once", async () => {
    const user = await newUser();
    const org = await createOrganization({ userId: user.id, name: "  Acme Payroll  " });
    expect(org.name).toBe("Acme Payroll");
    const members = await listMembers(org.id);
    expect(members.map((m) => [m.user.email, m.role])).toEqual([[user.email, "owner"]]);
    await expect(createOrganization({ userId: user.id, name: "Second" })).rejects.toBeInstanceOf(AppError);
  });

  it("rejects a too-short name without creating anything", async () => {
    const user = await newUser();
    await expect(createOrganization({ userId: user.id, name: " x " })).rejects.toThrow(/at least 2/);
    for (const name of ["Acme\u0000", "Acme \ud800"])
      await expect(createOrganization({ userId: user.id, name })).rejects.toThrow(/letters, digits/);
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets only the invited address accept an invitation, as a member", async () => {
    const owner = await newUser();
    const org = await createOrganization({ userId: owner.id, name: "Invite Co" });
    const invitee = await newUser();
    const stranger = await newUser();
    const invitation = await db().invitation.create({
      data: { organizationId: org.id, email: invitee.email, invitedById: owner.id },
    });

    await expect(
      acceptInvitation({ userId: stranger.id, email: stranger.email, invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await acceptInvitation({ userId: invitee.id, email: invitee.email, invitationId: invitation.id });
    const roles = (await listMembers(org.id)).map((m) => m.role).sort();
    expect(roles).toEqual(["member", "owner"]);
    await expect(
      acceptInvitation({ userId: invitee.id, email: invitee.email, invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("magic-link tokens", () => {
  it("can be used exactly once", async () => {
    const adapter = prismaAdapter(db());
    const token = {
      identifier: `t-${unique()}@example.com`,
      token: unique(),
      expires: new Date(Date.now() + 60_000),
    };
    await adapter.createVerificationToken?.(token);
    const [first, second] = await Promise.all([
      adapter.useVerificationToken?.(token),
      adapter.useVerificationToken?.(token),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await adapter.useVerificationToken?.(token)).toBeNull();
  });
});
