import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendEmulator, type RunningResendEmulator } from "@/emulators/resend/server";
import { finchForTestFile } from "@/test/finch-for-test-file";
import { seedConnection, seedOrganization } from "@/test/finch-test-kit";
import type { CheckResult, RawEnv } from "./check-result";
import { formatCheck, runDoctor } from "./run-doctor";

const finch = finchForTestFile();
let resend: RunningResendEmulator;
let good: RawEnv;

beforeAll(async () => {
  resend = await startResendEmulator({
    port: 0,
    stateFile: null,
    apiKey: process.env.RESEND_API_KEY,
    domains: "example.com,unverified.test:pending",
  });
  good = {
    ...process.env,
    NODE_ENV: "production",
    // A production configuration: Finch's real windows (the test setup shortens them for this process).
    FINCH_BUDGET_WINDOW_SCALE: "1",
    APP_URL: "https://connections.example.com",
    FINCH_BASE_URL: finch().url,
    RESEND_BASE_URL: resend.url,
    EMAIL_FROM: "Payroll Connections <connections@example.com>",
    METRICS_TOKEN: "a-metrics-token-for-the-doctor",
  };
  // A stored token, the latest one, for the encryption-key check to decrypt.
  await seedConnection(finch(), (await seedOrganization()).id);
});
afterAll(() => resend.close());

const failures = (results: CheckResult[]) => results.filter((result) => !result.ok).map(formatCheck);

describe("npm run doctor", () => {
  it("passes every check against the stand-ins, saying which Finch call it made", async () => {
    const results = await runDoctor(good);
    expect(failures(results)).toEqual([]);
    expect(results.map((result) => result.name)).toEqual([
      "configuration",
      "database",
      "Finch credentials",
      "Resend key",
      "EMAIL_FROM domain",
      "Finch webhook secret",
      "APP_URL",
      "token encryption keys",
      "metrics token",
    ]);
    expect(results.find((r) => r.name === "Finch credentials")?.detail).toContain("POST /auth/token");
  });

  const wrong: [string, RawEnv, RegExp][] = [
    [
      "a wrong FINCH_CLIENT_SECRET",
      { FINCH_CLIENT_SECRET: "not-the-secret" },
      /Finch credentials: .*FINCH_CLIENT_SECRET/,
    ],
    ["a wrong FINCH_CLIENT_ID", { FINCH_CLIENT_ID: "someone-else" }, /Finch credentials: .*FINCH_CLIENT_ID/],
    ["a wrong RESEND_API_KEY", { RESEND_API_KEY: "re_wrong" }, /Resend key: Resend refused RESEND_API_KEY/],
    ["an unverified EMAIL_FROM domain", { EMAIL_FROM: "x@unverified.test" }, /EMAIL_FROM domain: .*pending/],
    [
      "a malformed FINCH_WEBHOOK_SECRET",
      { FINCH_WEBHOOK_SECRET: "not base64!" },
      /Finch webhook secret: FINCH_WEBHOOK_SECRET must be the base64 secret/,
    ],
    [
      "other TOKEN_ENCRYPTION_KEYS",
      { TOKEN_ENCRYPTION_KEYS: `test-1:${crypto.randomBytes(32).toString("base64")}` },
      /token encryption keys: TOKEN_ENCRYPTION_KEYS cannot decrypt/,
    ],
    [
      "an http APP_URL in production",
      { APP_URL: "http://connections.example.com" },
      /APP_URL: APP_URL must be https/,
    ],
    ["no METRICS_TOKEN", { METRICS_TOKEN: "" }, /metrics token: METRICS_TOKEN is not set/],
    [
      "an unreachable database",
      { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" },
      /database: DATABASE_URL: database unreachable/,
    ],
    ["a missing AUTH_SECRET", { AUTH_SECRET: "" }, /configuration: AUTH_SECRET is required/],
  ];

  it.each(wrong)("fails with %s, naming what to fix", async (_case, change, expected) => {
    const failed = failures(await runDoctor({ ...good, ...change }));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.join("\n")).toMatch(expected);
  });
});
