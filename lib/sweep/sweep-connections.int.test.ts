import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetFinchBudget } from "@/lib/finch/budget/reset-finch-budget";
import { findJobs } from "@/lib/jobs/find-jobs";
import { stopJobs } from "@/lib/jobs/job-engine";
import { startCountingProxy, type CountingProxy } from "@/test/counting-proxy";
import {
  seedConnection,
  seedOrganization,
  startFinchForTests,
  type FinchForTests,
  type SeededConnection,
} from "@/test/finch-test-kit";
import { TOKEN_REJECTED_REASON } from "@/lib/signals/mark-token-rejected";
import { sweepConnections, type DeferredSweep } from "./sweep-connections";

let finch: FinchForTests;
let proxy: CountingProxy;

beforeAll(async () => {
  proxy = await startCountingProxy();
  // The app talks to the stand-in through the proxy, which counts calls in flight.
  finch = await startFinchForTests({
    appBaseUrl: (url) => {
      proxy.target = url;
      return proxy.url;
    },
  });
});

afterEach(async () => {
  proxy.override = undefined;
  proxy.reset();
  await finch.control("DELETE", "/_emulator/faults");
  // A 429 pauses the budget class for everyone, as it should; each test starts with a fresh budget.
  await resetFinchBudget();
});

afterAll(async () => {
  await stopJobs();
  await finch.close();
  await proxy.close();
  await db().$disconnect();
});

async function orgWith(count: number) {
  const org = await seedOrganization();
  const connections: SeededConnection[] = [];
  for (let i = 0; i < count; i++) connections.push(await seedConnection(finch, org.id));
  return { organizationId: org.id, connections };
}

const setFinchStatus = (connection: SeededConnection, status: "reauth" | "connected") =>
  finch.withToken(connection.accessToken).sandbox.connections.accounts.update({ connection_status: status });

async function statuses(connections: SeededConnection[]) {
  const rows = await db().connection.findMany({
    where: { id: { in: connections.map((c) => c.id) } },
    select: { id: true, status: true, statusSource: true },
  });
  return connections.map((c) => rows.find((r) => r.id === c.id)?.status);
}

const collectDeferred = () => {
  const deferred: DeferredSweep[] = [];
  return { deferred, deferRemainder: async (remainder: DeferredSweep) => void deferred.push(remainder) };
};

