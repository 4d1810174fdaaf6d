// Multi-entity connections: each detection path (webhook with entity_id, a data call's 401, the sweep)
// marks the one entity concerned, and the connection's status and reason derive from its entities.
import { describe, expect, it } from "vitest";
import { render } from "@react-email/render";
import { db } from "@/lib/db";
import { composeOutboxEmail } from "@/lib/notifications/compose-outbox-email";
import { syncCompanyData } from "@/lib/finch/sync-company-data";
import { stopTrackingEntity } from "@/lib/finch/stop-tracking-entity";
import { takeRepairReceipt } from "@/lib/finch/take-repair-receipt";
import { sweepConnections } from "@/lib/sweep/sweep-connections";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { accountUpdated, seedOrganization, signedWebhookRequest } from "@/test/finch-test-kit";
import { entityState, seedMultiEntityConnection } from "@/test/multi-entity-kit";
import { seedMember } from "@/test/notifications-test-kit";
import { sendWebhook } from "@/test/webhook-test-kit";

const finch = finchForTestFile({ resetBudget: true });

const ONE = "1 of 3 companies on your Gusto connection needs you to reconnect: Acme East";
const TWO = "2 of 3 companies on your Gusto connection need you to reconnect: Acme East and Acme West";
const ALL_CONNECTED = { "Acme East": "connected", "Acme North": "connected", "Acme West": "connected" };

async function seed() {
  return seedMultiEntityConnection(finch(), (await seedOrganization()).id);
}

async function setEntity(finchConnectionId: string, entityId: string | undefined, status: string) {
  await finch().control("POST", `/_emulator/connections/${finchConnectionId}/entities/${entityId}/status`, {
    status,
  });
}

describe("one entity of a multi-entity connection breaks", () => {
  it("by webhook: the entity named in entity_id, the scope in the reason, one incident throughout", async () => {
    const connection = await seed();
    const member = await seedMember(connection.organizationId, "owner");
    const entityEvent = (entity: string, status: string) =>
      sendWebhook(
        signedWebhookRequest({
          ...accountUpdated(connection.finchConnectionId, status),
          entity_id: connection.entities[entity],
        }),
      );

    expect((await entityEvent("Acme East", "reauth")).status).toBe(200);
    let state = await entityState(connection.id);
    expect(state).toMatchObject({ status: "needs_reauth", reason: ONE });
    expect(state.entities).toEqual({ ...ALL_CONNECTED, "Acme East": "reauth" });
    expect(state.incidents).toEqual([{ resolvedAt: null, reason: ONE }]);
    // The "needs reconnecting" email names the scope and the company too.
    const row = await db().emailOutbox.findFirstOrThrow({
      where: { connectionId: connection.id, userId: member.id, kind: "connection_broken" },
    });
    const email = await composeOutboxEmail(row);
    if (email.kind !== "ready") throw new Error(`the broken email was ${email.kind}`);
    expect(await render(email.react, { plainText: true })).toContain(`${ONE}.`);

    await entityEvent("Acme West", "reauth");
    state = await entityState(connection.id);
    expect(state).toMatchObject({ status: "needs_reauth", reason: TWO });
    expect(state.incidents).toHaveLength(1);

    await entityEvent("Acme East", "connected");
    await entityEvent("Acme West", "connected");
    state = await entityState(connection.id);
    expect(state).toMatchObject({ status: "healthy", reason: null, entities: ALL_CONNECTED });
    expect(state.incidents).toEqual([{ resolvedAt: expect.any(Date), reason: ONE }]);
  });

  it("by a data call's 401: only the entity the call was for; the others still sync", async () => {
    const connection = await seed();
    await setEntity(connection.finchConnectionId, connection.entities["Acme East"], "reauth");

    const synced = await syncCompanyData({
      connectionId: connection.id,
      organizationId: connection.organizationId,
    });
    expect(synced.legalName).toBe("Acme North and Acme West");
    const state = await entityState(connection.id);
    expect(state).toMatchObject({ status: "needs_reauth", reason: ONE });
    expect(state.entities).toEqual({ ...ALL_CONNECTED, "Acme East": "reauth" });
    expect(await db().finchIndividual.count({ where: { connectionId: connection.id } })).toBeGreaterThan(0);
  });

  it("by the sweep: introspect's per-entity statuses, and recovery once the entity is restored", async () => {
    const connection = await seed();
    await setEntity(connection.finchConnectionId, connection.entities["Acme East"], "reauth");

    const summary = await sweepConnections({ organizationId: connection.organizationId, concurrency: 1 });
    expect(summary).toMatchObject({ checked: 1, changed: 1 });
    expect(await entityState(connection.id)).toMatchObject({
      status: "needs_reauth",
      reason: ONE,
      entities: { ...ALL_CONNECTED, "Acme East": "reauth" },
    });

    await setEntity(connection.finchConnectionId, connection.entities["Acme East"], "connected");
    await sweepConnections({ organizationId: connection.organizationId, concurrency: 1 });
    const state = await entityState(connection.id);
    expect(state).toMatchObject({ status: "healthy", entities: ALL_CONNECTED });
    expect(state.incidents).toEqual([{ resolvedAt: expect.any(Date), reason: ONE }]);
  });

  it("the repair receipt reads each product for each entity, by company name", async () => {
    const connection = await seed();
    const member = await seedMember(connection.organizationId, "owner");
    await setEntity(connection.finchConnectionId, connection.entities["Acme West"], "reauth");
    const checks = await takeRepairReceipt({
      connectionId: connection.id,
      organizationId: connection.organizationId,
      userId: member.id,
    });
    expect(checks).toEqual([
      { product: "company", ok: true, problem: null, entity: "Acme East" },
      { product: "directory", ok: true, problem: null, entity: "Acme East" },
      { product: "company", ok: true, problem: null, entity: "Acme North" },
      { product: "directory", ok: true, problem: null, entity: "Acme North" },
      { product: "company", ok: false, problem: "needs reconnecting", entity: "Acme West" },
      { product: "directory", ok: false, problem: "needs reconnecting", entity: "Acme West" },
    ]);
    expect((await entityState(connection.id)).entities["Acme West"]).toBe("reauth");
  });

  it("Stop tracking disconnects the broken company at Finch; the connection works again with the others", async () => {
    const connection = await seed();
    const member = await seedMember(connection.organizationId, "owner");
    await setEntity(connection.finchConnectionId, connection.entities["Acme East"], "reauth");
    await syncCompanyData({ connectionId: connection.id, organizationId: connection.organizationId });
    expect((await entityState(connection.id)).status).toBe("needs_reauth");

    await stopTrackingEntity({
      connectionId: connection.id,
      organizationId: connection.organizationId,
      finchEntityId: connection.entities["Acme East"] ?? "",
      userId: member.id,
    });
    const state = await entityState(connection.id);
    expect(state).toMatchObject({ status: "healthy", reason: null });
    expect(state.entities).toEqual({ ...ALL_CONNECTED, "Acme East": "disconnected" });
    const introspection = await finch().withToken(connection.accessToken).account.introspect();
    expect(introspection.entities?.find((e) => e.name === "Acme East")?.status).toBe("disconnected");
    await expect(
      stopTrackingEntity({
        connectionId: connection.id,
        organizationId: "another-org",
        finchEntityId: connection.entities["Acme West"] ?? "",
        userId: member.id,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
