import { describe, expect, it } from "vitest";
import { FinchError } from "../http/finch-error";
import { FinchRateLimiter } from "./finch-rate-limiter";

function refusal(run: () => void): FinchError {
  try {
    run();
  } catch (error) {
    if (error instanceof FinchError) return error;
    throw error;
  }
  throw new Error("expected a 429");
}

describe("FinchRateLimiter (fake clock)", () => {
  it("admits everything while switched off", () => {
    const limiter = new FinchRateLimiter({ ipLimit: 1 });
    for (let i = 0; i < 50; i++) limiter.admit("10.0.0.1", "/employer/company");
    expect(limiter.usage().refused).toEqual({ finch_api_ip_rl: 0, finch_application_rl: 0 });
  });

  it("rolls the per-product window: the 21st company call waits for the oldest to leave", () => {
    let now = 1_000_000;
    const limiter = new FinchRateLimiter({ enabled: true }, () => now);
    for (let i = 0; i < 20; i++) {
      limiter.admit("10.0.0.1", "/employer/company");
      now += 1_000;
    }
    const error = refusal(() => limiter.admit("10.0.0.1", "/employer/company"));
    expect(error.finchCode).toBe("finch_application_rl");
    // The first call was 20 s ago, so it leaves the 60 s window in 40 s.
    expect(error.headers["Retry-After"]).toBe("40");
    // Other products have their own windows; payment's limit is 12.
    limiter.admit("10.0.0.1", "/employer/directory");
    now += 40_000;
    limiter.admit("10.0.0.1", "/employer/company");
    expect(limiter.usage().products.find((p) => p.product === "payment")?.limit).toBe(12);
    expect(limiter.usage().products.find((p) => p.product === "company")).toMatchObject({
      used: 20,
      peak: 20,
    });
  });

  it("starts the per-IP penalty past the limit and refuses that IP, only that IP, until it ends", () => {
    let now = 0;
    const limiter = new FinchRateLimiter({ enabled: true, ipLimit: 3 }, () => now);
    for (let i = 0; i < 3; i++) limiter.admit("10.0.0.1", "/introspect");
    const error = refusal(() => limiter.admit("10.0.0.1", "/introspect"));
    expect(error.finchCode).toBe("finch_api_ip_rl");
    expect(error.headers["Retry-After"]).toBe("3600");
    limiter.admit("10.0.0.2", "/introspect");
    now += 59 * 60_000;
    expect(refusal(() => limiter.admit("10.0.0.1", "/introspect")).headers["Retry-After"]).toBe("60");
    now += 60_001;
    limiter.admit("10.0.0.1", "/introspect");
    expect(limiter.usage().refused.finch_api_ip_rl).toBe(2);
  });

  it("scales every window and the penalty", () => {
    let now = 0;
    const limiter = new FinchRateLimiter({ enabled: true, ipLimit: 2, windowScale: 0.01 }, () => now);
    expect(limiter.usage().ip).toMatchObject({ windowMs: 3_000, penaltyMs: 36_000 });
    expect(limiter.usage().products[0]?.windowMs).toBe(600);
    limiter.admit("ip", "/introspect");
    now += 3_001; // the first call has left the 3 s window
    limiter.admit("ip", "/introspect");
    limiter.admit("ip", "/introspect");
    expect(refusal(() => limiter.admit("ip", "/introspect")).headers["Retry-After"]).toBe("36");
  });
});