describe("sweepConnections", () => {
  it("marks a connection broken in Finch as needs_reauth, then healthy again once restored", async () => {
    const { organizationId, connections } = await orgWith(3);
    await setFinchStatus(connections[1], "reauth");

    const broken = await sweepConnections({ organizationId });
    expect(broken).toEqual({ checked: 3, changed: 1, failed: 0, deferred: 0 });
    expect(await statuses(connections)).toEqual(["healthy", "needs_reauth", "healthy"]);
    const incidents = await db().incident.findMany({ where: { connectionId: connections[1].id } });
    expect(incidents).toMatchObject([{ source: "sweep", resolvedAt: null }]);

    // A second sweep finds nothing new and opens no second incident, but records the check.
    const checkedBefore = await db().connection.findUniqueOrThrow({
      where: { id: connections[0].id },
      select: { lastCheckedAt: true },
    });
    expect(await sweepConnections({ organizationId })).toMatchObject({ checked: 3, changed: 0 });
    const checkedAfter = await db().connection.findUniqueOrThrow({
      where: { id: connections[0].id },
      select: { lastCheckedAt: true, lastSuccessAt: true },
    });
    expect(checkedAfter.lastCheckedAt?.getTime()).toBeGreaterThan(
      checkedBefore.lastCheckedAt?.getTime() ?? 0,
    );
    expect(checkedAfter.lastSuccessAt).toEqual(checkedAfter.lastCheckedAt);

    await setFinchStatus(connections[1], "connected");
    expect(await sweepConnections({ organizationId })).toMatchObject({ checked: 3, changed: 1 });
    expect(await statuses(connections)).toEqual(["healthy", "healthy", "healthy"]);
    const resolved = await db().incident.findMany({ where: { connectionId: connections[1].id } });
    expect(resolved).toHaveLength(1);
    expect(resolved[0].resolvedAt).toBeInstanceOf(Date);
  });

  it("sweeps only the given organization's connections", async () => {
    const mine = await orgWith(2);
    const theirs = await orgWith(1);
    await setFinchStatus(theirs.connections[0], "reauth");
    expect(await sweepConnections({ organizationId: mine.organizationId })).toMatchObject({
      checked: 2,
      changed: 0,
    });
    expect(await statuses(theirs.connections)).toEqual(["healthy"]);
  });

  it("stops at a 429, flips nothing, and defers the unchecked rest until after Retry-After", async () => {
    const { organizationId, connections } = await orgWith(4);
    await setFinchStatus(connections[0], "reauth");
    await finch.control("POST", "/_emulator/faults", {
      path: "/introspect",
      status: 429,
      count: 1,
      retryAfterSeconds: 42,
    });
    const { deferred, deferRemainder } = collectDeferred();

    const summary = await sweepConnections({ organizationId, concurrency: 1, deferRemainder });
    expect(summary).toEqual({ checked: 0, changed: 0, failed: 0, deferred: 4, retryAfterSeconds: 42 });
    expect(proxy.calls.get("/introspect")).toBe(1); // nothing more was called after the 429
    expect(await statuses(connections)).toEqual(["healthy", "healthy", "healthy", "healthy"]);
    expect(deferred).toHaveLength(1);
    expect(deferred[0].organizationId).toBe(organizationId);
    expect([...deferred[0].connectionIds].sort()).toEqual(connections.map((c) => c.id).sort());

    // Until Retry-After ends, the 429 holds every caller back without a call reaching Finch…
    expect(
      await sweepConnections({ organizationId, connectionIds: deferred[0].connectionIds, deferRemainder }),
    ).toMatchObject({ checked: 0, deferred: 4 });
    expect(proxy.calls.get("/introspect")).toBe(1);
    // …and the remainder, swept once the pause is over, finds the broken one.
    await resetFinchBudget();
    expect(
      await sweepConnections({ organizationId, connectionIds: deferred[0].connectionIds }),
    ).toMatchObject({ checked: 4, changed: 1 });
  });

  it("lets the calls already in flight finish when a 429 arrives, and starts no new ones", async () => {
    const { organizationId } = await orgWith(8);
    await finch.control("POST", "/_emulator/latency", { path: "/introspect", ms: 60 });
    await finch.control("POST", "/_emulator/faults", {
      path: "/introspect",
      status: 429,
      count: 1,
      retryAfterSeconds: 10,
    });
    try {
      const { deferRemainder } = collectDeferred();
      const summary = await sweepConnections({ organizationId, concurrency: 4, deferRemainder });
      expect(proxy.calls.get("/introspect")).toBe(4);
      expect(summary).toEqual({ checked: 3, changed: 0, failed: 0, deferred: 5, retryAfterSeconds: 10 });
    } finally {
      await finch.control("POST", "/_emulator/latency", { path: "/introspect", ms: 0 });
    }
  });

  it("re-queues the remainder as a delayed sweep job of the same scope by default", async () => {
    const { organizationId } = await orgWith(2);
    await finch.control("POST", "/_emulator/faults", {
      path: "/introspect",
      status: 429,
      count: 5,
      retryAfterSeconds: 30,
    });
    const before = Date.now();
    const summary = await sweepConnections({ organizationId, concurrency: 2 });
    expect(summary).toMatchObject({ deferred: 2, checked: 0, retryAfterSeconds: 30 });
    const queued = await findJobs("connections-sweep", { key: `org:${organizationId}` });
    expect(queued).toHaveLength(1);
    expect(queued[0].state).toBe("created");
    expect(queued[0].data).toMatchObject({ organizationId, connectionIds: expect.any(Array) });
    expect(new Date(queued[0].startAfter).getTime()).toBeGreaterThanOrEqual(before + 29_000);
  });

  it("treats 5xx and network trouble as no news: the status stays, the failure is counted", async () => {
    const { organizationId, connections } = await orgWith(3);
    await setFinchStatus(connections[0], "reauth");
    await finch.control("POST", "/_emulator/faults", { path: "/introspect", status: 503, count: 3 });
    expect(await sweepConnections({ organizationId })).toEqual({
      checked: 0,
      changed: 0,
      failed: 3,
      deferred: 0,
    });
    expect(await statuses(connections)).toEqual(["healthy", "healthy", "healthy"]);

    proxy.override = (path) =>
      path === "/introspect" ? { status: 200, body: { unexpected: true } } : undefined;
    expect(await sweepConnections({ organizationId })).toMatchObject({ checked: 0, failed: 3 });
    expect(await statuses(connections)).toEqual(["healthy", "healthy", "healthy"]);
  });

  it("reads a 401 reauthenticate_user from /introspect as reauth too", async () => {
    const { organizationId, connections } = await orgWith(2);
    const brokenToken = `Bearer ${connections[0].accessToken}`;
    proxy.override = (path, authorization) =>
      path === "/introspect" && authorization === brokenToken
        ? {
            status: 401,
            body: {
              code: 401,
              name: "authentication_error",
              finch_code: "reauthenticate_user",
              message: "Please reauthenticate user",
            },
          }
        : undefined;
    expect(await sweepConnections({ organizationId })).toMatchObject({ checked: 2, changed: 1 });
    expect(await statuses(connections)).toEqual(["needs_reauth", "healthy"]);
  });

  it("shows a connection whose token Finch revoked as needing a reconnect, with the reason", async () => {
    const { organizationId, connections } = await orgWith(2);
    await finch.withToken(connections[0].accessToken).account.disconnect();
    expect(await sweepConnections({ organizationId })).toEqual({
      checked: 2,
      changed: 1,
      failed: 0,
      deferred: 0,
    });
    expect(await statuses(connections)).toEqual(["needs_reauth", "healthy"]);
    const row = await db().connection.findUniqueOrThrow({ where: { id: connections[0].id } });
    expect(row.statusReason).toBe(TOKEN_REJECTED_REASON);
    expect(await db().incident.count({ where: { connectionId: connections[0].id } })).toBe(1);
    // Checked again next time: a reconnect (or Finch restoring it) must be able to clear it.
    expect(await sweepConnections({ organizationId })).toMatchObject({ checked: 2, changed: 0 });
  });

  it("flips nothing when Finch rejects every token and accepts none (our configuration, not theirs)", async () => {
    const { organizationId, connections } = await orgWith(3);
    proxy.override = (path) =>
      path === "/introspect"
        ? {
            status: 401,
            body: { code: 401, name: "invalid_token_error", message: "The access token is invalid" },
          }
        : undefined;
    expect(await sweepConnections({ organizationId })).toEqual({
      checked: 0,
      changed: 0,
      failed: 3,
      deferred: 0,
    });
    expect(await statuses(connections)).toEqual(["healthy", "healthy", "healthy"]);
  });

  it("never has more than `concurrency` calls to Finch in flight, and overlaps them up to it", async () => {
    const { organizationId } = await orgWith(10);
    // Long enough that taking each call's permit from the shared budget cannot hide the overlap.
    const latency = 200;
    await finch.control("POST", "/_emulator/latency", { path: "/introspect", ms: latency });
    try {
      const started = Date.now();
      expect(await sweepConnections({ organizationId, concurrency: 3 })).toMatchObject({ checked: 10 });
      expect(proxy.maxInFlight.get("/introspect")).toBe(3);
      // ceil(10 / 3) = 4 rounds at the very least; sequential would be 10.
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(4 * latency);
      expect(elapsed).toBeLessThan(10 * latency);
    } finally {
      await finch.control("POST", "/_emulator/latency", { path: "/introspect", ms: 0 });
    }
  });
});
