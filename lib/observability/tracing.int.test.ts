import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/finch/webhook/route";
import { budgetedFetch } from "@/lib/finch/budget/budgeted-fetch";
import { accountUpdated, signedWebhookRequest } from "@/test/finch-test-kit";
import { instrumentJob } from "./job-instrumentation";
import { startTracing, tracingEnabled } from "./tracing";

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
}
interface OtlpSpan {
  name: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: { key: string; value: OtlpValue }[];
}
interface OtlpBody {
  resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
}

/** A local OTLP/HTTP receiver: keeps every span posted to /v1/traces (JSON encoding). */
function startReceiver() {
  const spans: OtlpSpan[] = [];
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      paths.push(`${request.method} ${request.url} ${request.headers["content-type"]}`);
      const parsed = JSON.parse(body) as OtlpBody;
      for (const resource of parsed.resourceSpans)
        for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return { server, spans, paths };
}

const attributes = (span: OtlpSpan) =>
  Object.fromEntries(
    (span.attributes ?? []).map(({ key, value }) => [
      key,
      value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : value.doubleValue),
    ]),
  );

const receiver = startReceiver();
let endpoint = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(receiver.server.address() as net.AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

describe("traces", () => {
  it("sends the webhook, each Finch call and each outbox delivery to the OTLP receiver, with no secret", async () => {
    expect(tracingEnabled()).toBe(false);
    const stop = startTracing({ endpoint, serviceName: "payroll-connections-test" });
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

    expect(receiver.paths.every((path) => path.startsWith("POST /v1/traces application/json"))).toBe(true);
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
    // A Finch call made by a job is its span's child (the SDK's context manager carries the parent).
    const batch = receiver.spans.find((span) => span.name === "sweep.batch");
    const introspect = receiver.spans.find((span) => attributes(span)["finch.endpoint"] === "/introspect");
    expect(batch?.spanId).toBeTruthy();
    expect(introspect?.parentSpanId).toBe(batch?.spanId);
    const everything = JSON.stringify(receiver.spans);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain("@");
  });
});
