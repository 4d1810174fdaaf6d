import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  control,
  finchBody,
  rejection,
  startTestEmulator,
  type TestEmulator,
} from "./test-support/test-emulator";

interface StoredSession {
  id: string;
  kind: string;
  customerId: string | null;
  customerEmail: string | null;
  providerId: string | null;
  redirectUri: string | null;
  connectionId: string | null;
  products: string[];
  expiresAt: string;
}

describe("POST /connect/sessions and /connect/sessions/reauthenticate", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());

  const sessions = async () =>
    (await control<{ sessions: StoredSession[] }>(t.url, "GET", "/_emulator/sessions")).sessions;

  it("creates a session whose connect_url points at the emulator's /authorize page", async () => {
    const { data, response } = await t.client.connect.sessions
      .new({
        customer_id: "cust-1",
        customer_name: "Acme Inc",
        customer_email: "ops@acme.example",
        products: ["company", "directory"],
        integration: { provider: "gusto" },
        redirect_uri: "http://localhost:3000/api/finch/callback",
      })
      .withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("finch-request-id")).toMatch(/[0-9a-f-]{36}/);
    expect(data.connect_url).toBe(`${t.url}/authorize?session=${data.session_id}`);

    const stored = (await sessions()).find((s) => s.id === data.session_id);
    expect(stored).toMatchObject({
      kind: "new",
      customerId: "cust-1",
      customerEmail: "ops@acme.example",
      providerId: "gusto",
      redirectUri: "http://localhost:3000/api/finch/callback",
      products: ["company", "directory"],
    });
    // Default lifetime is Finch's 90 days.
    const days = (Date.parse(stored?.expiresAt ?? "") - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
  });

  it("rejects wrong client credentials with Finch's invalid_client_error", async () => {
    const wrong = new Finch({
      baseURL: t.url,
      clientID: "test-client-id",
      clientSecret: "nope",
      maxRetries: 0,
    });
    const error = await rejection(
      wrong.connect.sessions.new({ customer_id: "c", customer_name: "C", products: ["company"] }),
    );
    expect(error).toBeInstanceOf(Finch.AuthenticationError);
    expect(finchBody(error)).toMatchObject({ code: 401, name: "invalid_client_error" });
  });

  it("rejects a call without Basic credentials with unauthorized_request_error", async () => {
    const response = await fetch(`${t.url}/connect/sessions`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ name: "unauthorized_request_error" });
  });

  it("validates the body as Finch does (required fields, product enum, expiry range, provider)", async () => {
    const bad = [
      { customer_name: "No id", products: ["company"] },
      { customer_id: "c", customer_name: "C", products: ["payroll_magic"] },
      { customer_id: "c", customer_name: "C", products: ["benefits", "deduction"] },
      { customer_id: "c", customer_name: "C", products: ["company"], minutes_to_expire: 200_000 },
      {
        customer_id: "c",
        customer_name: "C",
        products: ["company"],
        integration: { provider: "not_a_provider" },
      },
    ];
    for (const body of bad) {
      // Casts let the test send what the SDK's types would refuse, as a careless caller could.
      const error = await rejection(
        t.client.connect.sessions.new(body as unknown as Finch.Connect.SessionNewParams),
      );
      expect(error, JSON.stringify(body)).toBeInstanceOf(Finch.BadRequestError);
      expect(finchBody(error)).toMatchObject({
        code: 400,
        name: "bad_request",
        finch_code: "invalid_request",
      });
    }
  });

  it("answers malformed JSON with 400 instead of crashing", async () => {
    const basic = Buffer.from("test-client-id:test-client-secret").toString("base64");
    const response = await fetch(`${t.url}/connect/sessions`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ code: 400, message: "Request body is not valid JSON" });
  });

  it("creates a reauthenticate session (201) that remembers the connection", async () => {
    const sandbox = await t.client.sandbox.connections.create({ provider_id: "paychex_flex" });
    const { data, response } = await t.client.connect.sessions
      .reauthenticate({ connection_id: sandbox.connection_id, redirect_uri: "http://localhost:3000/cb" })
      .withResponse();
    expect(response.status).toBe(201);
    expect(data.connect_url).toBe(`${t.url}/authorize?session=${data.session_id}`);
    const stored = (await sessions()).find((s) => s.id === data.session_id);
    expect(stored).toMatchObject({
      kind: "reauthenticate",
      connectionId: sandbox.connection_id,
      providerId: "paychex_flex",
    });
    const days = (Date.parse(stored?.expiresAt ?? "") - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
  });

  it("answers a reauthenticate session for an unknown connection with 404", async () => {
    const error = await rejection(
      t.client.connect.sessions.reauthenticate({ connection_id: "no-such-connection" }),
    );
    expect(error).toBeInstanceOf(Finch.NotFoundError);
    expect(finchBody(error)).toMatchObject({ code: 404, name: "not_found_error" });
  });
});
