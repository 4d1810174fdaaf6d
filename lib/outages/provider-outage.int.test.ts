import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { listConnections } from "@/lib/connections/list-connections";
import { db } from "@/lib/db";
import { relayOutboxesAfterOutages } from "./release-held-emails";
import { seedOrganization } from "@/test/finch-test-kit";
import { drainOutbox, seedMember, setupNotificationStandIns } from "@/test/notifications-test-kit";
import { closeProviderIncident } from "./close-provider-incident";
import { getFleetOverview } from "@/lib/operator/get-fleet-overview";
import { listOpenOutages } from "./list-open-outages";
import { releaseHeldEmails } from "./release-held-emails";
import type { OutageThresholds } from "./outage-thresholds";

const standIns = setupNotificationStandIns();
const thresholds: OutageThresholds = {
  minConnections: 3,
  minShare: 0.5,
  windowMinutes: 30,
  autoReleaseHours: 4,
};
const MINUTE = 60_000;

/** A provider of its own (the test database is shared) with `count` healthy connections, one member each. */
async function seedProvider(count: number) {
  const providerId = `prov_${crypto.randomBytes(4).toString("hex")}`;
  const connections = [];
  for (let i = 0; i < count; i++) {
    const org = await seedOrganization();
    const member = await seedMember(org.id, "owner");
    const connection = await db().connection.create({
      data: {
        organizationId: org.id,
        finchConnectionId: `conn_${crypto.randomBytes(8).toString("hex")}`,
        providerId,
        providerName: `Payroll ${providerId}`,
        products: ["company", "directory"],
        accessTokenCiphertext: "unused-in-this-test",
        accessTokenKeyId: "test-1",
      },
      select: { id: true },
    });
    // Each organization also has a webhook channel, so its breakage queues an alert beside the email.
    await db().alertChannel.create({
      data: {
        organizationId: org.id,
        kind: "webhook",
        urlCiphertext: "unused-in-this-test",
        urlKeyId: "test-1",
        urlHint: "hooks.example.com",
      },
    });
    connections.push({ id: connection.id, email: member.email, organizationId: org.id });
  }
  return { providerId, connections };
}

const breakAt = (connectionId: string, at: Date) =>
  applyConnectionSignal({
    connectionId,
    finchStatus: "reauth",
    source: "webhook",
    at,
    outageThresholds: thresholds,
  });

const statusesOf = async (connectionIds: string[]) =>
  (
    await db().emailOutbox.findMany({
      where: { connectionId: { in: connectionIds }, kind: "connection_broken" },
      select: { status: true },
    })
  ).map((row) => row.status);

const alertStatusesOf = async (connectionIds: string[]) =>
  (
    await db().alertOutbox.findMany({
      where: { connectionId: { in: connectionIds }, event: "connection.broken" },
      orderBy: { createdAt: "asc" },
      select: { status: true },
    })
  ).map((row) => row.status);

