import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { control, startTestEmulator, type TestEmulator } from "./test-support/test-emulator";

interface Minted {
  connections: { connection_id: string; company_id: string; access_token: string }[];
}

describe("POST /_emulator/connections/bulk", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());

  it("mints many sandbox connections, each with its own live token", async () => {
    const { connections } = await control<Minted>(t.url, "POST", "/_emulator/connections/bulk", {
      count: 25,
      provider_id: "gusto",
    });
    expect(connections).toHaveLength(25);
    expect(new Set(connections.map((c) => c.connection_id)).size).toBe(25);
    const last = connections[24];
    const introspection = await t.client.withOptions({ accessToken: last.access_token }).account.introspect();
    expect(introspection).toMatchObject({
      connection_id: last.connection_id,
      provider_id: "gusto",
      connection_status: { status: "connected" },
    });
  });

  it("refuses a count out of range and an unknown provider", async () => {
    for (const body of [{ count: 0 }, { count: 20_001 }, { count: 2, provider_id: "nope" }]) {
      const answer = await fetch(`${t.url}/_emulator/connections/bulk`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
  });
});
