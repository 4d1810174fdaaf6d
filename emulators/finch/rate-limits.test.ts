import Finch from "@tryfinch/finch-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RateLimitUsage } from "./rate-limits/finch-rate-limiter";
import {
  control,
  finchBody,
  rejection,
  startTestEmulator,
  type TestEmulator,
} from "./test-support/test-emulator";

describe("rate limits through the official SDK", () => {
  let t: TestEmulator;
  let token: string;
  beforeAll(async () => {
    t = await startTestEmulator();
    token = (await t.client.sandbox.connections.create({ provider_id: "gusto" })).access_token;
  });
  afterAll(() => t.close());

  it("are off by default", async () => {
    const finch = t.withToken(token);
    for (let i = 0; i < 25; i++) await finch.hris.company.retrieve();
    expect((await control<RateLimitUsage>(t.url, "GET", "/_emulator/rate-limits")).enabled).toBe(false);
  });

  it("answer the 21st company call in a window with Finch's finch_application_rl 429 and Retry-After", async () => {
    await control(t.url, "PUT", "/_emulator/rate-limits", { enabled: true, windowScale: 1 });
    const finch = t.withToken(token);
    for (let i = 0; i < 20; i++) await finch.hris.company.retrieve();
    const error = await rejection(finch.hris.company.retrieve());
    expect(error).toBeInstanceOf(Finch.RateLimitError);
    expect(finchBody(error)).toEqual({
      code: 429,
      status: 429,
      statusCode: 429,
      name: "rate_limit_exceeded_error",
      finch_code: "finch_application_rl",
      message: expect.any(String),
    });
    const retryAfter = Number((error as InstanceType<typeof Finch.APIError>).headers?.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // /introspect has no product window, only the per-IP one.
    await finch.account.introspect();
    const usage = await control<RateLimitUsage>(t.url, "GET", "/_emulator/rate-limits");
    expect(usage.products.find((p) => p.product === "company")).toMatchObject({ used: 20, limit: 20 });
    expect(usage.ip.addresses[0]).toMatchObject({ used: 22, penaltyEndsAt: null });
    expect(usage.refused.finch_application_rl).toBe(1);
  });

  it("refuse every call from the IP with finch_api_ip_rl during the penalty", async () => {
    await control(t.url, "PUT", "/_emulator/rate-limits", { enabled: true, ipLimit: 3, windowScale: 1 });
    const finch = t.withToken(token);
    for (let i = 0; i < 3; i++) await finch.account.introspect();
    const error = await rejection(finch.account.introspect());
    expect(finchBody(error)).toMatchObject({ code: 429, finch_code: "finch_api_ip_rl" });
    expect((error as InstanceType<typeof Finch.APIError>).headers?.get("retry-after")).toBe("3600");
    // Even an app-authenticated call is refused during the penalty.
    expect(
      finchBody(await rejection(t.client.sandbox.connections.create({ provider_id: "gusto" }))),
    ).toMatchObject({ finch_code: "finch_api_ip_rl" });
    const usage = await control<RateLimitUsage>(t.url, "GET", "/_emulator/rate-limits");
    expect(usage.ip.addresses[0]?.penaltyEndsAt).not.toBeNull();
    // New settings start from empty windows (the fake-clock tests cover the penalty running out).
    await control(t.url, "PUT", "/_emulator/rate-limits", { ipLimit: 1000 });
    await finch.account.introspect();
  });

  it("show usage on the control page, with a switch that works without JavaScript", async () => {
    await control(t.url, "PUT", "/_emulator/rate-limits", { enabled: true, ipLimit: 1000, windowScale: 1 });
    await t.withToken(token).hris.directory.list();
    const html = await (await fetch(`${t.url}/`)).text();
    expect(html).toContain("Rate limits: on");
    expect(html).toMatch(/<td>directory<\/td><td>1 \/ 20<\/td>/);
    const form = await fetch(`${t.url}/_emulator/rate-limits`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "enabled=off",
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    expect((await control<RateLimitUsage>(t.url, "GET", "/_emulator/rate-limits")).enabled).toBe(false);
    const bad = await fetch(`${t.url}/_emulator/rate-limits`, { method: "PUT", body: '{"windowScale":-1}' });
    expect(bad.status).toBe(400);
  });
});