describe("provider outages", () => {
  it("opens once the thresholds are met, holds the burst's notices, and releases them on demand", async () => {
    const { providerId, connections } = await seedProvider(5);
    const ids = connections.map((c) => c.id);
    const t0 = new Date(Date.now() - 10 * MINUTE);

    // Two breaks: under the minimum, nothing is held.
    expect((await breakAt(ids[0], t0)).heldByOutageId).toBeUndefined();
    expect((await breakAt(ids[1], new Date(t0.getTime() + MINUTE))).heldByOutageId).toBeUndefined();
    // The third within the window reaches 3 connections and 3/5 ≥ 0.5: the outage opens and holds all three.
    const third = await breakAt(ids[2], new Date(t0.getTime() + 2 * MINUTE));
    expect(third.heldByOutageId).toBeDefined();
    expect(await statusesOf(ids.slice(0, 3))).toEqual(["held", "held", "held"]);
    // Their Slack and webhook alerts are held with them.
    expect(await alertStatusesOf(ids.slice(0, 3))).toEqual(["held", "held", "held"]);
    // Later breaks while it is open are held too, and one outage stays open.
    const fourth = await breakAt(ids[3], new Date(t0.getTime() + 3 * MINUTE));
    expect(fourth.heldByOutageId).toBe(third.heldByOutageId);
    expect(await db().providerIncident.count({ where: { providerId, closedAt: null } })).toBe(1);

    // The relay (what runs every minute, on any instance, after any restart) never sends held rows.
    await relayOutboxesAfterOutages({ now: new Date(t0.getTime() + 5 * MINUTE) });
    for (const id of ids.slice(0, 4)) expect(await drainOutbox(id)).toEqual([]);
    expect(await standIns.mail().messagesTo(connections[0].email)).toHaveLength(0);

    const [outage] = (await listOpenOutages()).filter((o) => o.providerId === providerId);
    expect(outage).toMatchObject({ affected: 4, held: 4, releasedAt: null });
    const row = await db().providerIncident.findUniqueOrThrow({ where: { id: outage.id } });
    expect([outage.openedAt, outage.autoReleaseAt]).toEqual([row.openedAt, row.autoReleaseAt]);
    // The Fleet health overview brings the same outages back in its own statement.
    const overview = await getFleetOverview();
    expect(overview.outages.find((o) => o.id === outage.id)).toEqual(outage);
    // The affected customers' banner says the provider is having trouble (Reconnect stays available).
    const [summary] = await listConnections(connections[0].organizationId);
    expect(summary).toMatchObject({ status: "needs_reauth", providerOutage: true });

    expect(await releaseHeldEmails({ providerIncidentId: outage.id })).toBe(4);
    for (const id of ids.slice(0, 4)) await drainOutbox(id);
    expect(await statusesOf(ids.slice(0, 4))).toEqual(["sent", "sent", "sent", "sent"]);
    expect(new Set(await alertStatusesOf(ids.slice(0, 4)))).not.toContain("held");
    expect(await standIns.mail().messagesTo(connections[3].email)).toHaveLength(1);
    // Released: the next break's notice flows normally while the outage stays on the board.
    expect((await breakAt(ids[4], new Date(t0.getTime() + 4 * MINUTE))).heldByOutageId).toBeUndefined();
  });

  it("opens exactly one outage when the breaks arrive at once, whichever detection path reports them", async () => {
    const { providerId, connections } = await seedProvider(6);
    const sources = ["webhook", "sweep", "api_error"] as const;
    const at = new Date();
    await Promise.all(
      connections.map((connection, i) =>
        applyConnectionSignal({
          connectionId: connection.id,
          finchStatus: "reauth",
          source: sources[i % 3],
          at,
          outageThresholds: thresholds,
        }),
      ),
    );
    expect(await db().providerIncident.count({ where: { providerId } })).toBe(1);
    expect(await statusesOf(connections.map((c) => c.id))).toEqual(Array(6).fill("held"));
  });

  it("does not open when the breaks are spread beyond the window or too small a share", async () => {
    const { providerId, connections } = await seedProvider(8);
    const t0 = new Date(Date.now() - 5 * 60 * MINUTE);
    // Three breaks, 40 minutes apart: never three in one 30-minute window.
    for (let i = 0; i < 3; i++) await breakAt(connections[i].id, new Date(t0.getTime() + i * 40 * MINUTE));
    // Three more together: 3 in the window but 3/8 < 0.5.
    for (let i = 3; i < 6; i++) await breakAt(connections[i].id, new Date(t0.getTime() + 200 * MINUTE));
    expect(await db().providerIncident.count({ where: { providerId } })).toBe(0);
  });

  it("releases on its own after the auto-release time, and closing cancels the notices of recovered connections", async () => {
    const { connections } = await seedProvider(4);
    const ids = connections.map((c) => c.id);
    const t0 = new Date(Date.now() - 6 * 60 * MINUTE);
    for (const id of ids.slice(0, 3)) await breakAt(id, t0);
    const outageId = (await breakAt(ids[3], t0)).heldByOutageId;
    expect(outageId).toBeDefined();

    // Three hours later nothing has gone out; past four hours the relay releases them.
    await relayOutboxesAfterOutages({ now: new Date(t0.getTime() + 3 * 60 * MINUTE) });
    expect(await statusesOf(ids)).toEqual(["held", "held", "held", "held"]);
    await relayOutboxesAfterOutages({ now: new Date(t0.getTime() + 4 * 60 * MINUTE + MINUTE) });
    expect(new Set(await statusesOf(ids))).not.toContain("held");

    // A second outage for another provider: one connection recovers before the operator closes it.
    const second = await seedProvider(3);
    const secondIds = second.connections.map((c) => c.id);
    let heldBy: string | undefined;
    for (const id of secondIds) heldBy = (await breakAt(id, new Date())).heldByOutageId;
    await applyConnectionSignal({ connectionId: secondIds[0], finchStatus: "connected", source: "sweep" });
    const closed = await closeProviderIncident({ providerIncidentId: heldBy!, actorUserId: undefined });
    expect(closed).toEqual({ cancelled: 1, released: 2 });
    const rows = await db().emailOutbox.findMany({
      where: { connectionId: { in: secondIds }, kind: "connection_broken" },
      select: { connectionId: true, status: true },
    });
    expect(rows.find((row) => row.connectionId === secondIds[0])?.status).toBe("cancelled");
    expect(rows.filter((row) => row.status === "pending")).toHaveLength(2);
    const alerts = await db().alertOutbox.findMany({
      where: { connectionId: { in: secondIds }, event: "connection.broken" },
      select: { connectionId: true, status: true },
    });
    expect(alerts.find((row) => row.connectionId === secondIds[0])?.status).toBe("cancelled");
    expect(alerts.filter((row) => row.status === "held")).toHaveLength(0);
    expect(await db().providerIncident.findUnique({ where: { id: heldBy! } })).toMatchObject({
      closedAt: expect.any(Date),
    });
  });
});
