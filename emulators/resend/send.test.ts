import { Resend } from "resend";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  listEmails,
  sampleEmail,
  sdkFor,
  startTestEmulator,
  setupTestEmulator,
} from "./test-support/test-emulator";

const emulator = setupTestEmulator();
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("POST /emails through the official SDK", () => {
  it("accepts an email and lists it newest first with its html, text and headers", async () => {
    const resend = sdkFor(emulator);
    const first = await resend.emails.send({ ...sampleEmail, subject: "First" });
    const second = await resend.emails.send({
      ...sampleEmail,
      subject: "Second",
      cc: ["ops@example.com"],
      replyTo: "support@example.com",
      headers: { "X-Entity-Ref-ID": "outbox-42" },
      tags: [{ name: "category", value: "reconnect" }],
    });

    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(second.data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const emails = await listEmails(emulator);
    expect(emails.map((email) => email.subject)).toEqual(["Second", "First"]);
    expect(emails[0]).toMatchObject({
      id: second.data?.id,
      from: sampleEmail.from,
      to: ["ada@example.com"],
      html: sampleEmail.html,
      text: sampleEmail.text,
      headers: { "X-Entity-Ref-ID": "outbox-42" },
    });
    expect(Date.parse(emails[0]?.created_at ?? "")).not.toBeNaN();
  });

  it("serves one email in Resend's retrieve shape", async () => {
    const resend = sdkFor(emulator);
    const sent = await resend.emails.send({
      ...sampleEmail,
      cc: "ops@example.com",
      replyTo: ["a@example.com"],
    });
    const { data, error } = await resend.emails.get(sent.data?.id ?? "");

    expect(error).toBeNull();
    expect(data).toMatchObject({
      object: "email",
      id: sent.data?.id,
      to: ["ada@example.com"],
      cc: ["ops@example.com"],
      bcc: null,
      reply_to: ["a@example.com"],
      subject: sampleEmail.subject,
      last_event: "delivered",
    });
  });

  it("answers not_found and invalid_parameter for unknown ids", async () => {
    const resend = sdkFor(emulator);
    const missing = await resend.emails.get("1c3a4b5d-0000-4000-8000-000000000000");
    const malformed = await resend.emails.get("not-a-uuid");

    expect(missing.error).toEqual({ statusCode: 404, name: "not_found", message: "Email not found" });
    expect(malformed.error?.name).toBe("invalid_parameter");
  });

  it("filters GET /emails by recipient address, ignoring display names and case", async () => {
    const resend = sdkFor(emulator);
    await resend.emails.send({ ...sampleEmail, to: "Ada Lovelace <Ada@Example.com>", subject: "For Ada" });
    await resend.emails.send({ ...sampleEmail, to: "grace@example.com", subject: "For Grace" });

    const forAda = await listEmails(emulator, "ada@example.com");
    expect(forAda.map((email) => email.subject)).toEqual(["For Ada"]);
  });

  it("lists through the SDK too, honouring limit", async () => {
    const resend = sdkFor(emulator);
    for (const subject of ["One", "Two", "Three"]) await resend.emails.send({ ...sampleEmail, subject });

    const { data, error } = await resend.emails.list({ limit: 2 });
    expect(error).toBeNull();
    expect(data?.has_more).toBe(true);
    expect(data?.data.map((email) => email.subject)).toEqual(["Three", "Two"]);
  });
});

describe("POST /emails/batch through the official SDK", () => {
  it("stores every email and returns their ids in order", async () => {
    const { data, error } = await sdkFor(emulator).batch.send([
      { ...sampleEmail, to: "one@example.com", subject: "Batch 1" },
      { ...sampleEmail, to: ["two@example.com", "three@example.com"], subject: "Batch 2" },
    ]);

    expect(error).toBeNull();
    expect(data?.data).toHaveLength(2);
    const emails = await listEmails(emulator);
    expect(emails.map((email) => email.id)).toEqual([data?.data[1]?.id, data?.data[0]?.id]);
    expect(emails[0]?.to).toEqual(["two@example.com", "three@example.com"]);
  });
});

describe("how the SDK finds the emulator", () => {
  it("reads RESEND_BASE_URL (and RESEND_API_KEY) when the client is constructed, not per request", async () => {
    const other = await startTestEmulator();
    try {
      vi.stubEnv("RESEND_BASE_URL", emulator.url);
      vi.stubEnv("RESEND_API_KEY", "re_from_env");
      const resend = new Resend();
      vi.stubEnv("RESEND_BASE_URL", other.url);

      expect(resend.baseUrl).toBe(emulator.url);
      const { error } = await resend.emails.send({ ...sampleEmail, subject: "Where did I go?" });
      expect(error).toBeNull();
      expect((await listEmails(emulator)).map((email) => email.subject)).toEqual(["Where did I go?"]);
      expect(await listEmails(other)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
