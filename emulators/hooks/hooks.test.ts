import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { startHooksEmulator, type RunningHooksEmulator } from "./server";

let hooks: RunningHooksEmulator;
beforeAll(async () => {
  hooks = await startHooksEmulator({ port: 0 });
});
afterAll(() => hooks.close());

const SECRET = `whsec_${Buffer.from("a-secret-of-thirty-two-bytes-!!!").toString("base64")}`;

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${hooks.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

const received = async (query = "") =>
  (
    (await (await fetch(`${hooks.url}/received${query}`)).json()) as {
      data: { path: string; body: string; verified: boolean | null; headers: Record<string, string> }[];
    }
  ).data;

describe("the hooks stand-in", () => {
  it("accepts Slack-style posts and lists them newest first with path, headers and body", async () => {
    const first = await post("/slack/T1/B1/one", JSON.stringify({ text: "first" }));
    expect(first.status).toBe(200);
    expect(await first.text()).toBe("ok");
    await post("/slack/T1/B1/one", JSON.stringify({ text: "second" }));
    const list = await received("?path=/slack/T1");
    expect(list.map((hook) => JSON.parse(hook.body).text)).toEqual(["second", "first"]);
    expect(list[0]).toMatchObject({ path: "/slack/T1/B1/one", verified: null });
    expect(list[0].headers["content-type"]).toBe("application/json");
    const page = await (await fetch(hooks.url)).text();
    expect(page).toContain("/slack/T1/B1/one");
  });

  it("verifies Standard Webhooks signatures once told the secret, and refuses a forged one", async () => {
    await fetch(`${hooks.url}/_emulator/secrets`, {
      method: "POST",
      body: JSON.stringify({ pathPrefix: "/hooks/acme", secret: SECRET }),
    });
    const body = JSON.stringify({ type: "connection.broken" });
    // One clock reading for the signature and its header: two readings straddled a second now and then.
    const now = new Date();
    const signed = new Webhook(SECRET).sign("msg_1", now, body);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const good = await post("/hooks/acme", body, {
      "webhook-id": "msg_1",
      "webhook-timestamp": timestamp,
      "webhook-signature": signed,
    });
    expect(good.status).toBe(200);
    const forged = await post("/hooks/acme", body, {
      "webhook-id": "msg_1",
      "webhook-timestamp": timestamp,
      "webhook-signature": "v1,AAAA",
    });
    expect(forged.status).toBe(401);
    const [latest] = await received("?path=/hooks/acme");
    expect(latest.verified).toBe(true);
    expect(await received("?path=/hooks/acme&all=1")).toHaveLength(2);
  });

  it("shows each signed post's event type on its page: alerts and events to the host's backend", async () => {
    const event = { type: "connection.token_rotated", timestamp: new Date().toISOString(), data: {} };
    expect((await post("/hooks/host-backend", JSON.stringify(event))).status).toBe(200);
    const page = await (await fetch(`${hooks.url}/`)).text();
    expect(page).toContain("POST /hooks/host-backend <code>connection.token_rotated</code>");
  });

  it("fails the next posts when asked, then recovers", async () => {
    await fetch(`${hooks.url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ status: 503, count: 2, path: "/hooks/flaky*" }),
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post("/hooks/flaky", "{}")).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(await received("?path=/hooks/flaky")).toHaveLength(1);
  });

  it("answers malformed JSON with a clear 400, a wrong method with 405 and Allow, an unknown path with 404", async () => {
    const malformed = await fetch(`${hooks.url}/_emulator/faults`, { method: "POST", body: "{" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "Request body is not valid JSON" });
    const wrongMethod = await fetch(`${hooks.url}/received`, { method: "POST", body: "{}" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, DELETE");
    expect((await fetch(`${hooks.url}/elsewhere`, { method: "POST", body: "{}" })).status).toBe(404);
  });
});
