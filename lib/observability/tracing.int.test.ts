import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/finch/webhook/route";
import { budgetedFetch } from "@/lib/finch/budget/budgeted-fetch";
import { accountUpdated, signedWebhookRequest } from "@/test/finch-test-kit";
import { attributesOf as attributes, startOtlpReceiver } from "@/test/otlp-receiver";
import { instrumentJob } from "./job-instrumentation";
import { startTracing, tracingEnabled, withSpan, type OtlpProtocol } from "./tracing";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());

const CONTENT_TYPES: Record<OtlpProtocol, string> = {
  "http/protobuf": "application/x-protobuf",
  "http/json": "application/json",
};

describe("traces", () => {
  it.each(["http/protobuf", "http/json"] as const)(
    "sends the webhook, each Finch call and each outbox delivery to the OTLP receiver (%s), with no secret",
    async (protocol) => {
      receiver.spans.length = 0;
      receiver.paths.length = 0;
      expect(tracingEnabled()).toBe(false);
      const stop = startTracing({
        endpoint: receiver.endpoint,
        serviceName: "payroll-connections-test",
        protocol,
      });
      const token = "tok-secret-abcdef";
      const finchFetch = budgetedFetch(async () => new Response("{}", { status: 200 }));
      await finchFetch("https://finch.test/employer/company", {
        headers: { authorization: `Bearer ${token}` },
      });
      const event = signedWebhookRequest(accountUpdated("unknown-connection", "connected"));
      expect((await webhook(event)).status).toBe(200);
      await instrumentJob("email-send", "job-42", async () => "sent to someone@example.com");
      await instrumentJob("sweep-batch", "job-43", () => finchFetch("https://finch.test/introspect"));
      await stop();
      expect(tracingEnabled()).toBe(false);

      expect(receiver.paths.length).toBeGreaterThan(0);
      const posted = `POST /v1/traces ${CONTENT_TYPES[protocol]}`;
      expect(receiver.paths.every((path) => path.startsWith(posted))).toBe(true);
      const byName = new Map(receiver.spans.map((span) => [span.name, attributes(span)]));
      const company = receiver.spans
        .map(attributes)
        .find((span) => span["finch.endpoint"] === "/employer/company");
      expect(company).toMatchObject({ "http.response.status_code": "200" });
      expect(company?.["finch.permit_wait_ms"]).toBeGreaterThanOrEqual(0);
      expect(byName.get("finch.webhook")).toMatchObject({ "webhook.outcome": "ignored" });
      expect(byName.get("outbox.delivery")).toMatchObject({
        "job.queue": "email-send",
        "outbox.channel": "email",
      });
      // A Finch call made by a job is its span's child (the job's log scope carries the parent).
      const batch = receiver.spans.find((span) => span.name === "sweep.batch");
      const introspect = receiver.spans.find((span) => attributes(span)["finch.endpoint"] === "/introspect");
      expect(batch?.spanId).toBeTruthy();
      expect(introspect?.parentSpanId).toBe(batch?.spanId);
      const everything = JSON.stringify(receiver.spans);
      expect(everything).not.toContain(token);
      expect(everything).not.toContain("@");
    },
  );

  it("ends a failed span with the error's class as its status, never its message", async () => {
    receiver.spans.length = 0;
    const stop = startTracing({ endpoint: receiver.endpoint, serviceName: "payroll-connections-test" });
    const failing = withSpan("finch.webhook", {}, async () => {
      throw new TypeError("bad token tok-secret-abcdef");
    });
    await expect(failing).rejects.toThrow(TypeError);
    const thrown = withSpan("outbox.delivery", {}, () => {
      throw new RangeError("thrown before any promise");
    });
    await expect(thrown).rejects.toThrow(RangeError);
    await stop();
    expect(receiver.spans.map((span) => span.name).sort()).toEqual(["finch.webhook", "outbox.delivery"]);
    expect(receiver.spans.map((span) => span.status)).toEqual([
      { code: 2, message: "TypeError" },
      { code: 2, message: "RangeError" },
    ]);
  });

  it("exports a finished span after the batch delay, without waiting for a flush or a full batch", async () => {
    receiver.spans.length = 0;
    const stop = startTracing({
      endpoint: receiver.endpoint,
      serviceName: "payroll-connections-test",
      exportDelayMs: 100,
    });
    try {
      await withSpan("finch.webhook", {}, async () => "recorded");
      const deadline = Date.now() + 3000; // OpenTelemetry's own delay is 5000 ms
      while (receiver.spans.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(receiver.spans.map((span) => span.name)).toEqual(["finch.webhook"]);
    } finally {
      await stop();
    }
  });
});
