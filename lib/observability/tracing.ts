// OpenTelemetry traces, exported over OTLP/HTTP (protobuf, or JSON) when OTEL_EXPORTER_OTLP_ENDPOINT is
// set. Off, a span is a plain function call: withSpan only touches OpenTelemetry once tracing has started.
import {
  ROOT_CONTEXT,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
} from "@opentelemetry/api";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { Env } from "@/lib/env";
import { scopedValue, withScopedValue } from "@/lib/log";
import { shareTracingWithNext, type NextSpans } from "./next-spans";
import { DEFAULT_SAMPLER, samplerFor, type SamplerName } from "./sampler";
import { SpanRecorder } from "./span-recorder";

/** The span a piece of work runs in, kept in its log scope (see withSpan). */
const CURRENT_SPAN = Symbol("current span");

const TRACER_NAME = "payroll-connections";

interface Tracing {
  provider: NodeTracerProvider;
  /** Our spans: recorded without the SDK's Tracer, exported by the provider's processor (span-recorder.ts). */
  recorder: SpanRecorder;
  /** Whether the SDK's global context manager is kept (Next's spans traced): spans then enter it too. */
  globalContext: boolean;
}

const globalForTracing = globalThis as unknown as { payrollTracing?: Tracing };

export interface StartTracingOptions {
  /** The collector's base URL (spans go to `<endpoint>/v1/traces`). */
  endpoint: string;
  serviceName: string;
  /** Next.js's own spans: none (the default), each request's server span, or every one Next emits. */
  nextSpans?: NextSpans;
  /**
   * The encoding (OTEL_EXPORTER_OTLP_PROTOCOL): protobuf by default, OTLP's own default, because per
   * span it is about a third of JSON's bytes and half its encoding CPU (bench/observability/span-cost.ts).
   */
  protocol?: OtlpProtocol;
  /** How long a finished span waits for its batch's export (OTEL_BSP_SCHEDULE_DELAY, lib/env.ts). */
  exportDelayMs?: number;
  /** Which traces are kept (OTEL_TRACES_SAMPLER and its ratio, OTEL_TRACES_SAMPLER_ARG): all by default. */
  sampler?: { name: SamplerName; ratio?: number };
}

/** The encodings OTEL_EXPORTER_OTLP_PROTOCOL accepts (lib/env.ts). */
export type OtlpProtocol = Env["OTEL_EXPORTER_OTLP_PROTOCOL"];

/** Starts tracing once per process; returns a function that flushes and stops it. */
export function startTracing({
  endpoint,
  serviceName,
  nextSpans = "none",
  protocol = "http/protobuf",
  exportDelayMs = 1000,
  sampler = { name: DEFAULT_SAMPLER },
}: StartTracingOptions): () => Promise<void> {
  let tracing = globalForTracing.payrollTracing;
  if (!tracing) {
    const url = `${endpoint.replace(/\/+$/, "")}/v1/traces`;
    // The tracer provider, one batch processor and the exporter: what NodeSDK would build for traces
    // alone, without the exporters, detectors and instrumentation machinery it loads for metrics and logs
    // (about 4 MB more heap and 11 MB more memory per process, measured here).
    const resource = defaultResource().merge(resourceFromAttributes({ "service.name": serviceName }));
    const processor = new BatchSpanProcessor(
      protocol === "http/json" ? new JsonTraceExporter({ url }) : new ProtobufTraceExporter({ url }),
      { scheduledDelayMillis: exportDelayMs },
    );
    const sampling = samplerFor(sampler.name, sampler.ratio);
    const provider = new NodeTracerProvider({ resource, sampler: sampling, spanProcessors: [processor] });
    // Next's spans need the global context manager and propagator (W3C trace context). Without them Next
    // does no context work for its spans (an AsyncLocalStorage run each, several a request, and one more
    // store kept for every promise: about a tenth of the webhook's CPU, bench/README.md), nor does it put
    // trace headers into each page it renders; our spans find their parent in the work's log scope.
    if (nextSpans !== "none") provider.register();
    shareTracingWithNext(provider, nextSpans);
    tracing = {
      provider,
      recorder: new SpanRecorder({
        processor,
        resource,
        scope: { name: TRACER_NAME },
        // The default needs no sampler call: the recorder keeps what a kept parent (or none) starts.
        sampler: sampler.name === DEFAULT_SAMPLER ? undefined : sampling,
      }),
      globalContext: nextSpans !== "none",
    };
    globalForTracing.payrollTracing = tracing;
  }
  const started = tracing;
  return async () => {
    if (globalForTracing.payrollTracing === started) globalForTracing.payrollTracing = undefined;
    await started.provider.shutdown();
    // A later start registers its own provider (and context manager and propagator, when it keeps them).
    trace.disable();
    if (started.globalContext) {
      context.disable();
      propagation.disable();
    }
  };
}

export function tracingEnabled(): boolean {
  return globalForTracing.payrollTracing !== undefined;
}

/** The context a span starts in: its parent from the log scope, and the global one when it is kept. */
function parentContext(parentSpan: Span | undefined, globalContext: boolean): Context {
  const base = globalContext ? context.active() : ROOT_CONTEXT;
  return parentSpan ? trace.setSpan(base, parentSpan) : base;
}

/**
 * Runs `work` inside a span (when tracing is on). Attributes are chosen by the caller and must never
 * carry a token or an email address; a failure records only the error's class, never its message.
 * Not an async function: each promise costs a hook call for the log scope, so the span ends in one
 * `then` (bench/observability/span-cost.ts measures it).
 */
export function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  const tracing = globalForTracing.payrollTracing;
  if (!tracing) return work(undefined);
  const parent = parentContext(scopedValue(CURRENT_SPAN) as Span | undefined, tracing.globalContext);
  const span = tracing.recorder.startSpan(name, attributes, parent);
  const run = () => withScopedValue(CURRENT_SPAN, span, () => work(span));
  let running: Promise<T>;
  try {
    // The global context too, when it is kept: Next's and libraries' spans inside are then children.
    running = tracing.globalContext ? context.with(trace.setSpan(parent, span), run) : run();
  } catch (error) {
    running = Promise.reject(error);
  }
  return running.then(
    (value) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      span.end();
      throw error;
    },
  );
}
