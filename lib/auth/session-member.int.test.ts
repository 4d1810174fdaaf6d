import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { seedSignedInUser } from "@/test/signed-in-user";
import { ASK_NEXT_AUTH, readSessionMember } from "./session-member";

// The request's cookies, as next/headers would read them.
const jar = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.cookies.has(name) ? { value: jar.cookies.get(name) } : undefined),
  }),
}));

const DAY = 24 * 60 * 60 * 1000;

async function signedIn(expiresInMs: number, withOrganization = true) {
  const { user, organization, sessionToken } = await seedSignedInUser({ expiresInMs, withOrganization });
  jar.cookies = new Map([["next-auth.session-token", sessionToken]]);
  return { user, organization };
}

afterAll(async () => {
  await db().$disconnect();
});

describe("readSessionMember", () => {
  it("reads the user, role and organization of a fresh session in one go", async () => {
    const { user, organization } = await signedIn(30 * DAY - 60_000);
    expect(await readSessionMember()).toEqual({
      user: { id: user.id, email: user.email },
      membership: { role: "owner", organization: { id: organization!.id, name: organization!.name } },
    });
  });

  it("answers a user without an organization with no membership", async () => {
    const { user } = await signedIn(30 * DAY - 60_000, false);
    expect(await readSessionMember()).toEqual({ user: { id: user.id, email: user.email }, membership: null });
  });

  it("leaves next-auth in charge of missing, unknown, expired and due-for-extension sessions", async () => {
    jar.cookies = new Map();
    expect(await readSessionMember()).toBe(ASK_NEXT_AUTH);
    jar.cookies = new Map([["next-auth.session-token", "no-such-session"]]);
    expect(await readSessionMember()).toBe(ASK_NEXT_AUTH);
    await signedIn(-60_000);
    expect(await readSessionMember()).toBe(ASK_NEXT_AUTH);
    // Older than a day: next-auth moves its expiry forward.
    await signedIn(29 * DAY - 60_000);
    expect(await readSessionMember()).toBe(ASK_NEXT_AUTH);
  });

  it("reads only next-auth's cookie for this origin", async () => {
    const { user } = await signedIn(30 * DAY - 60_000);
    const token = jar.cookies.get("next-auth.session-token")!;
    jar.cookies = new Map([["__Secure-next-auth.session-token", token]]);
    expect(await readSessionMember()).toBe(ASK_NEXT_AUTH);
    jar.cookies = new Map([["next-auth.session-token", token]]);
    expect(await readSessionMember()).toMatchObject({ user: { id: user.id } });
  });
});
