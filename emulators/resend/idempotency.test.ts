import { describe, expect, it } from "vitest";
import { listEmails, postJson, sampleEmail, sdkFor, setupTestEmulator } from "./test-support/test-emulator";

const emulator = setupTestEmulator();

describe("Idempotency-Key", () => {
  it("returns the same id for the same key and body, and stores the email once", async () => {
    const resend = sdkFor(emulator);
    const first = await resend.emails.send(sampleEmail, { idempotencyKey: "outbox/123" });
    const retry = await resend.emails.send(sampleEmail, { idempotencyKey: "outbox/123" });

    expect(first.error).toBeNull();
    expect(retry.data?.id).toBe(first.data?.id);
    expect(await listEmails(emulator)).toHaveLength(1);
  });

  it("ignores key order and whitespace when comparing bodies", async () => {
    const key = { authorization: "Bearer re_test", "idempotency-key": "same-body" };
    const a = await postJson(emulator, "/emails", JSON.stringify({ ...sampleEmail }), key);
    const reordered = Object.fromEntries(Object.entries(sampleEmail).reverse());
    const b = await postJson(emulator, "/emails", JSON.stringify(reordered, null, 2), key);
    expect(b.json).toEqual(a.json);
  });

  it("answers 409 invalid_idempotent_request when the key is reused with another body", async () => {
    const resend = sdkFor(emulator);
    await resend.emails.send(sampleEmail, { idempotencyKey: "outbox/124" });
    const { data, error } = await resend.emails.send(
      { ...sampleEmail, subject: "Changed" },
      { idempotencyKey: "outbox/124" },
    );

    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(await listEmails(emulator)).toHaveLength(1);
  });

  it("keeps different keys apart, and sends without a key every time", async () => {
    const resend = sdkFor(emulator);
    const a = await resend.emails.send(sampleEmail, { idempotencyKey: "a" });
    const b = await resend.emails.send(sampleEmail, { idempotencyKey: "b" });
    await resend.emails.send(sampleEmail);
    await resend.emails.send(sampleEmail);

    expect(a.data?.id).not.toBe(b.data?.id);
    expect(await listEmails(emulator)).toHaveLength(4);
  });

  it("dedupes batches as a whole", async () => {
    const resend = sdkFor(emulator);
    const batch = [sampleEmail, { ...sampleEmail, to: "grace@example.com" }];
    const first = await resend.batch.send(batch, { idempotencyKey: "batch-1" });
    const retry = await resend.batch.send(batch, { idempotencyKey: "batch-1" });

    expect(retry.data).toEqual(first.data);
    expect(await listEmails(emulator)).toHaveLength(2);
  });

  it("dedupes concurrent retries that arrive together", async () => {
    const resend = sdkFor(emulator);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => resend.emails.send(sampleEmail, { idempotencyKey: "burst" })),
    );
    expect(new Set(results.map((result) => result.data?.id)).size).toBe(1);
    expect(await listEmails(emulator)).toHaveLength(1);
  });

  it("rejects a key longer than 256 characters", async () => {
    const { error } = await sdkFor(emulator).emails.send(sampleEmail, { idempotencyKey: "k".repeat(257) });
    expect(error).toMatchObject({ statusCode: 400, name: "invalid_idempotency_key" });
  });

  it("does not remember failed requests, so a corrected retry goes through", async () => {
    const resend = sdkFor(emulator);
    const invalid = await resend.emails.send({ ...sampleEmail, to: "broken" }, { idempotencyKey: "fix-me" });
    const fixed = await resend.emails.send(sampleEmail, { idempotencyKey: "fix-me" });
    expect(invalid.error?.statusCode).toBe(422);
    expect(fixed.error).toBeNull();
  });
});
