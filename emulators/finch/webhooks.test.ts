import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signWebhook } from "./webhooks/sign-webhook";
import { signInThroughConnect } from "./test-support/connect-browser";
import {
  control,
  startTestEmulator,
  TEST_WEBHOOK_SECRET,
  type TestEmulator,
} from "./test-support/test-emulator";
import { startWebhookReceiver, type WebhookReceiver } from "./test-support/webhook-receiver";

interface Delivery {
  eventId: string;
  url: string;
  status: string;
  connectionId: string;
  payload: string;
  attempts: { statusCode: number | null; error: string | null }[];
}

describe("account.updated webhooks", () => {
  let receiver: WebhookReceiver;
  let t: TestEmulator;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestEmulator({ webhookUrls: [receiver.url], webhookRetryDelaysMs: [30, 30] });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.respondWith = [];
  });
  afterEach(() =>
    control(t.url, "PUT", "/_emulator/webhooks", {
      urls: [receiver.url],
      authenticationMethodShape: "object",
    }),
  );

  const deliveries = async () =>
    (await control<{ deliveries: Delivery[] }>(t.url, "GET", "/_emulator/webhooks/deliveries")).deliveries;

  it("signs exactly like Finch: the reference test vector", () => {
    const headers = signWebhook(
      "5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH",
      "msg_2Lh9KRb0pzN4LePd3XiA4v12Axj",
      1676312382,
      '{"company_id":"720be419-0293-4d32-a707-32179b0827ab"}',
    );
    expect(headers["Finch-Signature"]).toBe("v1,m7y0TV2C+hlHxU42wCieApTSTaA8/047OAplBqxIV/s=");
  });

  it("sends a signed account.updated the SDK verifies when a connection enters reauth", async () => {
    const sandbox = await t.client.sandbox.connections.create({ provider_id: "gusto" });
    await receiver.waitFor(1); // "connected" on creation
    receiver.received.length = 0;

    await t
      .withToken(sandbox.access_token)
      .sandbox.connections.accounts.update({ connection_status: "reauth" });
    const [hook] = await receiver.waitFor(1);
    if (!hook) throw new Error("no webhook");
    expect(hook.headers["content-type"]).toBe("application/json");
    expect(hook.headers["finch-event-id"]).toMatch(/^msg_[0-9A-Za-z]{27}$/);
    expect(Math.abs(Number(hook.headers["finch-timestamp"]) - Date.now() / 1000)).toBeLessThan(10);
    expect(hook.headers["finch-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    const event = t.client.webhooks.unwrap(
      hook.body,
      hook.headers as Record<string, string>,
      TEST_WEBHOOK_SECRET,
    );
    expect(event).toEqual({
      company_id: sandbox.company_id,
      account_id: sandbox.account_id,
      connection_id: sandbox.connection_id,
      entity_id: null,
      event_type: "account.updated",
      data: { status: "reauth", authentication_method: { type: "credential" } },
    });
    expect(() =>
      t.client.webhooks.unwrap(
        hook.body.replace("reauth", "connected"),
        hook.headers as Record<string, string>,
        TEST_WEBHOOK_SECRET,
      ),
    ).toThrow();
  });

  it("reports reauthentication completing (connected) and disconnect (disconnected)", async () => {
    const sandbox = await t.client.sandbox.connections.create({ provider_id: "adp_run" });
    const finch = t.withToken(sandbox.access_token);
    await finch.sandbox.connections.accounts.update({ connection_status: "reauth" });
    const session = await t.client.connect.sessions.reauthenticate({
      connection_id: sandbox.connection_id,
      redirect_uri: "http://localhost:3000/cb",
    });
    const result = await signInThroughConnect(session.connect_url, { username: "admin" });
    expect(result.status).toBe(302);
    await finch.account.disconnect();

    // Deliveries run concurrently, so arrival order is not guaranteed; creation order is.
    const events = (await receiver.waitFor(4)).map((h) =>
      t.client.webhooks.unwrap(h.body, h.headers as Record<string, string>, TEST_WEBHOOK_SECRET),
    );
    expect(events.every((e) => e.connection_id === sandbox.connection_id)).toBe(true);
    const created = (await deliveries()).filter((d) => d.connectionId === sandbox.connection_id).reverse();
    const statuses = created.map((d) => (JSON.parse(d.payload) as { data: { status: string } }).data.status);
    expect(statuses).toEqual(["connected", "reauth", "connected", "disconnected"]);
  });

  it("retries a failed delivery with backoff and records each attempt", async () => {
    receiver.respondWith = [500, 503];
    const sandbox = await t.client.sandbox.connections.create({ provider_id: "justworks" });
    const hooks = await receiver.waitFor(3);
    expect(new Set(hooks.map((h) => h.headers["finch-event-id"])).size).toBe(1);
    for (const hook of hooks)
      t.client.webhooks.unwrap(hook.body, hook.headers as Record<string, string>, TEST_WEBHOOK_SECRET);

    await expect
      .poll(async () => (await deliveries()).find((d) => d.connectionId === sandbox.connection_id)?.status)
      .toBe("delivered");
    const delivery = (await deliveries()).find((d) => d.connectionId === sandbox.connection_id);
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 503, 200]);
  });

  it("gives up after the retry schedule and lists the delivery as failed", async () => {
    receiver.respondWith = [500, 500, 500];
    const sandbox = await t.client.sandbox.connections.create({ provider_id: "workday" });
    await receiver.waitFor(3);
    await expect
      .poll(async () => (await deliveries()).find((d) => d.connectionId === sandbox.connection_id)?.status)
      .toBe("failed");
  });

  it("records network errors and can send authentication_method as a string (docs shape)", async () => {
    await control(t.url, "PUT", "/_emulator/webhooks", {
      urls: [receiver.url, "http://127.0.0.1:9/unreachable"],
      authenticationMethodShape: "string",
    });
    const sandbox = await t.client.sandbox.connections.create({
      provider_id: "paylocity",
      authentication_type: "api_token",
    });
    const [hook] = await receiver.waitFor(1);
    const event = t.client.webhooks.unwrap(
      hook?.body ?? "",
      (hook?.headers ?? {}) as Record<string, string>,
      TEST_WEBHOOK_SECRET,
    );
    expect(event.data).toEqual({ status: "connected", authentication_method: "api_token" });

    await expect
      .poll(
        async () =>
          (await deliveries()).find(
            (d) => d.connectionId === sandbox.connection_id && d.url.includes("unreachable"),
          )?.status,
      )
      .toBe("failed");
    const failed = (await deliveries()).find(
      (d) => d.url.includes("unreachable") && d.connectionId === sandbox.connection_id,
    );
    expect(failed?.attempts).toHaveLength(3);
    expect(failed?.attempts[0]?.error).toBeTruthy();
  });

  it("rejects a webhook secret the SDK could not use", async () => {
    await expect(startTestEmulator({ webhookSecret: "not base64!" })).rejects.toThrow(/base64/);
  });
});
