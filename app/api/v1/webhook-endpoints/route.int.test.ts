import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as list, POST as create } from "@/app/api/v1/webhook-endpoints/route";
import { DELETE as remove } from "@/app/api/v1/webhook-endpoints/[id]/route";
import { db } from "@/lib/db";
import { MAX_WEBHOOK_ENDPOINTS, openWebhookEndpoint } from "@/lib/host-events/manage-webhook-endpoints";
import { apiKeyForTests, callApi } from "@/test/api-test-kit";
import { clearWebhookEndpoints } from "@/test/host-events-kit";

// Outside production every destination is allowed (the stand-ins on 127.0.0.1, as in the alert tests);
// a test that checks the production rules turns them on.
const production = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/alerts/outbound-policy", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/alerts/outbound-policy")>();
  return { ...original, strictFor: (url: string) => production.on || original.strictFor(url) };
});

beforeEach(clearWebhookEndpoints);
afterEach(async () => {
  production.on = false;
  await clearWebhookEndpoints();
});

const URL_PATH = "/api/v1/webhook-endpoints";
const RECEIVER = "http://127.0.0.1:9/hooks/our-backend/receive";

type Created = { id: string; secret: string; url_hint: string; created_at: string };

describe("POST /api/v1/webhook-endpoints", () => {
  it("adds an endpoint, answers its secret once, and stores URL and secret encrypted", async () => {
    const writer = await apiKeyForTests(["webhooks:write"]);
    const created = await callApi<Created>(create, {
      url: URL_PATH,
      key: writer.key,
      body: { url: RECEIVER },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.body).toEqual({
      id: expect.stringMatching(/^we_[0-9a-f]{24}$/),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      url_hint: "http://127.0.0.1:9…eive",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const row = await db().hostWebhookEndpoint.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.createdByKeyId).toBe(writer.id);
    expect(JSON.stringify(row)).not.toContain("our-backend");
    expect(JSON.stringify(row)).not.toContain(created.body.secret);
    expect(openWebhookEndpoint(row)).toEqual({ url: RECEIVER, secret: created.body.secret });

    const listed = await callApi<{ data: Record<string, unknown>[] }>(list, {
      url: URL_PATH,
      key: writer.key,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      { id: created.body.id, url_hint: created.body.url_hint, created_at: created.body.created_at },
    ]);
  });

  it("refuses a missing or unknown key (401) and a key without webhooks:write (403)", async () => {
    const body = { url: RECEIVER };
    const none = await callApi(create, { url: URL_PATH, key: null, body });
    expect(none).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    expect((await callApi(create, { url: URL_PATH, key: `pck_${"x".repeat(43)}`, body })).status).toBe(401);
    const reader = await apiKeyForTests(["connections:read", "tokens:read"]);
    const forbidden = await callApi(create, { url: URL_PATH, key: reader.key, body });
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await db().hostWebhookEndpoint.count()).toBe(0);
  });

  it("answers 400 for malformed JSON, a missing or ill-formed url, and no more than the limit (409)", async () => {
    const { key } = await apiKeyForTests(["webhooks:write"]);
    const cases: [unknown, RegExp][] = [
      ["{not json", /not valid JSON/],
      [{}, /^url: /],
      [{ url: 42 }, /^url: /],
      [{ url: "" }, /^url: /],
      [{ url: "not a url" }, /full URL/],
      [{ url: "ftp://example.com/x" }, /https/],
      [{ url: "http://user:pw@127.0.0.1:9/hooks/x" }, /password/],
      [[RECEIVER], /body|url/],
    ];
    for (const [body, message] of cases) {
      const bad = await callApi(create, { url: URL_PATH, key, body });
      expect(bad, JSON.stringify(body)).toMatchObject({
        status: 400,
        body: { error: { code: "invalid_request", message: expect.stringMatching(message) } },
      });
    }
    for (let i = 0; i < MAX_WEBHOOK_ENDPOINTS; i++)
      expect((await callApi(create, { url: URL_PATH, key, body: { url: `${RECEIVER}/${i}` } })).status).toBe(
        201,
      );
    const full = await callApi(create, { url: URL_PATH, key, body: { url: RECEIVER } });
    expect(full).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
  });

  it("in production, refuses http, loopback, private, link-local and unresolvable destinations", async () => {
    production.on = true;
    const { key } = await apiKeyForTests(["webhooks:write"]);
    const refused: [string, RegExp][] = [
      [RECEIVER, /https/],
      ["https://127.0.0.1/hooks", /public internet address/],
      ["https://localhost:8443/hooks", /public internet address/],
      ["https://10.1.2.3/hooks", /public internet address/],
      ["https://169.254.169.254/latest/meta-data", /public internet address/],
      ["https://[::1]/hooks", /public internet address/],
      ["https://[::ffff:192.168.0.1]/hooks", /public internet address/],
      ["https://no-such-host.invalid/hooks", /does not resolve/],
    ];
    for (const [url, message] of refused) {
      const bad = await callApi(create, { url: URL_PATH, key, body: { url } });
      expect(bad, url).toMatchObject({
        status: 400,
        body: { error: { code: "invalid_request", message: expect.stringMatching(message) } },
      });
    }
    expect(await db().hostWebhookEndpoint.count()).toBe(0);
  });
});

describe("GET /api/v1/webhook-endpoints", () => {
  it("lists oldest first without secrets, and refuses no key, a wrong key and a missing scope", async () => {
    const { key } = await apiKeyForTests(["webhooks:write"]);
    for (const i of [1, 2]) await callApi(create, { url: URL_PATH, key, body: { url: `${RECEIVER}/${i}` } });
    const listed = await callApi<{ data: Record<string, unknown>[] }>(list, { url: URL_PATH, key });
    expect(listed.body.data).toHaveLength(2);
    expect(listed.body.data[0].url_hint).toBe("http://127.0.0.1:9…ve/1");
    expect(JSON.stringify(listed.body)).not.toContain("whsec_");
    expect((await callApi(list, { url: URL_PATH, key: null })).status).toBe(401);
    expect((await callApi(list, { url: URL_PATH, key: `pck_${"y".repeat(43)}` })).status).toBe(401);
    const reader = await apiKeyForTests(["connections:read"]);
    expect((await callApi(list, { url: URL_PATH, key: reader.key })).status).toBe(403);
  });
});

describe("DELETE /api/v1/webhook-endpoints/{id}", () => {
  it("removes the endpoint (204), then answers 404; ids of the wrong shape are 400", async () => {
    const { key } = await apiKeyForTests(["webhooks:write"]);
    const created = await callApi<Created>(create, { url: URL_PATH, key, body: { url: RECEIVER } });
    const { id } = created.body;
    const call = (endpointId: string, withKey: string | null = key) =>
      callApi(remove, {
        url: `${URL_PATH}/${endpointId}`,
        method: "DELETE",
        key: withKey,
        params: { id: endpointId },
      });

    expect((await call(id, null)).status).toBe(401);
    const reader = await apiKeyForTests(["connections:read"]);
    expect((await call(id, reader.key)).status).toBe(403);
    const removed = await call(id);
    expect(removed).toMatchObject({ status: 204, body: null });
    expect(await db().hostWebhookEndpoint.count()).toBe(0);
    expect(await call(id)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await call("we_000000000000000000000000")).status).toBe(404);
    for (const bad of ["a\u0000b", "x".repeat(65), "we_1;drop"]) {
      expect(await call(bad), bad).toMatchObject({
        status: 400,
        body: { error: { code: "invalid_request" } },
      });
    }
  });
});
