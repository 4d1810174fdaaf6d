// OpenTelemetry traces, exported over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_ENDPOINT is set. Off, a
// span is a plain function call: withSpan only touches OpenTelemetry once tracing has started.
import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { NodeSDK } from "@opentelemetry/sdk-node";

const globalForTracing = globalThis as unknown as { payrollTracing?: NodeSDK };

export interface StartTracingOptions {
  /** The collector's base URL (spans go to `<endpoint>/v1/traces`). */
  endpoint: string;
  serviceName: string;
}

/** Starts the SDK once per process; returns a function that flushes and stops it. */
export function startTracing({ endpoint, serviceName }: StartTracingOptions): () => Promise<void> {
  let sdk = globalForTracing.payrollTracing;
  if (!sdk) {
    sdk = new NodeSDK({
      serviceName,
      traceExporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` }),
      // Traces only: metrics are Prometheus's (/api/metrics) and logs go to stdout.
      metricReaders: [],
      logRecordProcessors: [],
      instrumentations: [],
    });
    sdk.start();
    globalForTracing.payrollTracing = sdk;
  }
  const started = sdk;
  return async () => {
    if (globalForTracing.payrollTracing === started) globalForTracing.payrollTracing = undefined;
    await started.shutdown();
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
  if (!tracingEnabled()) return work(undefined);
  return trace.getTracer("payroll-connections").startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      throw error;
    } finally {
      span.end();
    }
  });
}
