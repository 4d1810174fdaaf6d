// OpenTelemetry traces, exported over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_ENDPOINT is set. Off, a
// span is a plain function call: withSpan only touches OpenTelemetry once tracing has started.
import {
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type ProxyTracerProvider,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { scopedValue, withScopedValue } from "@/lib/log";
import { shareTracingWithNext, type NextSpans } from "./next-spans";

/** The span a piece of work runs in, kept in its log scope (see withSpan). */
const CURRENT_SPAN = Symbol("current span");

const TRACER_NAME = "payroll-connections";

const globalForTracing = globalThis as unknown as { payrollTracing?: { sdk: NodeSDK; tracer: Tracer } };

export interface StartTracingOptions {
  /** The collector's base URL (spans go to `<endpoint>/v1/traces`). */
  endpoint: string;
  serviceName: string;
  /** Next.js's own spans: none (the default), each request's server span, or every one Next emits. */
  nextSpans?: NextSpans;
}

/** Starts the SDK once per process; returns a function that flushes and stops it. */
export function startTracing({
  endpoint,
  serviceName,
  nextSpans = "none",
}: StartTracingOptions): () => Promise<void> {
  let tracing = globalForTracing.payrollTracing;
  if (!tracing) {
    const sdk = new NodeSDK({
      serviceName,
      traceExporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` }),
      // Traces only: metrics are Prometheus's (/api/metrics) and logs go to stdout.
      metricReaders: [],
      logRecordProcessors: [],
      instrumentations: [],
    });
    // The SDK registers its context manager, propagator and provider; the provider is then shared as asked.
    sdk.start();
    const provider = (trace.getTracerProvider() as ProxyTracerProvider).getDelegate();
    shareTracingWithNext(provider, nextSpans);
    // Without Next's spans, the SDK's context manager goes too: Next does context work for its spans
    // whether or not they are recorded (an AsyncLocalStorage run each, several a request, and one more
    // store kept for every promise), which cost the webhook about a tenth of its CPU (bench/README.md).
    // Our spans find their parent in the work's log scope instead. Nor does Next then put trace headers
    // into each page it renders (the SDK's propagator), for spans nobody records.
    if (nextSpans === "none") {
      context.disable();
      propagation.disable();
    }
    tracing = { sdk, tracer: provider.getTracer(TRACER_NAME) };
    globalForTracing.payrollTracing = tracing;
  }
  const started = tracing;
  return async () => {
    if (globalForTracing.payrollTracing === started) globalForTracing.payrollTracing = undefined;
    await started.sdk.shutdown();
    // A later start registers its own provider.
    trace.disable();
  };
}

export function tracingEnabled(): boolean {
  return globalForTracing.payrollTracing !== undefined;
}

/**
 * Runs `work` inside a span (when tracing is on). Attributes are chosen by the caller and must never
 * carry a token or an email address; a failure records only the error's class, never its message.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  const tracer = globalForTracing.payrollTracing?.tracer;
  if (!tracer) return work(undefined);
  const parentSpan = scopedValue(CURRENT_SPAN) as Span | undefined;
  const parent = parentSpan ? trace.setSpan(context.active(), parentSpan) : context.active();
  const span = tracer.startSpan(name, { attributes }, parent);
  try {
    // The global context too, when it is kept: Next's and libraries' spans inside are then children.
    return await context.with(trace.setSpan(parent, span), () =>
      withScopedValue(CURRENT_SPAN, span, () => work(span)),
    );
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
    throw error;
  } finally {
    span.end();
  }
}
