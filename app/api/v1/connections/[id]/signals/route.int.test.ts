import { describe, expect, it } from "vitest";
import { POST as signal } from "@/app/api/v1/connections/[id]/signals/route";
import { detectionLabel } from "@/lib/connections/detection-labels";
import { db } from "@/lib/db";
import { getRepairFunnel } from "@/lib/operator/get-repair-funnel";
import { applyConnectionSignal } from "@/lib/signals/apply-connection-signal";
import { applyEntityStatuses } from "@/lib/signals/apply-entity-statuses";
import { HOST_REAUTH_REASON } from "@/lib/signals/apply-host-signal";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import { entityState, seedMultiEntityConnection } from "@/test/multi-entity-kit";
import { seedMember } from "@/test/notifications-test-kit";

const finch = finchForTestFile();

type Answer = {
  outcome: string;
  connection: { status: string; detection_path: string; status_since: string };
};

async function send(id: string, body: unknown, key: string | null) {
  return callApi<Answer>(signal, { url: `/api/v1/connections/${id}/signals`, key, body, params: { id } });
}

async function writer() {
  return (await apiKeyForTests(["connections:write"])).key;
}

describe("POST /api/v1/connections/{id}/signals", () => {
  it("breaks the connection through the host API path once, however often it is repeated, and restores it", async () => {
    const organization = await seedOrganization();
    const member = await seedMember(organization.id, "owner");
    const connection = await seedConnection(finch(), organization.id);
    const key = await writer();

    const first = await send(connection.id, { type: "reauthenticate_user" }, key);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      outcome: "changed",
      connection: { status: "reauth", detection_path: "host_api" },
    });
    const again = await send(connection.id, { type: "reauthenticate_user" }, key);
    expect(again.body.outcome).toBe("unchanged");

    const row = await db().connection.findUniqueOrThrow({
      where: { id: connection.id },
      select: { status: true, statusReason: true, statusSource: true },
    });
    expect(row).toEqual({
      status: "needs_reauth",
      statusReason: HOST_REAUTH_REASON,
      statusSource: "host_api",
    });
    expect(HOST_REAUTH_REASON).toContain("401 reauthenticate_user");
    expect(await db().incident.count({ where: { connectionId: connection.id } })).toBe(1);
    const emails = await db().emailOutbox.findMany({ where: { connectionId: connection.id } });
    expect(emails.map((email) => [email.kind, email.userId])).toEqual([["connection_broken", member.id]]);
    const events = await db().connectionEvent.findMany({
      where: { connectionId: connection.id, type: "broken" },
      select: { source: true, detail: true },
    });
    expect(events).toEqual([{ source: "host_api", detail: HOST_REAUTH_REASON }]);

    // The operator's funnel counts the break under "Host API".
    const day = 24 * 3600 * 1000;
    const funnel = await getRepairFunnel({
      from: new Date(Date.now() - day),
      to: new Date(Date.now() + day),
    });
    const hostPath = funnel.byDetectionPath.find((row) => row.detectionPath === "host_api");
    expect(hostPath?.broke).toBeGreaterThanOrEqual(1);
    expect(detectionLabel("host_api")).toBe("Host API");

    const ok = await send(connection.id, { type: "ok" }, key);
    expect(ok.body).toMatchObject({ outcome: "changed", connection: { status: "connected" } });
    const incident = await db().incident.findFirstOrThrow({ where: { connectionId: connection.id } });
    expect(incident.resolvedAt).not.toBeNull();
  });

  it("ignores a signal observed before the current status (stale) and refuses one from the future", async () => {
    const organization = await seedOrganization();
    const connection = await seedConnection(finch(), organization.id);
    const key = await writer();
    await applyConnectionSignal({ connectionId: connection.id, finchStatus: "reauth", source: "webhook" });
    // The customer reconnected after the host saw its 401; the host's late "401" must not break it again.
    await applyConnectionSignal({
      connectionId: connection.id,
      finchStatus: "connected",
      source: "reconnect",
    });
    const before = new Date(Date.now() - 60_000).toISOString();
    const stale = await send(connection.id, { type: "reauthenticate_user", observed_at: before }, key);
    expect(stale).toMatchObject({
      status: 202,
      body: { outcome: "stale", connection: { status: "connected" } },
    });
    expect(await db().incident.count({ where: { connectionId: connection.id, resolvedAt: null } })).toBe(0);

    const future = new Date(Date.now() + 3600_000).toISOString();
    const refused = await send(connection.id, { type: "ok", observed_at: future }, key);
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_request", message: expect.stringContaining("observed_at") } },
    });

    const observed = new Date().toISOString();
    const fresh = await send(connection.id, { type: "reauthenticate_user", observed_at: observed }, key);
    expect(fresh.body).toMatchObject({ outcome: "changed", connection: { status_since: observed } });
  });

  it("on a multi-entity connection: the 401 breaks the connection as a whole, an ok keeps a known-broken company broken", async () => {
    const organization = await seedOrganization();
    const connection = await seedMultiEntityConnection(finch(), organization.id);
    const key = await writer();
    const broke = await send(connection.id, { type: "reauthenticate_user" }, key);
    expect(broke.body.outcome).toBe("changed");
    let state = await entityState(connection.id);
    expect(state.status).toBe("needs_reauth");
    expect(state.reason).toBe(HOST_REAUTH_REASON);
    expect(Object.values(state.entities)).toEqual(["connected", "connected", "connected"]);

    // The companies are all connected as far as we know: the host's "ok" restores the connection.
    expect((await send(connection.id, { type: "ok" }, key)).body.connection.status).toBe("connected");

    // One company is known broken: an "ok" (the host cannot say for which company) leaves it broken.
    await applyEntityStatuses({
      connectionId: connection.id,
      entities: [{ finchEntityId: connection.entities["Acme West"], finchStatus: "reauth" }],
      source: "sweep",
    });
    const kept = await send(connection.id, { type: "ok" }, key);
    expect(kept.body).toMatchObject({ outcome: "unchanged", connection: { status: "reauth" } });
    state = await entityState(connection.id);
    expect(state.reason).toContain("Acme West");
    expect(state.incidents.filter((incident) => incident.resolvedAt === null)).toHaveLength(1);
  });

  it("refuses no key, a wrong key, a missing scope, bad bodies and bad ids", async () => {
    const organization = await seedOrganization();
    const connection = await seedConnection(finch(), organization.id);
    const body = { type: "ok" };
    expect((await send(connection.id, body, null)).status).toBe(401);
    expect((await send(connection.id, body, `pck_${"y".repeat(43)}`)).status).toBe(401);
    const reader = await apiKeyForTests(["connections:read", "tokens:read"]);
    expect((await send(connection.id, body, reader.key)).body).toMatchObject({
      error: { code: "forbidden" },
    });
    const key = await writer();
    for (const bad of ["{not json", { type: "maybe" }, {}, { type: "ok", observed_at: "yesterday" }]) {
      const answer = await send(connection.id, bad, key);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await send("cnope0000000000000000000", body, key)).status).toBe(404);
    const wrongShape = await callApi(signal, {
      url: "/api/v1/connections/x/signals",
      key,
      body,
      params: { id: "a\u0000b" },
    });
    expect(wrongShape.status).toBe(400);
  });
});
