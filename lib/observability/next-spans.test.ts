import { ROOT_CONTEXT, trace, type Span, type SpanOptions, type Tracer } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { NEXT_TRACER_NAME, NextRequestSpansProvider, shareTracingWithNext } from "./next-spans";

const REQUEST = { attributes: { "next.span_type": "BaseServer.handleRequest", "http.method": "GET" } };
const RENDER = { attributes: { "next.span_type": "AppRender.getBodyResult" } };
const parentSpan = trace.wrapSpanContext({ traceId: "a".repeat(32), spanId: "b".repeat(16), traceFlags: 1 });
const sdkSpan = trace.wrapSpanContext({ traceId: "c".repeat(32), spanId: "d".repeat(16), traceFlags: 1 });

/** A provider standing in for the SDK's: records which spans were started, by tracer. */
function recordingProvider() {
  const started: string[] = [];
  const tracerFor = (scope: string): Tracer => ({
    startSpan(name: string, _options?: SpanOptions) {
      started.push(`${scope}: ${name}`);
      return sdkSpan;
    },
    startActiveSpan(name: string, ...args: unknown[]) {
      started.push(`${scope}: ${name}`);
      return (args[args.length - 1] as (span: Span) => unknown)(sdkSpan);
    },
  });
  return { started, getTracer: tracerFor };
}

afterEach(() => trace.disable());

describe("Next.js's spans", () => {
  it("start each request's server span and leave Next's internal spans out", () => {
    const sdk = recordingProvider();
    const next = new NextRequestSpansProvider(sdk).getTracer(NEXT_TRACER_NAME, "16.4.6");
    // Next calls startActiveSpan(name, options, fn).
    expect(next.startActiveSpan("GET", REQUEST, (span: Span) => span)).toBe(sdkSpan);
    expect(next.startSpan("GET /", REQUEST)).toBe(sdkSpan);
    const inner = next.startActiveSpan(
      "render route (app) /",
      RENDER,
      trace.setSpan(ROOT_CONTEXT, parentSpan),
      (span: Span) => span,
    );
    const loose = next.startSpan("start response", RENDER, trace.setSpan(ROOT_CONTEXT, parentSpan));
    expect(sdk.started).toEqual(["next.js: GET", "next.js: GET /"]);
    // A left-out span is the parent seen again: what runs inside stays the request span's child.
    for (const span of [inner, loose]) {
      expect(span.spanContext()).toEqual(parentSpan.spanContext());
      expect(span.isRecording()).toBe(false);
    }
    expect(next.startActiveSpan("resolve page components", (span: Span) => span.spanContext().spanId)).toBe(
      "0".repeat(16),
    );
  });

  it("leave every other tracer as the SDK made it", () => {
    const sdk = recordingProvider();
    const provider = new NextRequestSpansProvider(sdk);
    provider.getTracer("pg-boss").startSpan("send email-outbox-relay", RENDER);
    provider.getTracer("payroll-connections").startActiveSpan("finch.webhook", {}, () => undefined);
    expect(sdk.started).toEqual(["pg-boss: send email-outbox-relay", "payroll-connections: finch.webhook"]);
  });

  it("are shared with Next.js only when asked", () => {
    const sdk = recordingProvider();
    shareTracingWithNext(sdk, "none");
    trace.getTracer(NEXT_TRACER_NAME).startSpan("GET", REQUEST);
    expect(sdk.started).toEqual([]);

    shareTracingWithNext(sdk, "request");
    trace.getTracer(NEXT_TRACER_NAME).startSpan("GET", REQUEST);
    trace.getTracer(NEXT_TRACER_NAME).startSpan("start response", RENDER);
    expect(sdk.started).toEqual(["next.js: GET"]);

    shareTracingWithNext(sdk, "all");
    trace.getTracer(NEXT_TRACER_NAME).startSpan("start response", RENDER);
    expect(sdk.started).toEqual(["next.js: GET", "next.js: start response"]);
  });
});
