import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { db } from "@/lib/db";
import { startReconnect } from "@/lib/finch/connect/start-reconnect";
import { recordLinkOpened } from "@/lib/notifications/record-link-opened";
import { expectRepairHours } from "@/test/expect-repair-hours";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { drainOutbox, seedMember, setupNotificationStandIns } from "@/test/notifications-test-kit";
import { foldRepairFunnel } from "./compact-rollups";
import { getFleetOverview } from "./get-fleet-overview";
import { getRepairFunnel } from "./get-repair-funnel";

const standIns = setupNotificationStandIns();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A connection of a provider no other test uses, so today's rollup rows for it are this test's alone. */
async function brokenLater(provider: string) {
  const org = await seedOrganization();
  const user = await seedMember(org.id, "owner");
  const connection = await seedConnection(standIns.finch(), org.id);
  await db().connection.update({
    where: { id: connection.id },
    data: { providerId: provider, providerName: provider },
  });
  return { org, user, connection };
}

/** The provider's funnel over the days from `since` to today (UTC days, as the rollup keeps them). */
async function funnelOf(provider: string, since: Date) {
  const funnel = await getRepairFunnel({ from: since, to: new Date(Date.now() + DAY) });
  return funnel.byProvider.find((row) => row.providerName === provider) ?? null;
}

async function fleetOf(provider: string) {
  const overview = await getFleetOverview();
  return overview.byProvider.find((row) => row.providerId === provider) ?? null;
}

describe("the repair funnel rollup and the fleet counts", () => {
  it("follow an incident through every step of the real code paths, each counted once", async () => {
    const provider = `rollup_${crypto.randomBytes(4).toString("hex")}`;
    const { org, user, connection } = await brokenLater(provider);
    const other = await brokenLater(provider);
    expect(await fleetOf(provider)).toMatchObject({ total: 2, broken: 0 });

    const brokeAt = new Date(Date.now() - 3 * HOUR);
    const opened = await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "reauth",
      source: "webhook",
      at: brokeAt,
    });
    expect(opened.openedIncidentId).toBeTruthy();
    await applyConnectionSignal({
      connectionId: other.connection.id,
      finchStatus: "reauth",
      source: "sweep",
    });
    expect(await fleetOf(provider)).toMatchObject({ total: 2, broken: 2 });
    expect(await funnelOf(provider, brokeAt)).toMatchObject({
      broke: 2,
      notified: 0,
      engaged: 0,
      connectOpened: 0,
      reconnected: 0,
      medianHours: null,
    });

    // The notice is delivered, twice over (a second worker finds nothing more to send).
    await drainOutbox(connection.id);
    await drainOutbox(connection.id);
    expect(await funnelOf(provider, brokeAt)).toMatchObject({ broke: 2, notified: 1, engaged: 0 });

    // The emailed link is opened (twice), then Connect opens from it.
    const since = brokeAt;
    for (let i = 0; i < 2; i++)
      await recordLinkOpened({
        connectionId: connection.id,
        organizationId: org.id,
        userId: user.id,
        email: user.email,
        since,
      });
    expect(await funnelOf(provider, brokeAt)).toMatchObject({ notified: 1, engaged: 1, connectOpened: 0 });
    await startReconnect({
      userId: user.id,
      organizationId: org.id,
      connectionId: connection.id,
      via: "email",
    });
    expect(await funnelOf(provider, brokeAt)).toMatchObject({ engaged: 1, connectOpened: 1, reconnected: 0 });

    // The other connection: the dashboard's Reconnect button counts as engaged and as Connect opened.
    await startReconnect({
      userId: other.user.id,
      organizationId: other.org.id,
      connectionId: other.connection.id,
    });
    expect(await funnelOf(provider, brokeAt)).toMatchObject({ engaged: 2, connectOpened: 2 });

    // Reconnected two hours after it broke.
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "connected",
      source: "reconnect",
      at: new Date(brokeAt.getTime() + 2 * HOUR),
    });
    const repaired = await funnelOf(provider, brokeAt);
    expect(repaired).toMatchObject({ broke: 2, notified: 1, engaged: 2, connectOpened: 2, reconnected: 1 });
    expectRepairHours(repaired?.medianHours, 2);
    expectRepairHours(repaired?.p90Hours, 2);
    expect(await fleetOf(provider)).toMatchObject({ total: 2, broken: 1 });

    // Folding the delta rows changes no figure, and leaves one row per day, provider and path.
    await foldRepairFunnel();
    expect(await funnelOf(provider, brokeAt)).toEqual(repaired);
    const rows = await db().repairFunnelDay.groupBy({
      by: ["day", "detectionPath"],
      where: { providerName: provider },
      _count: { _all: true },
    });
    expect(rows.map((row) => [row.detectionPath, row._count._all]).sort()).toEqual([
      ["sweep", 1],
      ["webhook", 1],
    ]);

    // An organization deleted: its connection and incident leave both rollups.
    await db().organization.delete({ where: { id: other.org.id } });
    expect(await funnelOf(provider, brokeAt)).toMatchObject({ broke: 1, engaged: 1, reconnected: 1 });
    expect(await fleetOf(provider)).toMatchObject({ total: 1, broken: 0 });
  });
});
