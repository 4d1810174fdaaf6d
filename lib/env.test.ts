import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const complete = {
  DATABASE_URL: "postgresql://u:p@db:5432/app",
  AUTH_SECRET: "a".repeat(40),
  TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
  FINCH_CLIENT_ID: "id",
  FINCH_CLIENT_SECRET: "top-secret-value",
  FINCH_WEBHOOK_SECRET: "c2VjcmV0",
  RESEND_API_KEY: "re_live_key",
};

describe("parseEnv", () => {
  it("accepts a complete production configuration with production defaults", () => {
    const env = parseEnv({ ...complete, NODE_ENV: "production" });
    expect(env.FINCH_BASE_URL).toBe("https://api.tryfinch.com");
    expect(env.FINCH_CONNECT_URL).toBe("https://connect.tryfinch.com");
    expect(env.FINCH_PRODUCTS).toEqual(["company", "directory", "individual", "employment"]);
    expect(env.FINCH_CONNECT_FLOW).toBe("session");
  });

  it("names every missing secret, treating empty values as missing", () => {
    const { AUTH_SECRET: _authSecret, RESEND_API_KEY: _resendKey, ...rest } = complete;
    try {
      parseEnv({ ...rest, FINCH_CLIENT_SECRET: "" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message).toContain("AUTH_SECRET is required");
      expect(message).toContain("RESEND_API_KEY is required");
      expect(message).toContain("FINCH_CLIENT_SECRET is required");
    }
  });

  it("rejects malformed values without echoing them", () => {
    try {
      parseEnv({ ...complete, AUTH_SECRET: "short-secret-xyz", FINCH_PRODUCTS: "company,payroll_magic" });
      expect.unreachable();
    } catch (error) {
      const message = (error as EnvError).message;
      expect(message).toMatch(/AUTH_SECRET: .*32/);
      expect(message).toContain("FINCH_PRODUCTS");
      expect(message).not.toContain("short-secret-xyz");
    }
  });

  it("normalises the Connect URL to a bare origin and lists operators in lower case", () => {
    const env = parseEnv({
      ...complete,
      FINCH_CONNECT_URL: "http://127.0.0.1:4010/",
      OPERATOR_EMAILS: "Ops@Example.com, b@example.com",
    });
    expect(env.FINCH_CONNECT_URL).toBe("http://127.0.0.1:4010");
    expect(env.OPERATOR_EMAILS).toEqual(["ops@example.com", "b@example.com"]);
  });

  it("reads the reminder schedule as sorted days, defaulting to 3 and 7", () => {
    expect(parseEnv(complete).REMINDER_DAYS).toEqual([3, 7]);
    expect(parseEnv({ ...complete, REMINDER_DAYS: "14, 2,7,2" }).REMINDER_DAYS).toEqual([2, 7, 14]);
    expect(() => parseEnv({ ...complete, REMINDER_DAYS: "3,soon" })).toThrow(/REMINDER_DAYS/);
    expect(() => parseEnv({ ...complete, REMINDER_DAYS: "0" })).toThrow(/REMINDER_DAYS/);
    expect(parseEnv(complete).RECONNECT_LINK_TTL_DAYS).toBe(30);
  });

  it("reads the reminder schedule as a cron expression, with its default, and names a malformed one", () => {
    expect(parseEnv(complete)).toMatchObject({ REMINDER_CRON: "*/10 * * * *" });
    expect(parseEnv({ ...complete, REMINDER_CRON: " 0 * * * * " }).REMINDER_CRON).toBe("0 * * * *");
    expect(() => parseEnv({ ...complete, REMINDER_CRON: "* * *" })).toThrow(/REMINDER_CRON: must be a cron/);
  });

  it("reads the sweep's target and the Finch budget with their defaults and bounds", () => {
    expect(parseEnv(complete)).toMatchObject({
      SWEEP_CONTINUOUS: "on",
      SWEEP_TARGET_HOURS: 6,
      FINCH_BUDGET_HEADROOM: 0.8,
      FINCH_BUDGET_INTERACTIVE_SHARE: 0.25,
    });
    expect(parseEnv({ ...complete, SWEEP_TARGET_HOURS: "0.5" }).SWEEP_TARGET_HOURS).toBe(0.5);
    expect(() => parseEnv({ ...complete, FINCH_BUDGET_HEADROOM: "1" })).toThrow(/FINCH_BUDGET_HEADROOM/);
  });

  it("reads OpenTelemetry's sampler variables, keeping every trace by default, and names a bad one", () => {
    expect(parseEnv(complete)).toMatchObject({
      OTEL_TRACES_SAMPLER: "parentbased_always_on",
      OTEL_TRACES_SAMPLER_ARG: 1,
    });
    const ratio = { OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.1" };
    expect(parseEnv({ ...complete, ...ratio })).toMatchObject({ ...ratio, OTEL_TRACES_SAMPLER_ARG: 0.1 });
    expect(() => parseEnv({ ...complete, OTEL_TRACES_SAMPLER: "sometimes" })).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(() => parseEnv({ ...complete, OTEL_TRACES_SAMPLER_ARG: "1.5" })).toThrow(
      /OTEL_TRACES_SAMPLER_ARG/,
    );
  });

  it("refuses a shortened budget window in production, except on a local run", () => {
    const scaled = { ...complete, FINCH_BUDGET_WINDOW_SCALE: "0.05" };
    expect(() => parseEnv({ ...scaled, NODE_ENV: "production" })).toThrow(
      /FINCH_BUDGET_WINDOW_SCALE: is for tests and benchmarks only and is refused in production/,
    );
    expect(() => parseEnv({ ...scaled, NODE_ENV: "production", LOCAL_RUN: "off" })).toThrow(EnvError);
    expect(parseEnv({ ...scaled, NODE_ENV: "production", LOCAL_RUN: "on" }).FINCH_BUDGET_WINDOW_SCALE).toBe(
      0.05,
    );
    expect(parseEnv({ ...scaled, NODE_ENV: "test" }).FINCH_BUDGET_WINDOW_SCALE).toBe(0.05);
    expect(parseEnv({ ...complete, NODE_ENV: "production" }).FINCH_BUDGET_WINDOW_SCALE).toBe(1);
  });
});
