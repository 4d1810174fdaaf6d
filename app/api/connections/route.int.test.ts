import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/connections/route";
import crypto from "node:crypto";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { db } from "@/lib/db";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";

// Route handlers read the signed-in user from next-auth; here the test decides who is asking.
const caller = vi.hoisted(() => ({ organization: null as { id: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => ({ id: "user-1", email: "member@example.com" }),
  getMembership: async () =>
    caller.organization ? { role: "owner", organization: caller.organization } : null,
}));

// next-auth's session cookie, when a test signs in for real; without it the route asks next-auth
// (mocked above) who is calling.
const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "next-auth.session-token" && jar.token ? { value: jar.token } : undefined,
  }),
}));

const finch = finchForTestFile();

beforeEach(async () => {
  jar.token = undefined;
  caller.organization = await seedOrganization();
});

async function poll(etag?: string) {
  const response = await GET(
    new Request("http://localhost/api/connections", { headers: etag ? { "If-None-Match": etag } : {} }),
  );
  const text = await response.text();
  return { status: response.status, etag: response.headers.get("etag") ?? "", text };
}

describe("GET /api/connections with ETags", () => {
  it("answers an unchanged list with an empty 304 and a changed one in full", async () => {
    const connection = await seedConnection(finch(), caller.organization!.id);
    const first = await poll();
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[\w-]+"$/);
    expect(JSON.parse(first.text).connections).toHaveLength(1);

    const unchanged = await poll(first.etag);
    expect(unchanged).toEqual({ status: 304, etag: first.etag, text: "" });
    expect((await poll(`W/${first.etag}, "other"`)).status).toBe(304);

    // A status change.
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "sweep" });
    const broken = await poll(first.etag);
    expect(broken.status).toBe(200);
    expect(JSON.parse(broken.text).connections[0].status).toBe("needs_reauth");
    expect(broken.etag).not.toBe(first.etag);

    // Company data synced again.
    await db().finchCompany.create({
      data: { connectionId: connection.id, finchCompanyId: "co", employeeCount: 3, fetchedAt: new Date() },
    });
    const synced = await poll(broken.etag);
    expect(synced.status).toBe(200);
    expect(JSON.parse(synced.text).connections[0].company.employeeCount).toBe(3);

    // A repair receipt after a reconnect.
    await db().repairReceipt.create({
      data: { connectionId: connection.id, checks: [{ product: "company", ok: true, problem: null }] },
    });
    const receipted = await poll(synced.etag);
    expect(receipted.status).toBe(200);
    expect(JSON.parse(receipted.text).connections[0].receipt).not.toBeNull();

    // A connection added, then removed.
    const added = await seedConnection(finch(), caller.organization!.id);
    const two = await poll(receipted.etag);
    expect(JSON.parse(two.text).connections).toHaveLength(2);
    await db().connection.delete({ where: { id: added.id } });
    const back = await poll(two.etag);
    expect(back.status).toBe(200);
    expect(JSON.parse(back.text).connections).toHaveLength(1);
    expect((await poll(back.etag)).status).toBe(304);
  });

  it("never matches another organization's ETag, even with identical lists", async () => {
    const mine = await poll();
    caller.organization = await seedOrganization();
    const theirs = await poll(mine.etag);
    expect(theirs.status).toBe(200);
    expect(theirs.etag).not.toBe(mine.etag);
  });

  it("still asks who is calling before answering 304", async () => {
    const { etag } = await poll();
    caller.organization = null;
    expect((await poll(etag)).status).toBe(403);
  });

  it("answers a poll from the session cookie in one query, with the same ETag", async () => {
    await seedConnection(finch(), caller.organization!.id);
    const { etag } = await poll();
    const user = await db().user.create({ data: { email: `poll-${crypto.randomUUID()}@example.com` } });
    await db().membership.create({ data: { userId: user.id, organizationId: caller.organization!.id } });
    jar.token = crypto.randomBytes(16).toString("hex");
    await db().session.create({
      data: {
        sessionToken: jar.token,
        userId: user.id,
        expires: new Date(Date.now() + 30 * 86_400_000 - 60_000),
      },
    });
    caller.organization = null; // next-auth's path would now refuse: only the cookie can answer
    expect(await poll(etag)).toEqual({ status: 304, etag, text: "" });
    expect(JSON.parse((await poll()).text).connections).toHaveLength(1);

    await db().membership.deleteMany({ where: { userId: user.id } });
    expect((await poll(etag)).status).toBe(403);
  });
});
