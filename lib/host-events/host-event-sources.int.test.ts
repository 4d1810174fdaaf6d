// Where the other events come from: connection.token_rotated after a reconnect through the Connect
// stand-in (so the host fetches the new token), connection.imported once per stored token, a provider
// outage that holds alerts but never host events, and a removed endpoint that gets nothing more.
import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHooksEmulator, type RunningHooksEmulator } from "@/emulators/hooks/server";
import { signInThroughConnect } from "@/emulators/finch/test-support/connect-browser";
import { readAccessToken } from "@/lib/connections/connection-token";
import { db } from "@/lib/db";
import { completeConnect } from "@/lib/finch/connect/complete-connect";
import { startConnect } from "@/lib/finch/connect/start-connect";
import { startReconnect } from "@/lib/finch/connect/start-reconnect";
import { closeProviderIncident } from "@/lib/outages/close-provider-incident";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization, uniqueSuffix } from "@/test/finch-test-kit";
import { clearWebhookEndpoints, drainHostEvents, endpointAtInbox, receivedAt } from "@/test/host-events-kit";
import { seedMember } from "@/test/notifications-test-kit";
import { announceConnectionImported, queueConnectionImported } from "./announce-connection-imported";
import { deleteWebhookEndpoint } from "./manage-webhook-endpoints";

const finch = finchForTestFile();
let hooks: RunningHooksEmulator;
beforeAll(async () => {
  hooks = await startHooksEmulator({ port: 0 });
});
beforeEach(clearWebhookEndpoints);
afterAll(async () => {
  await clearWebhookEndpoints();
  await hooks.close();
});

type Event = { type: string; data: Record<string, unknown> };
const eventsAt = async (endpoint: { path: string; secret: string }) =>
  (await receivedAt(hooks, endpoint.path)).map(
    (hook) => new Webhook(endpoint.secret).verify(hook.body, hook.headers) as Event,
  );

async function throughConnect(url: string, username: string) {
  const result = await signInThroughConnect(url, { username, provider: "gusto" });
  if (!result.code || !result.state) throw new Error(`Connect did not redirect back: ${result.status}`);
  return { code: result.code, state: result.state };
}

describe("connection.token_rotated", () => {
  it("follows every successful reconnect, once per endpoint, with the status and never the token", async () => {
    const org = await db().organization.create({ data: { name: `Org ${uniqueSuffix()}` } });
    const user = await seedMember(org.id, "owner");
    const member = { ...user, role: "owner" as const, organization: { id: org.id, name: org.name } };
    const username = `admin-${uniqueSuffix()}`;
    const first = await completeConnect({
      ...(await throughConnect((await startConnect({ member })).url, username)),
      userId: user.id,
    });
    if (first.kind !== "connected") throw new Error(`expected connected, got ${first.kind}`);
    const { connectionId } = first;
    const endpoints = [await endpointAtInbox(hooks), await endpointAtInbox(hooks)];
    await applyConnectionSignal({ connectionId, finchStatus: "reauth", source: "host_api" });

    const rotations: string[] = [];
    for (let round = 0; round < 2; round++) {
      const launch = await startReconnect({ userId: user.id, organizationId: org.id, connectionId });
      const result = await completeConnect({
        ...(await throughConnect(launch.url, username)),
        userId: user.id,
      });
      expect(result).toMatchObject({ kind: "reconnected", connectionId });
      rotations.push(
        (
          await db().connection.findUniqueOrThrow({ where: { id: connectionId } })
        ).tokenUpdatedAt.toISOString(),
      );
    }
    const rows = await db().hostEventOutbox.findMany({ where: { connectionId } });
    expect(rows.filter((row) => row.event === "connection.token_rotated")).toHaveLength(4);
    await drainHostEvents(connectionId);

    const token = await readAccessToken(connectionId, org.id);
    if (!token) throw new Error("the reconnect stored no token");
    for (const endpoint of endpoints) {
      const events = await eventsAt(endpoint);
      const rotated = events.filter((event) => event.type === "connection.token_rotated");
      expect(rotated.map((event) => event.data.token_rotated_at).sort()).toEqual(rotations.sort());
      expect(rotated[0].data).toMatchObject({
        connection_id: connectionId,
        status: "connected",
        detection_path: "reconnect",
      });
      expect(events.filter((event) => event.type === "connection.restored")).toHaveLength(1);
      for (const hook of await receivedAt(hooks, endpoint.path, true)) expect(hook.body).not.toContain(token);
    }
  });
});

describe("connection.imported", () => {
  it("goes out once per endpoint per stored token, in the import's transaction or after it", async () => {
    const org = await seedOrganization();
    const connection = await seedConnection(finch(), org.id);
    const [endpoint] = [await endpointAtInbox(hooks)];
    const inTransaction = await db().$transaction((tx) =>
      queueConnectionImported(tx, { connectionId: connection.id }),
    );
    expect(inTransaction).toHaveLength(1);
    expect(await announceConnectionImported({ connectionId: connection.id })).toEqual([]);
    await drainHostEvents(connection.id);
    const [event, ...more] = await eventsAt(endpoint);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({
      type: "connection.imported",
      data: { connection_id: connection.id, status: "connected" },
    });
    expect(JSON.stringify(event)).not.toContain(connection.accessToken);
  });
});

describe("host events and the rest of the outbox", () => {
  it("are never held by a provider outage, unlike the alerts of the same breakage", async () => {
    const providerId = `prov_${crypto.randomBytes(4).toString("hex")}`;
    const org = await seedOrganization();
    const connection = await db().connection.create({
      data: {
        organizationId: org.id,
        finchConnectionId: `conn_${crypto.randomBytes(8).toString("hex")}`,
        providerId,
        providerName: providerId,
        accessTokenCiphertext: "unused-in-this-test",
        accessTokenKeyId: "test-1",
      },
      select: { id: true },
    });
    await db().alertChannel.create({
      data: { organizationId: org.id, kind: "webhook", urlCiphertext: "x", urlKeyId: "test-1", urlHint: "x" },
    });
    await endpointAtInbox(hooks);
    const thresholds = { minConnections: 1, minShare: 0, windowMinutes: 30, autoReleaseHours: 4 };
    const outcome = await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "reauth",
      source: "webhook",
      outageThresholds: thresholds,
    });
    try {
      expect(outcome.heldByOutageId).toBeDefined();
      expect(
        (await db().alertOutbox.findFirstOrThrow({ where: { connectionId: connection.id } })).status,
      ).toBe("held");
      expect(
        (await db().hostEventOutbox.findFirstOrThrow({ where: { connectionId: connection.id } })).status,
      ).toBe("pending");
    } finally {
      await closeProviderIncident({ providerIncidentId: outcome.heldByOutageId ?? "" });
    }
  });

  it("stop for an endpoint once it is removed; the others still get theirs", async () => {
    const org = await seedOrganization();
    const connection = await seedConnection(finch(), org.id);
    const [kept, removed] = [await endpointAtInbox(hooks), await endpointAtInbox(hooks)];
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "sweep" });
    expect(await deleteWebhookEndpoint(removed.id)).toBe(true);
    expect(await db().hostEventOutbox.count({ where: { endpointId: removed.id } })).toBe(0);
    await drainHostEvents(connection.id);
    expect(await receivedAt(hooks, removed.path, true)).toHaveLength(0);
    expect((await eventsAt(kept)).map((event) => event.type)).toEqual(["connection.broken"]);
  });
});
