import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollingPeak, type RequestLogSummary } from "./request-log/request-log";
import { control, rejection, startTestEmulator, type TestEmulator } from "./test-support/test-emulator";

interface Bulk {
  connections: { connection_id: string; access_token: string }[];
}

describe("rollingPeak", () => {
  it("counts the most times inside any one window", () => {
    expect(rollingPeak([], 10)).toBe(0);
    expect(rollingPeak([0, 1, 2, 10, 11, 12, 13], 10)).toBe(4);
    // A time exactly one window after another starts a new window.
    expect(rollingPeak([0, 10, 20], 10)).toBe(1);
  });
});

describe("the request log (GET /_emulator/request-log)", () => {
  let t: TestEmulator;
  let fleet: Bulk["connections"];
  beforeAll(async () => {
    t = await startTestEmulator();
    fleet = (
      await control<Bulk>(t.url, "POST", "/_emulator/connections/bulk", { count: 3, provider_id: "gusto" })
    ).connections;
  });
  afterAll(() => t.close());

  it("creates connections in bulk whose tokens work", async () => {
    expect(fleet).toHaveLength(3);
    const answer = await t.withToken(fleet[0]!.access_token).account.introspect();
    expect(answer.connection_id).toBe(fleet[0]!.connection_id);
    const refused = await fetch(`${t.url}/_emulator/connections/bulk`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: 0, provider_id: "gusto" }),
    });
    expect(refused.status).toBe(400);
  });

  it("records each connection's checks, every path, and the rolling peaks, from a cleared log", async () => {
    await control(t.url, "DELETE", "/_emulator/request-log");
    const [a, b] = fleet;
    await t.withToken(a!.access_token).account.introspect();
    await t.withToken(b!.access_token).account.introspect();
    await t.withToken(a!.access_token).account.introspect();
    await t.withToken(a!.access_token).hris.company.retrieve();
    const log = await control<RequestLogSummary>(t.url, "GET", "/_emulator/request-log?connections=1");
    expect(log.calls).toBe(4);
    expect(log.byPath).toEqual({ "/introspect": 3, "/employer/company": 1 });
    expect(log.introspections?.[a!.connection_id]).toHaveLength(2);
    expect(log.introspections?.[b!.connection_id]).toHaveLength(1);
    expect(log.peaks.ip.peak).toBe(4);
    expect(log.peaks.products.find((p) => p.product === "company")?.peak).toBe(1);
    expect(log.refused).toEqual({ finch_api_ip_rl: 0, finch_application_rl: 0 });
    // Without ?connections=1 the per-connection times stay out (they can be large).
    expect((await control<RequestLogSummary>(t.url, "GET", "/_emulator/request-log")).introspections).toBe(
      undefined,
    );
  });

  it("counts Finch's 429s by kind, and a refused check is not a check", async () => {
    await control(t.url, "PUT", "/_emulator/rate-limits", { enabled: true, ipLimit: 2 });
    await control(t.url, "DELETE", "/_emulator/request-log");
    const finch = t.withToken(fleet[2]!.access_token);
    await finch.account.introspect();
    await finch.account.introspect();
    await rejection(finch.account.introspect());
    const log = await control<RequestLogSummary>(t.url, "GET", "/_emulator/request-log?connections=1");
    expect(log.refused).toEqual({ finch_api_ip_rl: 1, finch_application_rl: 0 });
    expect(log.introspections?.[fleet[2]!.connection_id]).toHaveLength(2);
    // Finch counts the refused call in its window too, and so does the judge.
    expect(log.peaks.ip.peak).toBe(3);
    await control(t.url, "PUT", "/_emulator/rate-limits", { enabled: false });
  });
});
