import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningResendEmulator } from "./server";
import { listEmails, postJson, sampleEmail, sdkFor, startTestEmulator } from "./test-support/test-emulator";

describe("authorization with any re_ key accepted", () => {
  let emulator: RunningResendEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ apiKey: null });
  });
  afterAll(() => emulator.close());

  it("answers 401 missing_api_key, which the SDK returns as its error", async () => {
    // The SDK always sends its key; an empty header override is how a caller can omit it.
    const { data, error } = await sdkFor(emulator).emails.send(sampleEmail, {
      headers: { Authorization: "" },
    });

    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: 401, name: "missing_api_key" });
    expect(await listEmails(emulator)).toEqual([]);
  });

  it("answers 401 when the header is absent altogether", async () => {
    const { status, json } = await postJson(emulator, "/emails", JSON.stringify(sampleEmail), {});
    expect(status).toBe(401);
    expect(json).toMatchObject({ statusCode: 401, name: "missing_api_key" });
  });

  it("answers 403 invalid_api_key for a key that is not a Resend key", async () => {
    const { error } = await sdkFor(emulator, "sk_live_123").emails.send(sampleEmail);
    expect(error).toEqual({ statusCode: 403, name: "invalid_api_key", message: "API key is invalid" });
  });

  it("accepts any re_ key", async () => {
    const { error } = await sdkFor(emulator, "re_anything_at_all").emails.send(sampleEmail);
    expect(error).toBeNull();
  });
});

describe("authorization with a pinned key", () => {
  let emulator: RunningResendEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ apiKey: "re_pinned" });
  });
  afterAll(() => emulator.close());

  it("accepts only that key, for sends and for reads that carry a key", async () => {
    const wrong = await sdkFor(emulator, "re_other").emails.send(sampleEmail);
    const right = await sdkFor(emulator, "re_pinned").emails.send(sampleEmail);
    const wrongList = await sdkFor(emulator, "re_other").emails.list();

    expect(wrong.error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
    expect(right.error).toBeNull();
    expect(wrongList.error?.name).toBe("invalid_api_key");
    expect(await listEmails(emulator)).toHaveLength(1);
  });
});
