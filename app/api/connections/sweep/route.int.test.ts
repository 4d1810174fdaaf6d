import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/connections/sweep/route";
import { db } from "@/lib/db";
import { startJobWorkers } from "@/lib/startup/start-job-workers";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";

// Route handlers read the signed-in user from next-auth; here the test decides who is asking.
const caller = vi.hoisted(() => ({
  user: null as { id: string; email: string } | null,
  organization: null as { id: string; name: string } | null,
  operators: [] as string[],
}));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => caller.user,
  getMembership: async () =>
    caller.organization ? { role: "owner", organization: caller.organization } : null,
  isOperator: (email: string) => caller.operators.includes(email),
}));

const finch = finchForTestFile();

beforeAll(async () => {
  await startJobWorkers();
});

beforeEach(() => {
  caller.user = { id: "user-1", email: "member@example.com" };
  caller.organization = null;
  caller.operators = [];
});

async function sweep(body?: string) {
  const response = await POST(
    new Request("http://localhost/api/connections/sweep", { method: "POST", body }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function brokenOrganization() {
  const org = await seedOrganization();
  const healthy = await seedConnection(finch(), org.id);
  const broken = await seedConnection(finch(), org.id);
  await finch()
    .withToken(broken.accessToken)
    .sandbox.connections.accounts.update({ connection_status: "reauth" });
  return { org, healthy, broken };
}

const statusOf = async (id: string) =>
  (await db().connection.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("POST /api/connections/sweep", () => {
  it("sweeps the member's own organization and answers with the summary", async () => {
    const mine = await brokenOrganization();
    const theirs = await brokenOrganization();
    caller.organization = mine.org;

    const answer = await sweep();
    expect(answer).toEqual({
      status: 200,
      body: { ok: true, scope: "organization", summary: { checked: 2, changed: 1, failed: 0, deferred: 0 } },
    });
    expect(await statusOf(mine.broken.id)).toBe("needs_reauth");
    expect(await statusOf(theirs.broken.id)).toBe("healthy");
  });

  it("gives two simultaneous requests for one organization the same answer", async () => {
    const { org, broken } = await brokenOrganization();
    caller.organization = org;
    const [first, second] = await Promise.all([sweep(), sweep("{}")]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect((first.body.summary as { checked: number }).checked).toBe(2);
    expect((second.body.summary as { checked: number }).checked).toBe(2);
    expect(await db().incident.count({ where: { connectionId: broken.id } })).toBe(1);
  });

  it("asks who is calling: 401 signed out, 403 without an organization or for another's scope", async () => {
    caller.user = null;
    expect(await sweep()).toMatchObject({ status: 401, body: { error: expect.any(String) } });
    caller.user = { id: "user-2", email: "lonely@example.com" };
    expect(await sweep()).toMatchObject({ status: 403 });
    caller.organization = await seedOrganization();
    expect(await sweep(JSON.stringify({ scope: "all" }))).toMatchObject({ status: 403 });
  });

  it("answers bad input with a 400", async () => {
    caller.organization = await seedOrganization();
    for (const body of [
      "{oops",
      JSON.stringify({ scope: "everything" }),
      JSON.stringify({ scope: "all", extra: 1 }),
      "[]",
    ]) {
      expect(await sweep(body)).toMatchObject({ status: 400, body: { error: expect.any(String) } });
    }
  });

  it("lets an operator sweep every organization", async () => {
    const a = await brokenOrganization();
    const b = await brokenOrganization();
    caller.user = { id: "op", email: "ops@example.com" };
    caller.operators = ["ops@example.com"];
    const answer = await sweep(JSON.stringify({ scope: "all" }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true, scope: "all" } });
    expect((answer.body.summary as { checked: number }).checked).toBeGreaterThanOrEqual(4);
    expect([await statusOf(a.broken.id), await statusOf(b.broken.id)]).toEqual([
      "needs_reauth",
      "needs_reauth",
    ]);
  });
});
