import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningResendEmulator } from "./server";
import { sdkFor, startTestEmulator } from "./test-support/test-emulator";

describe("GET /domains", () => {
  let emulator: RunningResendEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ apiKey: "re_pinned", domains: "example.com,mail.test:pending" });
  });
  afterAll(() => emulator.close());

  it("lists the sending domains with their status through the official SDK", async () => {
    const { data, error } = await sdkFor(emulator, "re_pinned").domains.list();
    expect(error).toBeNull();
    expect(data?.data.map(({ name, status }) => ({ name, status }))).toEqual([
      { name: "example.com", status: "verified" },
      { name: "mail.test", status: "pending" },
    ]);
  });

  it("needs the right key, as Resend does", async () => {
    const wrong = await sdkFor(emulator, "re_other").domains.list();
    expect(wrong.error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
    const none = await fetch(`${emulator.url}/domains`);
    expect(none.status).toBe(401);
  });
});
