import Finch from "@tryfinch/finch-api";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  control,
  finchBody,
  rejection,
  startTestEmulator,
  type TestEmulator,
} from "./test-support/test-emulator";

describe("injected faults and latency", () => {
  let t: TestEmulator;
  let finch: Finch;
  beforeAll(async () => {
    t = await startTestEmulator();
    finch = t.withToken((await t.client.sandbox.connections.create({ provider_id: "gusto" })).access_token);
  });
  afterAll(() => t.close());
  afterEach(() => control(t.url, "DELETE", "/_emulator/faults"));

  it("answers the next N calls to a path with 429, Retry-After and Finch's rate-limit body", async () => {
    await control(t.url, "POST", "/_emulator/faults", { path: "/employer/directory", status: 429, count: 2 });
    // Other paths are untouched.
    expect((await finch.hris.company.retrieve()).id).toBeTruthy();
    for (let i = 0; i < 2; i++) {
      const error = await rejection(finch.hris.directory.list());
      expect(error).toBeInstanceOf(Finch.RateLimitError);
      if (!(error instanceof Finch.RateLimitError)) return;
      expect(error.headers?.get("retry-after")).toBe("0");
      expect(error.headers?.get("content-type")).toBe("application/json");
      expect(finchBody(error)).toMatchObject({
        code: 429,
        name: "rate_limit_exceeded_error",
        finch_code: "finch_application_rl",
        statusCode: 429,
      });
    }
    expect((await finch.hris.directory.list()).individuals.length).toBeGreaterThan(0);
  });

  it("lets the SDK's own retries recover immediately thanks to Retry-After: 0", async () => {
    await control(t.url, "POST", "/_emulator/faults", { path: "/employer/*", status: 503 });
    const retrying = finch.withOptions({ maxRetries: 2 });
    const started = Date.now();
    expect((await retrying.hris.company.retrieve()).id).toBeTruthy();
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("maps 500 and 502 to the SDK's InternalServerError with Finch's bodies", async () => {
    await control(t.url, "POST", "/_emulator/faults", { status: 502, count: 1 });
    const error = await rejection(finch.account.introspect());
    expect(error).toBeInstanceOf(Finch.InternalServerError);
    expect(finchBody(error)).toMatchObject({
      code: 502,
      name: "bad_gateway_error",
      finch_code: "upstream_provider_error",
    });

    await control(t.url, "POST", "/_emulator/faults", { path: "/introspect", status: 500, fraction: 1 });
    for (let i = 0; i < 3; i++)
      expect(await rejection(finch.account.introspect())).toBeInstanceOf(Finch.InternalServerError);
    await control(t.url, "DELETE", "/_emulator/faults");
    expect((await finch.account.introspect()).connection_status.status).toBe("connected");
  });

  it("never fires a fraction-0 rule and rejects unsupported fault statuses", async () => {
    await control(t.url, "POST", "/_emulator/faults", { status: 500, fraction: 0 });
    for (let i = 0; i < 5; i++) expect((await finch.hris.company.retrieve()).id).toBeTruthy();
    const response = await fetch(`${t.url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ status: 418 }),
    });
    expect(response.status).toBe(400);
  });

  it("adds per-endpoint latency", async () => {
    await control(t.url, "POST", "/_emulator/latency", { path: "/employer/company", ms: 250 });
    let started = Date.now();
    await finch.hris.company.retrieve();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    started = Date.now();
    await finch.account.introspect();
    expect(Date.now() - started).toBeLessThan(200);
    await control(t.url, "POST", "/_emulator/latency", { path: "/employer/company", ms: 0 });
    expect((await control<{ latency: unknown[] }>(t.url, "GET", "/_emulator/latency")).latency).toEqual([]);
  });
});
