import { describe, expect, it } from "vitest";
import { listEmails, postJson, sampleEmail, sdkFor, setupTestEmulator } from "./test-support/test-emulator";

const emulator = setupTestEmulator();

const armFault = (fault: Record<string, unknown>) =>
  postJson(emulator, "/_emulator/faults", JSON.stringify(fault), {});

describe("fault injection", () => {
  it("fails the next N sends with 429 rate_limit_exceeded and a retry-after header, then recovers", async () => {
    expect((await armFault({ status: 429, count: 2, retryAfter: 3 })).status).toBe(200);
    const resend = sdkFor(emulator);

    const first = await resend.emails.send(sampleEmail);
    const second = await resend.batch.send([sampleEmail]);
    const third = await resend.emails.send(sampleEmail);

    expect(first.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(first.headers?.["retry-after"]).toBe("3");
    expect(second.error?.statusCode).toBe(429);
    expect(third.error).toBeNull();
    expect(await listEmails(emulator)).toHaveLength(1);
  });

  it.each([
    [500, "internal_server_error"],
    [503, "application_error"],
  ])("answers %i with Resend's error shape", async (status, name) => {
    await armFault({ status });
    const failed = await sdkFor(emulator).emails.send(sampleEmail);
    const recovered = await sdkFor(emulator).emails.send(sampleEmail);

    expect(failed.error).toMatchObject({ statusCode: status, name });
    expect(recovered.error).toBeNull();
  });

  it("lets an outbox retry with the same idempotency key succeed exactly once", async () => {
    await armFault({ status: 500, count: 1 });
    const resend = sdkFor(emulator);
    const failed = await resend.emails.send(sampleEmail, { idempotencyKey: "outbox/9" });
    const retried = await resend.emails.send(sampleEmail, { idempotencyKey: "outbox/9" });
    const again = await resend.emails.send(sampleEmail, { idempotencyKey: "outbox/9" });

    expect(failed.error?.statusCode).toBe(500);
    expect(retried.error).toBeNull();
    expect(again.data?.id).toBe(retried.data?.id);
    expect(await listEmails(emulator)).toHaveLength(1);
  });

  it("with a fraction and no count, keeps failing until reset", async () => {
    await armFault({ status: 503, fraction: 1 });
    const resend = sdkFor(emulator);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await resend.emails.send(sampleEmail)).error?.statusCode).toBe(503);
    }
    await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
    expect((await resend.emails.send(sampleEmail)).error).toBeNull();
  });

  it("with fraction 0 never fails", async () => {
    await armFault({ status: 500, fraction: 0, count: 5 });
    expect((await sdkFor(emulator).emails.send(sampleEmail)).error).toBeNull();
  });

  it("reports, and can clear, the armed fault", async () => {
    await armFault({ status: 429, count: 4 });
    const armed = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
      fault: { remaining: number };
    };
    await fetch(`${emulator.url}/_emulator/faults`, { method: "DELETE" });

    expect(armed.fault.remaining).toBe(4);
    expect((await sdkFor(emulator).emails.send(sampleEmail)).error).toBeNull();
  });

  it("rejects a fault it cannot inject", async () => {
    const { status } = await armFault({ status: 418 });
    expect(status).toBe(422);
    expect((await postJson(emulator, "/_emulator/faults", "{oops", {})).status).toBe(400);
  });
});
