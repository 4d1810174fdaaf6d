import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInThroughConnect, signInWithEntities } from "./test-support/connect-browser";
import {
  control,
  finchBody,
  rejection,
  startTestEmulator,
  type TestEmulator,
} from "./test-support/test-emulator";
import { startWebhookReceiver, type WebhookReceiver } from "./test-support/webhook-receiver";

const REDIRECT_URI = "http://localhost:3000/api/finch/callback";
const PRODUCTS: Finch.Connect.SessionNewParams["products"] = ["company", "directory"];

interface EntityView {
  id: string;
  name: string;
  status: string;
}

describe("multi-entity mode in the Finch stand-in", () => {
  let t: TestEmulator;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestEmulator({ webhookUrls: [receiver.url] });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  const signIn = (connectUrl: string, username: string, keep?: (name: string) => boolean) =>
    signInWithEntities(`${connectUrl}&state=s1`, username, keep);

  async function connectMulti(customerId: string, username = "multi-admin") {
    const session = await t.client.connect.sessions.new({
      customer_id: customerId,
      customer_name: `Customer ${customerId}`,
      products: PRODUCTS,
      redirect_uri: REDIRECT_URI,
    });
    const result = await signIn(session.connect_url, username);
    const token = await t.client.accessTokens.create({ code: result.code ?? "", redirect_uri: REDIRECT_URI });
    return { result, token, finch: t.withToken(token.access_token) };
  }

  const entitiesOf = async (connectionId: string) => {
    const { connections } = await control<{
      connections: { connection_id: string; entities: EntityView[] }[];
    }>(t.url, "GET", "/_emulator/connections");
    return connections.find((c) => c.connection_id === connectionId)?.entities ?? [];
  };

  it("shows one checked box per entity and Continue, and the token names the picked entities", async () => {
    const { result, token, finch } = await connectMulti("cust-multi-1");
    expect(result.boxes).toEqual([
      expect.objectContaining({ label: "Acme East", checked: true }),
      expect.objectContaining({ label: "Acme West", checked: true }),
      expect.objectContaining({ label: "Acme North", checked: true }),
    ]);
    expect(token.entity_ids).toHaveLength(3);
    const introspection = await finch.account.introspect();
    expect(introspection.entities?.map((e) => [e.name, e.status])).toEqual([
      ["Acme East", "connected"],
      ["Acme West", "connected"],
      ["Acme North", "connected"],
    ]);
    expect(introspection.entities?.every((e) => e.source_id)).toBe(true);
  });

  it("skips the entity step for a single-entity employer", async () => {
    const session = await t.client.connect.sessions.new({
      customer_id: "cust-single",
      customer_name: "Single",
      products: PRODUCTS,
      redirect_uri: REDIRECT_URI,
    });
    const result = await signInThroughConnect(session.connect_url, { username: "admin" });
    expect(result.status).toBe(302);
    const token = await t.client.accessTokens.create({ code: result.code ?? "", redirect_uri: REDIRECT_URI });
    expect(token.entity_ids).toHaveLength(1);
  });

  it("keeps only the picked entities", async () => {
    const session = await t.client.connect.sessions.new({
      customer_id: "cust-multi-pick",
      customer_name: "Pick",
      products: PRODUCTS,
      redirect_uri: REDIRECT_URI,
    });
    const result = await signIn(session.connect_url, "multi-admin", (name) => name !== "Acme North");
    const token = await t.client.accessTokens.create({ code: result.code ?? "", redirect_uri: REDIRECT_URI });
    expect((await entitiesOf(token.connection_id)).map((e) => e.name)).toEqual(["Acme East", "Acme West"]);
  });

  it("requires entity_ids on data calls, and one broken entity fails alone with one webhook", async () => {
    const { token, finch } = await connectMulti("cust-multi-2");
    const error = await rejection(finch.hris.company.retrieve());
    expect(error).toBeInstanceOf(Finch.BadRequestError);
    expect(finchBody(error)).toMatchObject({ code: 400, name: "bad_request" });
    const [east, west] = await entitiesOf(token.connection_id);
    expect((await finch.hris.company.retrieve({ entity_ids: [east?.id ?? ""] })).legal_name).toBe(
      "Acme East",
    );

    receiver.received.length = 0;
    await control(
      t.url,
      "POST",
      `/_emulator/connections/${token.connection_id}/entities/${east?.id}/status`,
      {
        status: "reauth",
      },
    );
    const broken = await rejection(finch.hris.company.retrieve({ entity_ids: [east?.id ?? ""] }));
    expect(finchBody(broken)).toMatchObject({ code: 401, finch_code: "reauthenticate_user" });
    expect((await finch.hris.company.retrieve({ entity_ids: [west?.id ?? ""] })).legal_name).toBe(
      "Acme West",
    );
    expect(
      (await finch.hris.directory.list({ entity_ids: [west?.id ?? ""] })).individuals.length,
    ).toBeGreaterThan(0);

    const [hook] = await receiver.waitFor(1);
    expect(JSON.parse(hook?.body ?? "{}")).toMatchObject({
      connection_id: token.connection_id,
      entity_id: east?.id,
      data: { status: "reauth" },
    });
    const introspection = await finch.account.introspect();
    expect(introspection.entities?.map((e) => e.status)).toEqual(["reauth", "connected", "connected"]);
    expect(introspection.connection_status.status).toBe("reauth");
  });

  it("the connection-wide control changes every entity, one webhook each", async () => {
    const { token } = await connectMulti("cust-multi-all");
    receiver.received.length = 0;
    await control(t.url, "POST", `/_emulator/connections/${token.connection_id}/status`, {
      status: "reauth",
    });
    const hooks = await receiver.waitFor(3);
    expect(new Set(hooks.map((h) => (JSON.parse(h.body) as { entity_id: string }).entity_id)).size).toBe(3);
    expect((await entitiesOf(token.connection_id)).every((e) => e.status === "reauth")).toBe(true);
  });

  it("a multi-partial reauthentication fails with the error outcome; a full one repairs every entity", async () => {
    const { token } = await connectMulti("cust-multi-3");
    const [east] = await entitiesOf(token.connection_id);
    await control(
      t.url,
      "POST",
      `/_emulator/connections/${token.connection_id}/entities/${east?.id}/status`,
      {
        status: "reauth",
      },
    );
    const reauth = () =>
      t.client.connect.sessions.reauthenticate({
        connection_id: token.connection_id,
        redirect_uri: REDIRECT_URI,
      });

    const partial = await signIn((await reauth()).connect_url, "multi-partial-admin");
    expect(partial.status).toBe(302);
    const back = new URL(partial.location ?? "").searchParams;
    expect(back.get("code")).toBeNull();
    expect(back.get("error")).toBe("employer_connection_error");
    expect(back.get("error_description")).toContain("Acme East");
    expect((await entitiesOf(token.connection_id))[0]?.status).toBe("reauth");

    const full = await signIn((await reauth()).connect_url, "multi-admin");
    const repaired = await t.client.accessTokens.create({
      code: full.code ?? "",
      redirect_uri: REDIRECT_URI,
    });
    expect(repaired.connection_id).toBe(token.connection_id);
    expect((await entitiesOf(token.connection_id)).map((e) => e.status)).toEqual([
      "connected",
      "connected",
      "connected",
    ]);
  });

  it("POST /disconnect-entity removes entities, keeps the token for the others, and webhooks each", async () => {
    const { token, finch } = await connectMulti("cust-multi-4");
    const [east, west, north] = await entitiesOf(token.connection_id);
    receiver.received.length = 0;
    expect(await finch.account.disconnectEntity({ entity_ids: [east?.id ?? "", north?.id ?? ""] })).toEqual({
      status: "success",
    });
    const hooks = await receiver.waitFor(2);
    expect(hooks.map((h) => JSON.parse(h.body) as { entity_id: string; data: { status: string } })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity_id: east?.id,
          data: expect.objectContaining({ status: "disconnected" }),
        }),
        expect.objectContaining({
          entity_id: north?.id,
          data: expect.objectContaining({ status: "disconnected" }),
        }),
      ]),
    );
    expect((await finch.account.introspect()).connection_status.status).toBe("connected");
    expect((await finch.hris.company.retrieve()).legal_name).toBe("Acme West");
    expect(west?.status).toBe("connected");
    const missing = await rejection(finch.account.disconnectEntity({ entity_ids: [] }));
    expect(finchBody(missing)).toMatchObject({ code: 400 });
  });
});
