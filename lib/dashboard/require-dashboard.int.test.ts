import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listConnections } from "@/lib/connections/list-connections";
import { db } from "@/lib/db";
import { organizationHealth } from "@/lib/health/organization-health";
import { uniqueSuffix } from "@/test/finch-test-kit";
import { seedSignedInUser } from "@/test/signed-in-user";
import { requireDashboard } from "./require-dashboard";

// The request's cookies, as next/headers would read them; redirects and next-auth's path as values.
const jar = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.cookies.has(name) ? { value: jar.cookies.get(name) } : undefined),
  }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
}));
const nextAuth = vi.hoisted(() => ({ member: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ requireMember: async () => nextAuth.member }));

const HOUR = 3600_000;
const DAY = 24 * HOUR;

afterAll(() => db().$disconnect());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date());
});
afterEach(() => vi.useRealTimers());

async function seedConnection(organizationId: string, providerId: string, createdAt: Date) {
  return db().connection.create({
    data: {
      organizationId,
      finchConnectionId: `conn-${uniqueSuffix()}`,
      providerId,
      providerName: providerId,
      accessTokenCiphertext: "unused",
      accessTokenKeyId: "k1",
      products: ["company", "directory"],
      createdAt,
    },
    select: { id: true },
  });
}

async function signedIn(withOrganization = true) {
  const { user, organization, sessionToken } = await seedSignedInUser({
    expiresInMs: 30 * DAY - 60_000,
    withOrganization,
  });
  jar.cookies = new Map([["next-auth.session-token", sessionToken]]);
  return { user, organization };
}

describe("requireDashboard", () => {
  it("reads the member, the connections and the health in one statement, as the separate reads do", async () => {
    const { user, organization } = await signedIn();
    const now = Date.now();
    const first = await seedConnection(organization!.id, "gusto", new Date(now - 40 * DAY));
    const broken = await seedConnection(organization!.id, "adp_run", new Date(now - 10 * DAY));
    await db().connection.update({ where: { id: broken.id }, data: { status: "needs_reauth" } });
    await db().incident.createMany({
      data: [
        {
          connectionId: first.id,
          source: "webhook",
          startedAt: new Date(now - 5 * DAY),
          resolvedAt: new Date(now - 5 * DAY + 2 * HOUR),
        },
        { connectionId: broken.id, source: "webhook", startedAt: new Date(now - 3 * HOUR), resolvedAt: null },
      ],
    });
    const dashboard = await requireDashboard();
    expect(dashboard.member).toEqual({
      id: user.id,
      email: user.email,
      role: "owner",
      organization: { id: organization!.id, name: organization!.name },
    });
    expect(dashboard.connections.map((c) => c.id)).toEqual([broken.id, first.id]);
    expect(dashboard.connections).toEqual(await listConnections(organization!.id));
    expect(dashboard.health).toEqual(await organizationHealth({ organizationId: organization!.id }));
    expect(dashboard.health).toMatchObject({
      connections: 2,
      incidents30: 2,
      openIncidents: 1,
      medianRepairSeconds: 7200,
    });
  });

  it("answers an organization without connections with an empty list and an empty summary", async () => {
    await signedIn();
    const dashboard = await requireDashboard();
    expect(dashboard.connections).toEqual([]);
    expect(dashboard.health).toMatchObject({ connections: 0, incidents30: 0, uptime30: null });
  });

  it("sends a user without an organization to onboarding", async () => {
    await signedIn(false);
    await expect(requireDashboard()).rejects.toThrow("redirect /onboarding");
  });

  it("takes next-auth's path when it has work to do, and reads the parts for its member", async () => {
    const { organization } = await signedIn();
    await seedConnection(organization!.id, "gusto", new Date(Date.now() - DAY));
    jar.cookies = new Map();
    nextAuth.member = { id: "u1", email: "a@example.com", role: "owner", organization: organization! };
    const dashboard = await requireDashboard();
    expect(dashboard.member).toBe(nextAuth.member);
    expect(dashboard.connections).toEqual(await listConnections(organization!.id));
    expect(dashboard.health.connections).toBe(1);
  });
});
