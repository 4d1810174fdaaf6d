import { ROOT_CONTEXT, SpanStatusCode, TraceFlags, trace } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { describe, expect, it } from "vitest";
import { samplerFor } from "./sampler";
import { SpanRecorder, hrTimeOf, type SpanRecorderOptions } from "./span-recorder";

function recorder(sampler?: SpanRecorderOptions["sampler"]) {
  const calls: string[] = [];
  const ended: ReadableSpan[] = [];
  const processor: SpanProcessor = {
    onStart: (span) => calls.push(`start ${span.name}`),
    onEnd: (span) => {
      calls.push(`end ${span.name}`);
      ended.push(span);
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  const resource = resourceFromAttributes({ "service.name": "test" });
  const spans = new SpanRecorder({ processor, resource, scope: { name: "payroll-connections" }, sampler });
  return { spans, calls, ended, resource };
}

const epochMs = ([seconds, nanos]: [number, number]) => seconds * 1000 + nanos / 1e6;

describe("SpanRecorder", () => {
  it("records a root span with fresh ids, its attributes, and its times, and hands it on once when it ends", () => {
    const { spans, calls, ended, resource } = recorder();
    const before = Date.now();
    const span = spans.startSpan("finch.webhook", { "finch.endpoint": "/introspect" }, ROOT_CONTEXT);
    span.setAttributes({ "webhook.outcome": "applied", "http.response.status_code": 200 });
    span.setStatus({ code: SpanStatusCode.ERROR, message: "TypeError" });
    span.end();
    span.end();
    span.setAttribute("after.end", "ignored");
    const after = Date.now();

    expect(calls).toEqual(["start finch.webhook", "end finch.webhook"]);
    const [recorded] = ended;
    const { traceId, spanId, traceFlags } = recorded.spanContext();
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(traceId).not.toMatch(/^0+$/);
    expect(traceFlags).toBe(TraceFlags.SAMPLED);
    expect(recorded.parentSpanContext).toBeUndefined();
    expect(recorded.attributes).toEqual({
      "finch.endpoint": "/introspect",
      "webhook.outcome": "applied",
      "http.response.status_code": 200,
    });
    expect(recorded.status).toEqual({ code: SpanStatusCode.ERROR, message: "TypeError" });
    expect(recorded.resource).toBe(resource);
    expect(recorded.instrumentationScope).toEqual({ name: "payroll-connections" });
    expect(recorded.ended).toBe(true);
    expect(span.isRecording()).toBe(false);
    // Times on the wall clock (to the millisecond Date.now reads), the duration their difference.
    const [start, end] = [epochMs(recorded.startTime), epochMs(recorded.endTime)];
    expect(start).toBeGreaterThanOrEqual(before - 1);
    expect(end).toBeLessThanOrEqual(after + 1);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(epochMs(recorded.duration)).toBeCloseTo(end - start, 3);
  });

  it("makes a span of a sampled parent its child, in the parent's trace", () => {
    const { spans, ended } = recorder();
    const parent = spans.startSpan("sweep.batch", {}, ROOT_CONTEXT);
    const child = spans.startSpan("finch.request", {}, trace.setSpan(ROOT_CONTEXT, parent));
    child.end();
    parent.end();
    const [recordedChild, recordedParent] = ended;
    expect(recordedChild.spanContext().traceId).toBe(recordedParent.spanContext().traceId);
    expect(recordedChild.parentSpanContext?.spanId).toBe(recordedParent.spanContext().spanId);
    expect(recordedChild.spanContext().spanId).not.toBe(recordedParent.spanContext().spanId);
  });

  it("records nothing under a parent that was not sampled, as the SDK's default sampler", () => {
    const { spans, calls } = recorder();
    const unsampled = trace.wrapSpanContext({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
      traceFlags: TraceFlags.NONE,
    });
    const span = spans.startSpan("finch.webhook", {}, trace.setSpan(ROOT_CONTEXT, unsampled));
    span.setAttribute("webhook.outcome", "applied");
    span.end();
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(calls).toEqual([]);
  });

  it("keeps what OTEL_TRACES_SAMPLER's sampler keeps", () => {
    const unsampledParent = trace.setSpan(
      ROOT_CONTEXT,
      trace.wrapSpanContext({
        traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
        spanId: "00f067aa0ba902b7",
        traceFlags: TraceFlags.NONE,
      }),
    );
    const kept = (name: Parameters<typeof samplerFor>[0], ratio: number, parent = ROOT_CONTEXT) => {
      const { spans, ended } = recorder(samplerFor(name, ratio));
      const span = spans.startSpan("finch.webhook", {}, parent);
      span.end();
      return [span.isRecording() || ended.length > 0, span.spanContext().traceFlags === TraceFlags.SAMPLED];
    };
    expect(kept("traceidratio", 0)).toEqual([false, false]);
    expect(kept("traceidratio", 1)).toEqual([true, true]);
    expect(kept("always_off", 1)).toEqual([false, false]);
    expect(kept("parentbased_traceidratio", 0)).toEqual([false, false]);
    expect(kept("parentbased_traceidratio", 1, unsampledParent)).toEqual([false, false]);
    expect(kept("always_on", 1, unsampledParent)).toEqual([true, true]);
    // A kept parent keeps its children whatever the ratio of roots.
    const { spans } = recorder();
    const parent = spans.startSpan("sweep.batch", {}, ROOT_CONTEXT);
    expect(kept("parentbased_traceidratio", 0, trace.setSpan(ROOT_CONTEXT, parent))).toEqual([true, true]);
    expect(kept("parentbased_always_off", 1)).toEqual([false, false]);
    expect(kept("parentbased_always_off", 1, trace.setSpan(ROOT_CONTEXT, parent))).toEqual([true, true]);
  });

  it("gives every span its own id", () => {
    const { spans } = recorder();
    const ids = new Set(
      Array.from({ length: 2000 }, () => spans.startSpan("s", {}, ROOT_CONTEXT).spanContext().spanId),
    );
    expect(ids.size).toBe(2000);
  });

  it("records an exception's class only, never its message", () => {
    const { spans, ended } = recorder();
    const span = spans.startSpan("finch.webhook", {}, ROOT_CONTEXT);
    span.recordException(new TypeError("bad token tok-secret-abcdef"));
    span.end();
    expect(ended[0].events.map((event) => [event.name, event.attributes])).toEqual([
      ["exception", { "exception.type": "TypeError" }],
    ]);
    expect(JSON.stringify(ended[0])).not.toContain("tok-secret");
  });
});

describe("hrTimeOf", () => {
  it("splits epoch milliseconds into seconds and nanoseconds, carrying a rounded-up second", () => {
    expect(hrTimeOf(1500)).toEqual([1, 500_000_000]);
    expect(hrTimeOf(2000)).toEqual([2, 0]);
    expect(hrTimeOf(999.99999999999)).toEqual([1, 0]);
    expect(hrTimeOf(1_765_000_000_123.25)).toEqual([1_765_000_000, 123_250_000]);
  });
});
