import Finch from "@tryfinch/finch-api";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { signInThroughConnect } from "./test-support/connect-browser";
import { finchBody, rejection, startTestEmulator, type TestEmulator } from "./test-support/test-emulator";

const REDIRECT_URI = "http://localhost:3000/api/finch/callback";

describe("POST /auth/token, GET /introspect, GET /providers", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());
  afterEach(() => vi.useRealTimers());

  async function freshCode(customerId = "cust-token") {
    const session = await t.client.connect.sessions.new({
      customer_id: customerId,
      customer_name: "Token Test Co",
      products: ["company", "directory", "individual", "employment"],
      redirect_uri: REDIRECT_URI,
    });
    const result = await signInThroughConnect(session.connect_url, {
      username: "admin@tokentest.example",
      provider: "gusto",
    });
    expect(result.status).toBe(302);
    if (!result.code) throw new Error("no code in the redirect");
    return result.code;
  }

  it("exchanges a code once for a token with Finch's response fields", async () => {
    const code = await freshCode();
    const token = await t.client.accessTokens.create({ code, redirect_uri: REDIRECT_URI });
    expect(token).toMatchObject({
      token_type: "bearer",
      client_type: "development",
      connection_type: "provider",
      provider_id: "gusto",
      customer_id: "cust-token",
      customer_name: "Token Test Co",
      products: ["company", "directory", "individual", "employment"],
    });
    expect(token.access_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(token.entity_ids).toHaveLength(1);

    const reused = await rejection(t.client.accessTokens.create({ code, redirect_uri: REDIRECT_URI }));
    expect(reused).toBeInstanceOf(Finch.BadRequestError);
    expect(finchBody(reused)).toMatchObject({ code: 400, name: "invalid_grant_error" });
  });

  it("accepts an exchange without redirect_uri but rejects a different one", async () => {
    const wrong = await rejection(
      t.client.accessTokens.create({ code: await freshCode(), redirect_uri: "http://evil.example/cb" }),
    );
    expect(wrong).toBeInstanceOf(Finch.BadRequestError);
    expect(finchBody(wrong)).toMatchObject({ name: "invalid_grant_error" });

    const token = await t.client.accessTokens.create({ code: await freshCode() });
    expect(token.access_token).toBeTruthy();
  });

  it("rejects an unknown code and a code older than 10 minutes with invalid_grant_error", async () => {
    const unknown = await rejection(t.client.accessTokens.create({ code: "not-a-real-code" }));
    expect(finchBody(unknown)).toMatchObject({ code: 400, name: "invalid_grant_error" });

    const code = await freshCode();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 10 * 60_000 + 1_000 });
    const expired = await rejection(t.client.accessTokens.create({ code }));
    expect(expired).toBeInstanceOf(Finch.BadRequestError);
    expect(finchBody(expired)).toMatchObject({
      name: "invalid_grant_error",
      message: "Authorization code has expired",
    });
  });

  it("rejects bad client credentials in the body with invalid_client_error", async () => {
    const code = await freshCode();
    const wrong = new Finch({
      baseURL: t.url,
      clientID: "test-client-id",
      clientSecret: "wrong",
      maxRetries: 0,
    });
    const error = await rejection(wrong.accessTokens.create({ code }));
    expect(error).toBeInstanceOf(Finch.AuthenticationError);
    expect(finchBody(error)).toMatchObject({ code: 401, name: "invalid_client_error" });
    // The failed attempt did not burn the code.
    expect((await t.client.accessTokens.create({ code })).access_token).toBeTruthy();
  });

  it("introspects a token", async () => {
    const token = await t.client.accessTokens.create({ code: await freshCode("cust-introspect") });
    const info = await t.withToken(token.access_token).account.introspect();
    expect(info).toMatchObject({
      client_id: "test-client-id",
      connection_id: token.connection_id,
      provider_id: "gusto",
      payroll_provider_id: "gusto",
      customer_id: "cust-introspect",
      connection_status: { status: "connected" },
      username: "admin@tokentest.example",
      products: token.products,
    });
    expect(info.authentication_methods?.[0]).toMatchObject({
      type: "credential",
      connection_status: { status: "connected" },
    });
  });

  it("answers unknown and missing tokens with Finch's two different 401s", async () => {
    const unknown = await rejection(t.withToken("not-a-token").account.introspect());
    expect(unknown).toBeInstanceOf(Finch.AuthenticationError);
    expect(finchBody(unknown)).toMatchObject({ name: "invalid_token_error" });
    expect(finchBody(unknown).finch_code).toBeUndefined();

    const missing = await fetch(`${t.url}/introspect`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 401, name: "unauthorized_request_error" });
  });

  it("lists providers without authentication and with a token", async () => {
    const providers = [];
    for await (const provider of t.client.providers.list({ headers: { Authorization: null } }))
      providers.push(provider);
    expect(providers.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        "gusto",
        "adp_run",
        "paychex_flex",
        "bamboo_hr",
        "rippling",
        "justworks",
        "paylocity",
        "workday",
      ]),
    );
    const gusto = providers.find((p) => p.id === "gusto");
    expect(gusto).toMatchObject({
      display_name: "Gusto",
      products: expect.arrayContaining(["company", "directory"]),
    });
    expect(gusto?.authentication_methods?.map((m) => m.type)).toContain("credential");
    expect(gusto?.icon).toBe(`${t.url}/assets/providers/gusto.svg`);
    const icon = await fetch(gusto?.icon ?? "");
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");

    const sandbox = await t.client.sandbox.connections.create({ provider_id: "gusto" });
    const page = await t.withToken(sandbox.access_token).providers.list();
    expect(page.getPaginatedItems()).toHaveLength(providers.length);
  });
});
