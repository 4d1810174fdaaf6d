import { describe, expect, it } from "vitest";
import { listEmails, postJson, sampleEmail, sdkFor, setupTestEmulator } from "./test-support/test-emulator";

const emulator = setupTestEmulator();

/** Sends a raw body through the SDK-equivalent wire format, bypassing the SDK's types. */
const send = (body: unknown) => postJson(emulator, "/emails", JSON.stringify(body));

describe("validation of POST /emails", () => {
  it.each(["from", "to", "subject"] as const)(
    "answers 422 missing_required_field naming `%s`",
    async (field) => {
      const body: Record<string, unknown> = { ...sampleEmail };
      delete body[field];
      const { error } = await sdkFor(emulator).emails.send(body as never);

      expect(error).toEqual({
        statusCode: 422,
        name: "missing_required_field",
        message: `Missing \`${field}\` field.`,
      });
    },
  );

  it("requires html or text", async () => {
    const { status, json } = await send({ from: sampleEmail.from, to: sampleEmail.to, subject: "No body" });
    expect(status).toBe(422);
    expect(json).toMatchObject({
      name: "missing_required_field",
      message: expect.stringContaining("`html` or `text`"),
    });
  });

  it.each([
    ["to", { to: ["ada@example.com", "not-an-address"] }],
    ["from", { from: "Payroll <payroll@>" }],
    ["cc", { cc: "two words@example.com" }],
    ["reply_to", { reply_to: ["ok@example.com", "nope"] }],
  ])("rejects an invalid address in `%s` with 422 validation_error", async (field, override) => {
    const { status, json } = await send({ ...sampleEmail, ...override });
    expect(status).toBe(422);
    expect(json).toMatchObject({
      name: "validation_error",
      message: expect.stringContaining(`\`${field}\``),
    });
  });

  it("accepts display-name forms, including quoted names", async () => {
    const { status } = await send({
      ...sampleEmail,
      from: '"Payroll, Inc." <payroll@example.com>',
      to: ["Ada <ada@example.com>"],
    });
    expect(status).toBe(200);
  });

  it("rejects more than 50 recipients", async () => {
    const to = Array.from({ length: 51 }, (_, index) => `user${index}@example.com`);
    const { status, json } = await send({ ...sampleEmail, to });
    expect(status).toBe(422);
    expect(json).toMatchObject({ name: "validation_error", message: expect.stringContaining("`to`") });
    expect((await send({ ...sampleEmail, to: to.slice(0, 50) })).status).toBe(200);
  });

  it("rejects a field of the wrong type, naming it", async () => {
    const { status, json } = await send({ ...sampleEmail, headers: { "X-Count": 3 } });
    expect(status).toBe(422);
    expect(json).toMatchObject({ name: "validation_error", message: expect.stringContaining("`headers`") });
  });

  it("rejects tags Resend would reject", async () => {
    const { json } = await send({ ...sampleEmail, tags: [{ name: "has space", value: "x" }] });
    expect(json).toMatchObject({ name: "validation_error", message: expect.stringContaining("`tags`") });
  });

  it("accepts attachments with content and rejects ones with neither content nor path", async () => {
    const ok = await sdkFor(emulator).emails.send({
      ...sampleEmail,
      attachments: [{ filename: "report.csv", content: Buffer.from("a,b\n1,2\n") }],
    });
    const bad = await send({ ...sampleEmail, attachments: [{ filename: "empty.txt" }] });

    expect(ok.error).toBeNull();
    expect(bad.json).toMatchObject({ statusCode: 422, name: "invalid_attachment" });
  });

  it("answers 400 for malformed JSON and keeps serving", async () => {
    const { status, json } = await postJson(emulator, "/emails", '{"from": "a@example.com",');
    expect(status).toBe(400);
    expect(json).toMatchObject({ statusCode: 400, name: "validation_error" });

    const { error } = await sdkFor(emulator).emails.send(sampleEmail);
    expect(error).toBeNull();
  });

  it("answers 422 for a JSON body that is not an object", async () => {
    expect((await postJson(emulator, "/emails", "[1, 2]")).status).toBe(422);
    expect((await postJson(emulator, "/emails", "null")).status).toBe(422);
    expect(await listEmails(emulator)).toEqual([]);
  });
});

describe("validation of POST /emails/batch", () => {
  it("rejects more than 100 emails", async () => {
    const batch = Array.from({ length: 101 }, () => sampleEmail);
    const { error } = await sdkFor(emulator).batch.send(batch);
    expect(error).toMatchObject({
      statusCode: 422,
      name: "validation_error",
      message: expect.stringContaining("100"),
    });
  });

  it("in strict mode rejects the whole batch, naming the item and field", async () => {
    const { error } = await sdkFor(emulator).batch.send([sampleEmail, { ...sampleEmail, subject: "" }]);
    expect(error).toMatchObject({
      statusCode: 422,
      name: "missing_required_field",
      message: expect.stringMatching(/emails\[1\].*`subject`/),
    });
    expect(await listEmails(emulator)).toEqual([]);
  });

  it("in permissive mode keeps the valid emails and reports the others", async () => {
    const { data, error } = await sdkFor(emulator).batch.send(
      [sampleEmail, { ...sampleEmail, to: "broken" }],
      { batchValidation: "permissive" },
    );
    expect(error).toBeNull();
    expect(data?.data).toHaveLength(1);
    expect(data?.errors).toEqual([{ index: 1, message: expect.stringContaining("`to`") }]);
    expect(await listEmails(emulator)).toHaveLength(1);
  });

  it("rejects a body that is not an array, and attachments in a batch", async () => {
    expect((await postJson(emulator, "/emails/batch", JSON.stringify(sampleEmail))).status).toBe(422);
    const withAttachment = [{ ...sampleEmail, attachments: [{ filename: "a.txt", content: "YQ==" }] }];
    const { json } = await postJson(emulator, "/emails/batch", JSON.stringify(withAttachment));
    expect(json).toMatchObject({
      name: "validation_error",
      message: expect.stringContaining("`attachments`"),
    });
  });
});

describe("unknown routes", () => {
  it("answers Resend's 404 and 405 shapes", async () => {
    const missing = await fetch(`${emulator.url}/audiences`);
    const wrongMethod = await fetch(`${emulator.url}/emails/batch`, { method: "GET" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ name: "not_found" });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toMatchObject({ name: "method_not_allowed" });
  });
});
